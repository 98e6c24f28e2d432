package dev.baton.linter.frontend.langchain4j;

import dev.baton.linter.engine.LintResult;
import dev.baton.linter.testing.FixtureHarness;
import dev.baton.linter.testing.FixtureHarness.Options;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rules over LangChain4j AI-service fixtures (real API, compiled by FixtureCompilationTest). */
class LangChain4jFixturesTest {

    private static LintResult check(String dir, String... rules) {
        return FixtureHarness.assertFindings(FixtureHarness.fixture("langchain4j/" + dir), Options.defaults().onlyRules(rules));
    }

    @Test
    void proseSniffingOnStringOutputsOnly() {
        check("prose-sniffing", "prose-sniffing");
    }

    @Test
    void contextDroppedWhenOnlyTheVerdictTravels() {
        LintResult r = check("context-dropped", "context-dropped");
        assertTrue(r.findings().get(0).message().contains("[reasoning, confidence]"), r.findings().get(0).message());
    }

    @Test
    void lenientBindingForDefaultJackson2And3Mappers() {
        LintResult r = check("lenient-binding", "lenient-binding");
        assertTrue(r.findings().stream().anyMatch(f -> f.message().contains("Jackson 2") && f.message().contains("FAIL_ON_TRAILING_TOKENS")),
                r.findings().toString());
        assertTrue(r.findings().stream().anyMatch(f -> f.message().contains("Jackson 3") && f.message().contains("FAIL_ON_UNKNOWN_PROPERTIES")
                && !f.message().contains("FAIL_ON_TRAILING_TOKENS")), r.findings().toString());
    }

    @Test
    void plainJavaHandoffsBetweenAiServicesUnderEveryRule() {
        FixtureHarness.assertFindings(FixtureHarness.fixture("langchain4j/handoffs"));
    }

    @Test
    void aCarefulTeamsAiServicesHaveNoFindingUnderAnyRule() {
        LintResult r = FixtureHarness.assertFindings(FixtureHarness.fixture("langchain4j/clean"));
        assertTrue(r.graph().edges().stream().anyMatch(e -> e.producer().endsWith("TicketTriage#triage")
                && e.consumer().endsWith("ReplyDrafter#draft")), r.graph().edges().toString());
    }

    @Test
    void errorsAroundAgentCallsInToolWrappers() {
        check("error-handling", "error-swallowed", "error-fabricated", "error-unowned");
    }
}
