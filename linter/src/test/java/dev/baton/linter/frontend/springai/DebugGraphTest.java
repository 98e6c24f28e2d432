package dev.baton.linter.frontend.springai;

import dev.baton.linter.engine.LintResult;
import dev.baton.linter.testing.FixtureHarness;
import org.junit.jupiter.api.Test;

class DebugGraphTest {
    @Test
    void dump() {
        String dir = System.getProperty("dbg.dir", "springai/retry-not-idempotent");
        LintResult r = FixtureHarness.lint(FixtureHarness.fixture(dir), FixtureHarness.Options.defaults());
        r.graph().agents().values().forEach(a -> System.out.println("AGENT " + a));
        r.graph().edges().forEach(e -> System.out.println("EDGE " + e));
        r.graph().chains().forEach(e -> System.out.println("CHAIN " + e));
        r.graph().facts().forEach(e -> System.out.println("FACT " + e));
        r.findings().forEach(f -> System.out.println("FINDING " + f.location() + " " + f.ruleId() + " " + f.message()));
        r.problems().forEach(p -> System.out.println("PROBLEM " + p));
    }
}
