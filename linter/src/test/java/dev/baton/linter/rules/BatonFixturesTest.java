package dev.baton.linter.rules;

import dev.baton.linter.engine.LintResult;
import dev.baton.linter.testing.FixtureHarness;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rules over fixtures written with Baton's own API; each fixture holds true positives and true negatives. */
class BatonFixturesTest {
    @Test
    void aChainDoneRightHasNoFinding() {
        LintResult r = FixtureHarness.assertFindings(FixtureHarness.fixture("baton/clean"));
        // the graph the rules saw: three agents, two declared edges, one chain
        assertEquals(3, r.graph().agents().size());
        assertEquals(2, r.graph().edges().size());
        assertEquals(1, r.graph().chains().size());
    }

    @Test
    void untypedHandoff() {
        LintResult r = FixtureHarness.assertFindings(FixtureHarness.fixture("baton/untyped-handoff"));
        assertTrue(r.findings().get(0).message().contains("'classifier' → 'router'"), r.findings().get(0).message());
    }

    @Test
    void errorUnowned() {
        FixtureHarness.assertFindings(FixtureHarness.fixture("baton/error-unowned"));
    }

    @Test
    void escalationMissing() {
        FixtureHarness.assertFindings(FixtureHarness.fixture("baton/escalation-missing"));
    }

    @Test
    void unvalidatedReceive() {
        LintResult r = FixtureHarness.assertFindings(FixtureHarness.fixture("baton/unvalidated-receive"));
        assertTrue(r.findings().stream().anyMatch(f -> f.message().contains("Gson.fromJson")));
    }

    @Test
    void suppressionsAreHonouredAndCounted() {
        LintResult r = FixtureHarness.assertFindings(FixtureHarness.fixture("baton/suppressed"));
        assertEquals(2, r.suppressed(), "one untyped-handoff on the prototype, one unvalidated-receive in B");
        assertFalse(r.findings().isEmpty());
    }
}
