package dev.baton.maven;

import dev.baton.linter.engine.LintConfigurationException;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Configuration elements no Baton goal takes. Maven 3.8 drops them without a word (3.9 only warns), so
 * {@code <failon>warning</failon>} or {@code <schemaDirectory>} would silently change nothing; Baton
 * refuses them, naming the element and the parameters it knows.
 */
final class UnknownParameters {
    private UnknownParameters() {
    }

    /** Throws when the plugin's configuration in the POM, or this execution's, has an element no goal takes. */
    static void check(MavenProject project, PluginDescriptor plugin, String executionId) {
        Plugin declared = project.getPlugin(plugin.getPluginLookupKey());
        if (declared == null) return;
        Set<String> accepted = new TreeSet<>();
        Set<String> settable = new TreeSet<>();
        for (MojoDescriptor mojo : plugin.getMojos()) {
            if (mojo.getParameters() == null) continue;
            for (Parameter p : mojo.getParameters()) {
                accepted.add(p.getName());
                if (p.getAlias() != null) accepted.add(p.getAlias());
                if (p.isEditable()) settable.add(p.getName());
            }
        }
        List<String> unknown = new ArrayList<>(unknown(declared.getConfiguration(), accepted));
        PluginExecution execution = executionId == null ? null : declared.getExecutionsAsMap().get(executionId);
        if (execution != null) unknown.addAll(unknown(execution.getConfiguration(), accepted));
        if (!unknown.isEmpty()) {
            throw new LintConfigurationException("Unknown parameter" + (unknown.size() == 1 ? " " : "s ")
                    + unknown.stream().map(n -> "<" + n + ">").toList() + " in the configuration of "
                    + plugin.getArtifactId() + "; known parameters are " + settable);
        }
    }

    /** The names of {@code configuration}'s elements that are not in {@code accepted}, in document order. */
    static List<String> unknown(Object configuration, Set<String> accepted) {
        if (!(configuration instanceof Xpp3Dom dom)) return List.of();
        List<String> out = new ArrayList<>();
        for (Xpp3Dom child : dom.getChildren()) {
            if (!accepted.contains(child.getName()) && !out.contains(child.getName())) out.add(child.getName());
        }
        return out;
    }
}
