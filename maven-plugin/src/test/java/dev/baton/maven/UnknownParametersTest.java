package dev.baton.maven;

import dev.baton.linter.engine.LintConfigurationException;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UnknownParametersTest {

    private static Xpp3Dom configuration(String... names) {
        Xpp3Dom dom = new Xpp3Dom("configuration");
        for (String n : names) {
            Xpp3Dom child = new Xpp3Dom(n);
            child.setValue("x");
            dom.addChild(child);
        }
        return dom;
    }

    private static PluginDescriptor descriptor() throws Exception {
        PluginDescriptor plugin = new PluginDescriptor();
        plugin.setGroupId("dev.baton");
        plugin.setArtifactId("baton-maven-plugin");
        MojoDescriptor check = new MojoDescriptor();
        check.setGoal("check");
        for (String name : List.of("failOn", "schemaDirectories", "project")) {
            Parameter p = new Parameter();
            p.setName(name);
            p.setEditable(!name.equals("project"));
            check.addParameter(p);
        }
        plugin.addMojo(check);
        return plugin;
    }

    private static MavenProject project(Xpp3Dom pluginLevel, Xpp3Dom executionLevel) {
        Plugin plugin = new Plugin();
        plugin.setGroupId("dev.baton");
        plugin.setArtifactId("baton-maven-plugin");
        plugin.setConfiguration(pluginLevel);
        PluginExecution e = new PluginExecution();
        e.setId("default");
        e.setConfiguration(executionLevel);
        plugin.addExecution(e);
        Model model = new Model();
        model.setBuild(new Build());
        model.getBuild().addPlugin(plugin);
        return new MavenProject(model);
    }

    @Test
    void aMisspelledParameterIsAConfigurationErrorNamingIt() throws Exception {
        var e = assertThrows(LintConfigurationException.class, () -> UnknownParameters.check(
                project(configuration("failon"), configuration("schemaDirectory", "failOn")), descriptor(), "default"));
        assertEquals("Unknown parameters [<failon>, <schemaDirectory>] in the configuration of baton-maven-plugin; "
                + "known parameters are [failOn, schemaDirectories]", e.getMessage());
    }

    @Test
    void knownParametersPass() throws Exception {
        assertDoesNotThrow(() -> UnknownParameters.check(project(configuration("failOn"),
                configuration("schemaDirectories")), descriptor(), "default"));
        assertEquals(List.of(), UnknownParameters.unknown(null, java.util.Set.of()));
    }
}
