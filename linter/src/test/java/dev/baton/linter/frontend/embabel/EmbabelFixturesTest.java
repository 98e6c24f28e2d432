package dev.baton.linter.frontend.embabel;

import dev.baton.linter.testing.FixtureHarness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every rule over real Embabel agent code: each fixture directory holds true positives and true negatives. */
class EmbabelFixturesTest {
    @ParameterizedTest
    @ValueSource(strings = {"clean", "untyped-handoff", "unvalidated-receive", "context-dropped", "retry-not-idempotent", "escalation-unsafe",
            "error-swallowed", "prose-sniffing"})
    void findingsMatchTheMarkers(String dir) {
        FixtureHarness.assertFindings(FixtureHarness.fixture("embabel/" + dir));
    }
}
