package dev.baton.linter.rules;

import dev.baton.linter.testing.FixtureHarness;
import org.junit.jupiter.api.Test;

/** Human steps: what a timeout decides, conversation versus decision, failures turned into a human's answer. */
class HumanStepFixturesTest {
    @Test
    void humanStepsAreJudgedByWhatTheirCodeReturns() {
        FixtureHarness.assertFindings(FixtureHarness.fixture("agentic/human-steps"),
                FixtureHarness.Options.defaults().onlyRules("escalation-unsafe", "error-swallowed", "error-fabricated"));
    }
}
