package dev.baton.linter.rules;

import dev.baton.linter.testing.FixtureHarness;
import org.junit.jupiter.api.Test;

/**
 * Human steps (what a timeout decides, conversation versus decision, failures turned into a human's
 * answer) and agentic error handlers that recover by inventing.
 */
class HumanStepFixturesTest {
    @Test
    void errorHandlersThatInventAnInputOrAnAnswerAreReportedOncePerInvention() {
        FixtureHarness.assertFindings(FixtureHarness.fixture("agentic/error-recovery"),
                FixtureHarness.Options.defaults().onlyRules("error-fabricated"));
    }

    @Test
    void humanStepsAreJudgedByWhatTheirCodeReturns() {
        FixtureHarness.assertFindings(FixtureHarness.fixture("agentic/human-steps"),
                FixtureHarness.Options.defaults().onlyRules("escalation-unsafe", "error-swallowed", "error-fabricated"));
    }
}
