package dev.baton.linter.rules;

import dev.baton.linter.graph.AgentNode;
import dev.baton.linter.graph.Chain;
import dev.baton.linter.graph.Edge;
import dev.baton.linter.graph.Framework;
import dev.baton.linter.graph.HandoffGraph;
import dev.baton.linter.graph.Location;
import dev.baton.linter.graph.PayloadKind;
import dev.baton.linter.graph.facts.ErrorHandlerSite;
import dev.baton.linter.graph.facts.HumanStep;
import dev.baton.linter.graph.facts.KeyAccess;
import dev.baton.linter.graph.facts.ParallelGroup;
import dev.baton.linter.graph.facts.RetrySite;
import dev.baton.linter.graph.facts.SideEffect;
import dev.baton.linter.testing.RuleProbe;
import dev.baton.linter.testing.RuleProbe.Reported;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The graph-driven halves of retry-not-idempotent, retry-unbounded, owner-ambiguous, error-fabricated
 * and escalation-unsafe, fed as any frontend would feed them.
 */
class OwnershipAndEscalationRulesTest {
    private static Location at(int line) {
        return new Location("App.java", line, 1);
    }

    private static HandoffGraph.Builder agents(String... ids) {
        HandoffGraph.Builder b = HandoffGraph.builder();
        for (String id : ids) b.agent(new AgentNode(id, id, Framework.LANGCHAIN4J_AGENTIC, AgentNode.Kind.LLM, null, at(1)));
        return b;
    }

    private static List<Reported> run(dev.baton.linter.rule.Rule rule, HandoffGraph.Builder b) {
        return RuleProbe.run(rule, b.build(), "default");
    }

    @Test
    void aRetryReachesSideEffectsThroughChainMembersToolsAndNestedIds() {
        HandoffGraph.Builder b = agents("loop", "booker", "tool:book", "method", "method/1", "tool:mail");
        b.chain(new Chain("loop", "loop", Framework.LANGCHAIN4J_AGENTIC, List.of("booker"), at(2)));
        b.edge(new Edge("t", "tool:book", "booker", Edge.Channel.TOOL, null, PayloadKind.UNKNOWN, null, null, Set.of(), at(3)));
        b.edge(new Edge("m", "tool:mail", "method/1", Edge.Channel.TOOL, null, PayloadKind.UNKNOWN, null, null, Set.of(), at(3)));
        b.fact(new RetrySite(at(4), "loop", "loopBuilder", OptionalInt.of(3), true));
        b.fact(new RetrySite(at(5), "method", "@Retryable", OptionalInt.of(3), true));
        b.fact(new SideEffect(at(10), "tool:book", "bookRoom", false));
        b.fact(new SideEffect(at(11), "tool:mail", "sendMail", false));
        b.fact(new SideEffect(at(12), "tool:mail", "sendMailOnce", true));
        b.fact(new SideEffect(at(13), "elsewhere", "chargeCard", false));
        List<Reported> r = run(new RetryNotIdempotentRule(), b);
        assertEquals(List.of(10, 11), r.stream().map(x -> x.location().line()).sorted().toList());
        assertTrue(r.get(0).message().contains("loopBuilder") || r.get(1).message().contains("loopBuilder"));
    }

    @Test
    void onlyRetrySitesWithoutAnyBoundAreUnbounded() {
        HandoffGraph.Builder b = agents("a");
        b.fact(new RetrySite(at(4), "a", "loopBuilder", OptionalInt.empty(), false));
        b.fact(new RetrySite(at(5), "a", "LoopAgent", OptionalInt.of(3), true));
        b.fact(new RetrySite(at(6), "a", "actionRetryPolicyExpression", OptionalInt.empty(), true));
        List<Reported> r = run(new RetryUnboundedRule(), b);
        assertEquals(1, r.size());
        assertEquals(4, r.get(0).location().line());
    }

    @Test
    void parallelBranchesWritingOneKeyRaceButSequentialRewritesDoNot() {
        HandoffGraph.Builder b = agents("par", "web", "seq", "papers", "refiner");
        b.chain(new Chain("seq", "seq", Framework.GOOGLE_ADK, List.of("papers", "refiner"), at(1)));
        b.fact(new ParallelGroup(at(2), "par", List.of("web", "seq")));
        b.fact(new KeyAccess(at(10), "adk", "findings", KeyAccess.Access.WRITE, "web"));
        b.fact(new KeyAccess(at(11), "adk", "findings", KeyAccess.Access.WRITE, "papers"));
        // two writers inside one branch: a refinement, not a race
        b.fact(new KeyAccess(at(12), "adk", "draft", KeyAccess.Access.WRITE, "papers"));
        b.fact(new KeyAccess(at(13), "adk", "draft", KeyAccess.Access.WRITE, "refiner"));
        // same key name in another namespace
        b.fact(new KeyAccess(at(14), "other", "findings", KeyAccess.Access.WRITE, "web"));
        List<Reported> r = run(new OwnerAmbiguousRule(), b);
        assertEquals(1, r.size(), r.toString());
        assertEquals(11, r.get(0).location().line());
        assertTrue(r.get(0).message().contains("'findings'"));
    }

    @Test
    void twoRetryMechanismsOfOneScopeAreTwoOwners() {
        HandoffGraph.Builder b = agents("m");
        b.fact(new RetrySite(at(4), "m", "@Retryable", OptionalInt.of(3), true));
        b.fact(new RetrySite(at(9), "m", "RetryTemplate.execute", OptionalInt.empty(), true));
        b.fact(new RetrySite(at(20), "n", "@Retryable", OptionalInt.of(3), true));
        List<Reported> r = run(new OwnerAmbiguousRule(), b);
        assertEquals(1, r.size());
        assertEquals(9, r.get(0).location().line());
    }

    @Test
    void fabricatingHandlersAreReportedButCatchFactsAreLeftToTheSyntaxAnalysis() {
        HandoffGraph.Builder b = agents("a");
        b.fact(new ErrorHandlerSite(at(4), "a", "errorHandler", ErrorHandlerSite.Outcome.FABRICATE));
        b.fact(new ErrorHandlerSite(at(5), "a", "catch", ErrorHandlerSite.Outcome.FABRICATE));
        b.fact(new ErrorHandlerSite(at(6), "a", "onToolErrorCallback", ErrorHandlerSite.Outcome.RECOVER));
        List<Reported> r = run(new ErrorFabricatedRule(), b);
        assertEquals(1, r.size());
        assertEquals(4, r.get(0).location().line());
    }

    @Test
    void everyUnsafePropertyOfAHumanStepIsNamed() {
        HandoffGraph.Builder b = agents("a");
        b.fact(new HumanStep(at(4), "a", "future.get", false, false, true, false));
        b.fact(new HumanStep(at(5), "a", "approval", true, true, true, false));
        b.fact(new HumanStep(at(6), "a", "readLine", true, false, false, false));
        b.fact(new HumanStep(at(7), "a", "WaitFor.confirmation", true, false, true, true));
        b.fact(new HumanStep(at(8), "a", "requireConfirmation", true, false, true, false));
        List<Reported> r = run(new EscalationUnsafeRule(), b);
        assertEquals(4, r.size());
        assertTrue(r.get(0).message().contains("no timeout"));
        assertTrue(r.get(1).message().contains("approves by default"));
        assertTrue(r.get(2).message().contains("without validation"));
        assertTrue(r.get(3).message().contains("catch-all"));
    }
}
