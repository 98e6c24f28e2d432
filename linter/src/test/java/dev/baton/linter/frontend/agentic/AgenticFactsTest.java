package dev.baton.linter.frontend.agentic;

import dev.baton.linter.engine.LintResult;
import dev.baton.linter.graph.HandoffGraph;
import dev.baton.linter.graph.facts.ErrorHandlerSite;
import dev.baton.linter.graph.facts.HumanStep;
import dev.baton.linter.graph.facts.RetrySite;
import dev.baton.linter.graph.facts.SideEffect;
import dev.baton.linter.testing.FixtureHarness;
import dev.baton.linter.testing.FixtureHarness.Options;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The facts the agentic frontend emits for retries, error handlers, human steps and side effects:
 * the material of retry-unbounded, retry-not-idempotent, error-fabricated, escalation-unsafe...
 */
class AgenticFactsTest {
    private static HandoffGraph graph;

    @BeforeAll
    static void lint() {
        LintResult r = FixtureHarness.lint(FixtureHarness.fixture("agentic/recovery"), Options.defaults());
        graph = r.graph();
    }

    private static int line(String file, String text) throws Exception {
        List<String> lines = java.nio.file.Files.readAllLines(FixtureHarness.fixture("agentic/recovery").resolve(file));
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(text)) return i + 1;
        throw new AssertionError(text + " not in " + file);
    }

    @Test
    void loopsWithoutMaxIterationsAreUnbounded() throws Exception {
        List<RetrySite> loops = graph.facts(RetrySite.class).stream().filter(r -> r.kind().equals("loopBuilder")).toList();
        assertEquals(2, loops.size(), loops.toString());
        RetrySite unbounded = loops.stream().filter(r -> !r.boundKnown()).findFirst().orElseThrow();
        assertEquals(OptionalInt.empty(), unbounded.bound());
        RetrySite bounded = loops.stream().filter(RetrySite::boundKnown).findFirst().orElseThrow();
        assertEquals(OptionalInt.of(3), bounded.bound());
        assertTrue(unbounded.location().line() < bounded.location().line());
        RetrySite declarative = graph.facts(RetrySite.class).stream().filter(r -> r.kind().equals("@LoopAgent")).findFirst().orElseThrow();
        assertEquals(OptionalInt.of(5), declarative.bound());
    }

    @Test
    void errorRecoveryRetryWithoutCounterIsUnboundedAndOutcomesAreRead() throws Exception {
        RetrySite retry = graph.facts(RetrySite.class).stream().filter(r -> r.kind().equals("ErrorRecoveryResult.retry")).findFirst().orElseThrow();
        assertFalse(retry.boundKnown());
        assertEquals(line("Workflows.java", ".errorHandler(ctx -> ErrorRecoveryResult.retry())"), retry.location().line());
        List<ErrorHandlerSite> handlers = graph.facts(ErrorHandlerSite.class);
        // sorted by file and line: the declarative handler first; the handler whose first branch fabricates but whose
        // last branch rethrows is read by its last branch
        assertEquals(List.of(ErrorHandlerSite.Outcome.RETHROW, ErrorHandlerSite.Outcome.RETRY, ErrorHandlerSite.Outcome.RETHROW,
                        ErrorHandlerSite.Outcome.FABRICATE),
                handlers.stream().sorted(java.util.Comparator.comparing((ErrorHandlerSite h) -> h.location().file())
                        .thenComparing(h -> h.location().line())).map(ErrorHandlerSite::outcome).toList().subList(0, 4),
                handlers.toString());
        ErrorHandlerSite declarative = handlers.stream().filter(h -> h.kind().equals("@ErrorHandler")).findFirst().orElseThrow();
        assertEquals(ErrorHandlerSite.Outcome.RETHROW, declarative.outcome());
        assertEquals("lc4j:fixtures.agentic.recovery.ReviewedStory", declarative.scope());
        // the retry handler covers the chain it is declared on, which also runs the payment tools
        String scope = retry.scope();
        assertTrue(graph.chains().stream().anyMatch(c -> c.id().equals(scope)
                && c.agents().contains("lc4j-tool:fixtures.agentic.recovery.PaymentTools")), graph.chains().toString());
    }

    @Test
    void humanStepsTellTimeoutsValidationAndCatchAll() {
        List<HumanStep> steps = graph.facts(HumanStep.class);
        HumanStep console = steps.stream().filter(h -> h.kind().equals("humanInTheLoopBuilder") && !h.insideCatchAll()
                && !h.hasTimeout()).findFirst().orElseThrow(() -> new AssertionError(steps.toString()));
        assertFalse(console.inputValidated(), "reader.readLine() handed on as it is");
        assertTrue(steps.stream().anyMatch(HumanStep::insideCatchAll), steps.toString());
        HumanStep annotated = steps.stream().filter(h -> h.kind().equals("@HumanInTheLoop")).findFirst().orElseThrow();
        assertTrue(annotated.hasTimeout());
        assertTrue(annotated.timeoutApproves(), "the TimeoutException branch returns APPROVED");
    }

    @Test
    void toolsThatActAreSideEffectsAndCompensationGuardsThem() {
        List<SideEffect> effects = graph.facts(SideEffect.class);
        assertEquals(2, effects.size(), effects.toString());
        SideEffect charge = effects.stream().filter(e -> e.description().startsWith("chargeCard")).findFirst().orElseThrow();
        assertFalse(charge.idempotencyGuarded());
        SideEffect receipt = effects.stream().filter(e -> e.description().startsWith("sendReceipt")).findFirst().orElseThrow();
        assertTrue(receipt.idempotencyGuarded(), "@CompensateFor(\"sendReceipt\")");
        assertEquals("lc4j-tool:fixtures.agentic.recovery.PaymentTools", charge.agent());
    }
}
