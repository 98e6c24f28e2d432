package dev.baton.maven;

import org.apache.maven.artifact.versioning.ComparableVersion;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Plugin;

import java.util.List;
import java.util.Optional;

/**
 * The one set-up mistake that makes the harness pass without running: Surefire before 3.0 does not
 * run JUnit Platform engines, and Maven 3.8.7 binds Surefire 2.12.4 by default, so a build with
 * {@code baton-harness} on its test classpath reports {@code Tests run: 0} and succeeds. Decided from
 * the project model (its declared dependencies and its effective build plugins, which include the
 * version the lifecycle binds), so it needs no dependency resolution.
 */
final class SurefireCheck {

    static final String HARNESS_GROUP = "dev.baton";
    static final String HARNESS_ARTIFACT = "baton-harness";
    static final String SUREFIRE_GROUP = "org.apache.maven.plugins";
    static final String SUREFIRE_ARTIFACT = "maven-surefire-plugin";
    private static final ComparableVersion FIRST_THAT_RUNS_ENGINES = new ComparableVersion("3.0.0");

    private SurefireCheck() {
    }

    /**
     * The warning for a project with these dependencies and build plugins, or empty when the harness
     * is not used, Surefire is not in the build (nothing runs tests), or Surefire is 3.0 or later.
     */
    static Optional<String> warning(String projectName, List<Dependency> dependencies, List<Plugin> buildPlugins) {
        boolean harness = dependencies != null && dependencies.stream()
                .anyMatch(d -> HARNESS_GROUP.equals(d.getGroupId()) && HARNESS_ARTIFACT.equals(d.getArtifactId()));
        if (!harness || buildPlugins == null) {
            return Optional.empty();
        }
        for (Plugin plugin : buildPlugins) {
            if (!SUREFIRE_ARTIFACT.equals(plugin.getArtifactId())
                    || !(plugin.getGroupId() == null || SUREFIRE_GROUP.equals(plugin.getGroupId()))) {
                continue;
            }
            String version = plugin.getVersion();
            if (version == null || version.isBlank()
                    || new ComparableVersion(version.trim()).compareTo(FIRST_THAT_RUNS_ENGINES) >= 0) {
                return Optional.empty();
            }
            return Optional.of(projectName + " has " + HARNESS_ARTIFACT + " on its test classpath, but its "
                    + SUREFIRE_ARTIFACT + " is " + version.trim() + ": Surefire before 3.0 does not run JUnit Platform"
                    + " engines, so the harness's tests do not run and the build passes with 'Tests run: 0'. Declare "
                    + SUREFIRE_ARTIFACT + " 3.x (for example 3.5.4) in <build><plugins> (see the README, harness set-up).");
        }
        return Optional.empty();
    }
}
