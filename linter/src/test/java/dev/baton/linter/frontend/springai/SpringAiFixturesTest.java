package dev.baton.linter.frontend.springai;

import dev.baton.linter.testing.FixtureHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every rule over real Spring AI 2.0 code: each fixture directory holds true positives and true negatives. */
class SpringAiFixturesTest {
    @ParameterizedTest
    @ValueSource(strings = {"clean", "untyped-handoff", "unvalidated-receive", "lenient-binding", "context-dropped", "retry-not-idempotent",
            "retry-unbounded", "error-swallowed", "error-fabricated", "owner-ambiguous"})
    void findingsMatchTheMarkers(String dir) {
        FixtureHarness.assertFindings(FixtureHarness.fixture("springai/" + dir));
    }

    @Test
    void proseByNatureIntoAPromptIsReportedOnlyByTheStrictProfile() {
        FixtureHarness.assertFindings(FixtureHarness.fixture("springai/untyped-handoff-strict"),
                FixtureHarness.Options.defaults().profile("strict"));
        assertTrue(FixtureHarness.lint(FixtureHarness.fixture("springai/untyped-handoff-strict"), FixtureHarness.Options.defaults())
                .findings().isEmpty());
    }
}
