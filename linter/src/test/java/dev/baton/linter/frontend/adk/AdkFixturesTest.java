package dev.baton.linter.frontend.adk;

import dev.baton.linter.testing.FixtureHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every rule over real Google ADK for Java code: each fixture directory holds true positives and true negatives. */
class AdkFixturesTest {
    @ParameterizedTest
    @ValueSource(strings = {"clean", "handoff-unwired", "handoff-unwired-session", "handoff-unwired-state", "handoff-unwired-ui", "error-unowned", "untyped-handoff", "unvalidated-receive", "retry-unbounded", "owner-ambiguous",
            "retry-not-idempotent", "escalation-unsafe", "error-fabricated", "prose-sniffing"})
    void findingsMatchTheMarkers(String dir) {
        FixtureHarness.assertFindings(FixtureHarness.fixture("adk/" + dir));
    }

    @Test
    void proseByNatureIntoAPlaceholderIsReportedOnlyByTheStrictProfile() {
        FixtureHarness.assertFindings(FixtureHarness.fixture("adk/untyped-handoff-strict"),
                FixtureHarness.Options.defaults().profile("strict"));
        assertTrue(FixtureHarness.lint(FixtureHarness.fixture("adk/untyped-handoff-strict"), FixtureHarness.Options.defaults())
                .findings().isEmpty());
    }
}
