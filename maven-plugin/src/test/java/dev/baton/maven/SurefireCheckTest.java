package dev.baton.maven;

import org.apache.maven.model.Dependency;
import org.apache.maven.model.Plugin;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SurefireCheckTest {

    private static Dependency dependency(String groupId, String artifactId) {
        Dependency d = new Dependency();
        d.setGroupId(groupId);
        d.setArtifactId(artifactId);
        d.setScope("test");
        return d;
    }

    private static Plugin plugin(String groupId, String artifactId, String version) {
        Plugin p = new Plugin();
        p.setGroupId(groupId);
        p.setArtifactId(artifactId);
        p.setVersion(version);
        return p;
    }

    private static final Dependency HARNESS = dependency("dev.baton", "baton-harness");
    private static final Dependency JUNIT = dependency("org.junit.jupiter", "junit-jupiter");

    private static Plugin surefire(String version) {
        return plugin("org.apache.maven.plugins", "maven-surefire-plugin", version);
    }

    @Test
    void maven387sDefaultSurefireWithTheHarnessWarns() {
        Optional<String> warning = SurefireCheck.warning("triage", List.of(JUNIT, HARNESS),
                List.of(plugin("org.apache.maven.plugins", "maven-compiler-plugin", "3.1"), surefire("2.12.4")));
        assertTrue(warning.isPresent());
        assertTrue(warning.get().startsWith("triage has baton-harness on its test classpath, but its "
                + "maven-surefire-plugin is 2.12.4"), warning.get());
        assertTrue(warning.get().contains("'Tests run: 0'"), warning.get());
    }

    @Test
    void surefire2_22StillWarns() {
        assertTrue(SurefireCheck.warning("p", List.of(HARNESS), List.of(surefire("2.22.2"))).isPresent());
        assertTrue(SurefireCheck.warning("p", List.of(HARNESS), List.of(surefire("3.0.0-M7"))).isPresent());
    }

    @Test
    void surefire3DoesNotWarn() {
        assertEquals(Optional.empty(), SurefireCheck.warning("p", List.of(HARNESS), List.of(surefire("3.0.0"))));
        assertEquals(Optional.empty(), SurefireCheck.warning("p", List.of(HARNESS), List.of(surefire("3.5.4"))));
    }

    @Test
    void withoutTheHarnessOrWithoutSurefireNothingIsSaid() {
        assertEquals(Optional.empty(), SurefireCheck.warning("p", List.of(JUNIT), List.of(surefire("2.12.4"))));
        assertEquals(Optional.empty(), SurefireCheck.warning("p", List.of(HARNESS),
                List.of(plugin("org.apache.maven.plugins", "maven-compiler-plugin", "3.1"))));
        assertEquals(Optional.empty(), SurefireCheck.warning("p", List.of(HARNESS), List.of(surefire(null))));
        assertEquals(Optional.empty(), SurefireCheck.warning("p", List.of(HARNESS),
                List.of(plugin("com.example", "maven-surefire-plugin", "1.0"))));
    }
}
