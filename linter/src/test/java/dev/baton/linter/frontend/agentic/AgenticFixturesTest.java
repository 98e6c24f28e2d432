package dev.baton.linter.frontend.agentic;

import dev.baton.linter.engine.LintResult;
import dev.baton.linter.graph.facts.SideEffect;
import dev.baton.linter.testing.FixtureHarness;
import dev.baton.linter.testing.FixtureHarness.Options;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rules over LangChain4j agentic fixtures (real API, compiled by FixtureCompilationTest). */
class AgenticFixturesTest {

    private static LintResult check(String dir, String... rules) {
        return FixtureHarness.assertFindings(FixtureHarness.fixture("agentic/" + dir), Options.defaults().onlyRules(rules));
    }

    @Test
    void handoffUnwired() {
        LintResult r = check("handoff-unwired", "handoff-unwired");
        assertTrue(r.findings().stream().anyMatch(f -> f.message().contains("'SithName'")),
                "the near-miss names the key that is written: " + r.findings());
        assertTrue(r.findings().stream().anyMatch(f -> f.message().contains("{{customerName}} but no parameter binds it")),
                "a template variable the scope holds but no parameter binds: " + r.findings());
    }

    @Test
    void keysMeetOnlyInsideOneScopeByTheNamesTheFrameworkGivesThem() {
        check("scopes", "handoff-unwired", "unvalidated-receive", "context-dropped");
    }

    @Test
    void proseSniffingOnScopeValuesButNotOnTypedOnes() {
        check("prose-sniffing", "prose-sniffing");
    }

    @Test
    void codeConsumersOverTheScopeDecideOnProseTheyReadOrDerive() {
        LintResult r = check("code-consumers", "prose-sniffing", "error-swallowed", "untyped-handoff");
        assertTrue(r.findings().stream().anyMatch(f -> f.message().contains("keeps its default \"unknown\"")), r.findings().toString());
        assertTrue(r.graph().edges().stream().noneMatch(e -> e.consumer().startsWith(e.producer() + "#")),
                "a composite's @Output method is no consumer of the composite: " + r.graph().edges());
    }

    @Test
    void asyncBranchesOfAConditionalThatCanBothRunRaceOnTheirKey() {
        check("async-branches", "owner-ambiguous");
    }

    @Test
    void ownershipAndEscalationOfCompositesWithSideEffectingTools() {
        check("chains", "error-unowned", "escalation-missing", "untyped-handoff", "handoff-unwired");
    }

    @Test
    void sideEffectsFoundByWhatCodeDoesMakeARunNeedAnOwnerAndAHuman() {
        check("side-effects", "error-unowned", "escalation-missing");
    }

    @Test
    void sideEffectsReachedThroughAnotherClassOfTheProgramCountForTheRun() {
        LintResult r = check("cross-type-effects", "error-unowned", "escalation-missing", "retry-not-idempotent");
        List<SideEffect> effects = r.graph().facts(SideEffect.class);
        assertEquals(1, effects.size(), effects.toString());
        assertTrue(effects.get(0).description().contains("through ClaimLedger.enter"), effects.get(0).description());
    }

    @Test
    void aGatedLoopThatRunsOutInAnActingRunNeedsAnEscalation() {
        check("exhausted-loops", "error-unowned", "escalation-missing");
    }

    @Test
    void aConditionalWhoseEnumRouteLeavesConstantsWithoutAlternativeLosesItsResultSilently() {
        check("routes", "error-unowned", "owner-ambiguous");
    }

    @Test
    void retriesErrorHandlersAndHumanSteps() {
        check("recovery", "retry-unbounded", "retry-not-idempotent", "error-fabricated", "error-swallowed",
                "escalation-unsafe", "owner-ambiguous");
    }

    @Test
    void aCarefulTeamsAgenticSystemHasNoFindingUnderAnyRule() {
        LintResult r = FixtureHarness.assertFindings(FixtureHarness.fixture("agentic/clean"));
        // not silent for lack of a graph: the agents, the composite and its keys were all read
        assertTrue(r.graph().chains().size() == 1 && r.graph().edges().size() >= 4, r.graph().edges().toString());
    }

    @Test
    void untypedHandoffSeverityFollowsTheEvidence() {
        LintResult r = check("untyped-handoff", "untyped-handoff", "handoff-unwired");
        assertTrue(r.findings().stream().anyMatch(f -> f.message().contains("'Rater' → 'Gate' (key 'score')")), r.findings().toString());
        LintResult strict = FixtureHarness.lint(FixtureHarness.fixture("agentic/untyped-handoff"),
                Options.defaults().profile("strict").onlyRules("untyped-handoff"));
        assertTrue(strict.findings().size() > r.findings().size(), "the strict profile also reports prose into prompts");
    }
}
