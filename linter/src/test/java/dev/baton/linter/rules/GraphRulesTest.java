package dev.baton.linter.rules;

import dev.baton.linter.graph.AgentNode;
import dev.baton.linter.graph.Chain;
import dev.baton.linter.graph.ContractRef;
import dev.baton.linter.graph.Edge;
import dev.baton.linter.graph.Framework;
import dev.baton.linter.graph.HandoffGraph;
import dev.baton.linter.graph.Location;
import dev.baton.linter.graph.PayloadKind;
import dev.baton.linter.graph.facts.ErrorHandlerSite;
import dev.baton.linter.graph.facts.HumanStep;
import dev.baton.linter.graph.facts.ReceiveSite;
import dev.baton.linter.graph.facts.SideEffect;
import dev.baton.linter.rule.Severity;
import dev.baton.linter.testing.RuleProbe;
import dev.baton.linter.testing.RuleProbe.Reported;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Graph-only rules as a framework frontend would feed them (state keys, prompt placeholders,
 * return values), independent of any one frontend's source patterns.
 */
class GraphRulesTest {
    private static final Location AT = new Location("App.java", 7, 9);

    private static Edge edge(String from, String to, PayloadKind payload, ContractRef contract, Set<Edge.Use> uses) {
        return new Edge("e:" + from + "->" + to, from, to, Edge.Channel.STATE_KEY, "k", payload, contract, null,
                uses.isEmpty() ? EnumSet.noneOf(Edge.Use.class) : EnumSet.copyOf(uses), AT);
    }

    private static HandoffGraph graph(Edge... edges) {
        HandoffGraph.Builder b = HandoffGraph.builder();
        for (Edge e : edges) {
            b.agent(new AgentNode(e.producer(), e.producer(), Framework.LANGCHAIN4J_AGENTIC, AgentNode.Kind.LLM, null, AT));
            b.agent(new AgentNode(e.consumer(), e.consumer(), Framework.LANGCHAIN4J_AGENTIC, AgentNode.Kind.LLM, null, AT));
            b.edge(e);
        }
        return b.build();
    }

    private static List<Reported> untyped(HandoffGraph g, String profile) {
        return RuleProbe.run(new UntypedHandoffRule(), g, profile);
    }

    @Test
    void untypedHandoffErrorWhenTheConsumerParsesOrBranches() {
        List<Reported> parsed = untyped(graph(edge("a", "b", PayloadKind.PROSE, null, Set.of(Edge.Use.PARSED))), "default");
        assertEquals(1, parsed.size());
        assertEquals(Severity.ERROR, parsed.get(0).severity());
        assertTrue(parsed.get(0).message().contains("'b' parses it"), parsed.get(0).message());
        List<Reported> branched = untyped(graph(edge("a", "b", PayloadKind.PROSE, null, Set.of(Edge.Use.BRANCHED))), "default");
        assertEquals(Severity.ERROR, branched.get(0).severity());
        assertTrue(branched.get(0).message().contains("branches on"));
    }

    @Test
    void untypedHandoffErrorWhenTheConsumerBindsItWithoutValidation() {
        HandoffGraph.Builder b = HandoffGraph.builder().edge(edge("a", "b", PayloadKind.PROSE, null, Set.of()));
        b.fact(new ReceiveSite(AT, "b", "a", "ObjectMapper.readValue", "Plan", false, "mapper"));
        List<Reported> r = untyped(b.build(), "default");
        assertEquals(1, r.size());
        assertEquals(Severity.ERROR, r.get(0).severity());
    }

    @Test
    void untypedHandoffWarningWhenStructureIsRequestedButTravelsAsProse() {
        List<Reported> r = untyped(graph(edge("a", "b", PayloadKind.PROSE, null,
                Set.of(Edge.Use.STRUCTURE_REQUESTED, Edge.Use.INTERPOLATED))), "default");
        assertEquals(1, r.size());
        assertEquals(Severity.WARNING, r.get(0).severity());
        assertEquals(List.of("a", "b"), r.get(0).agents());
        assertEquals("e:a->b", r.get(0).edge());
    }

    @Test
    void proseByNatureIntoAPromptOnlyUnderStrict() {
        HandoffGraph g = graph(edge("writer", "critic", PayloadKind.PROSE, null, Set.of(Edge.Use.INTERPOLATED)));
        assertTrue(untyped(g, "default").isEmpty());
        List<Reported> strict = untyped(g, "strict");
        assertEquals(1, strict.size());
        assertEquals(Severity.WARNING, strict.get(0).severity());
    }

    @Test
    void typedValidatedOrContractedHandoffsAreFine() {
        assertTrue(untyped(graph(edge("a", "b", PayloadKind.TYPED, null, Set.of(Edge.Use.PARSED))), "strict").isEmpty());
        assertTrue(untyped(graph(edge("a", "b", PayloadKind.PROSE, null, Set.of(Edge.Use.PARSED, Edge.Use.VALIDATED))), "strict").isEmpty());
        assertTrue(untyped(graph(edge("a", "b", PayloadKind.PROSE, new ContractRef(null, "s.json", AT),
                Set.of(Edge.Use.PARSED))), "strict").isEmpty());
        assertEquals(1, untyped(graph(edge("a", "b", PayloadKind.PROSE, new ContractRef("String", null, AT),
                Set.of(Edge.Use.PARSED))), "default").size(), "a String 'contract' constrains nothing");
    }

    @Test
    void undeclaredMapsAreAWarning() {
        List<Reported> r = untyped(graph(edge("a", "b", PayloadKind.UNTYPED, null, Set.of())), "default");
        assertEquals(Severity.WARNING, r.get(0).severity());
    }

    @Test
    void errorUnownedLeavesAReadOnlyChainToTheCallerOfInvoke() {
        Edge ab = edge("a", "b", PayloadKind.TYPED, null, Set.of());
        Edge bc = edge("b", "c", PayloadKind.TYPED, null, Set.of());
        HandoffGraph g = HandoffGraph.builder().edge(ab).edge(bc)
                .chain(new Chain("seq", "story-pipeline", Framework.LANGCHAIN4J_AGENTIC, List.of("a", "b", "c"), new Location("App.java", 3, 5)))
                .build();
        assertTrue(RuleProbe.run(new ErrorUnownedRule(), g, "default").isEmpty(), "the exception propagates to invoke()'s caller");
    }

    @Test
    void errorUnownedReportsASideEffectingRunOnceAtItsRootAndHonoursOnlyTheRootsHandler() {
        Location rootAt = new Location("App.java", 3, 5);
        Location innerAt = new Location("App.java", 9, 5);
        HandoffGraph.Builder b = HandoffGraph.builder()
                .edge(edge("a", "b", PayloadKind.TYPED, null, Set.of()))
                // the exit condition of the nested loop belongs to the loop
                .edge(edge("b", "inner#exit", PayloadKind.TYPED, null, Set.of(Edge.Use.BRANCHED)))
                .chain(new Chain("inner", "review-loop", Framework.LANGCHAIN4J_AGENTIC, List.of("a", "b"), innerAt))
                .chain(new Chain("root", "hiring", Framework.LANGCHAIN4J_AGENTIC, List.of("inner", "mailer"), rootAt))
                .fact(new dev.baton.linter.frontend.javasyntax.DeclaredTools(AT, "mailer", List.of("tool:Mail")))
                .fact(new SideEffect(new Location("Mail.java", 5, 5), "tool:Mail", "sendEmail", false));
        List<Reported> r = RuleProbe.run(new ErrorUnownedRule(), b.build(), "default");
        assertEquals(1, r.size(), r.toString());
        assertEquals(rootAt, r.get(0).location(), "the root, where LangChain4j installs the handler");
        assertTrue(r.get(0).message().contains("'tool:Mail'") || r.get(0).message().contains("Mail"), r.get(0).message());
        // a handler on the nested loop is never called (LangChain4j installs only the root's): still unowned
        b.fact(new ErrorHandlerSite(innerAt, "inner", "errorHandler", ErrorHandlerSite.Outcome.RETRY));
        List<Reported> nested = RuleProbe.run(new ErrorUnownedRule(), b.build(), "default");
        assertEquals(1, nested.size(), nested.toString());
        assertEquals(rootAt, nested.get(0).location());
        assertTrue(nested.get(0).message().contains("the errorHandler of 'review-loop' is never called"), nested.get(0).message());
        // on the root it takes effect
        b.fact(new ErrorHandlerSite(rootAt, "root", "errorHandler", ErrorHandlerSite.Outcome.RETRY));
        assertTrue(RuleProbe.run(new ErrorUnownedRule(), b.build(), "default").isEmpty());
    }

    @Test
    void escalationMissingIsReportedAtTheRootForAToolAndAtAnOwnAction() {
        Location rootAt = new Location("App.java", 3, 5);
        HandoffGraph.Builder b = HandoffGraph.builder()
                .chain(new Chain("inner", "decide", Framework.LANGCHAIN4J_AGENTIC, List.of("mailer"), new Location("App.java", 9, 5)))
                .chain(new Chain("root", "hiring", Framework.LANGCHAIN4J_AGENTIC, List.of("reviewer", "inner"), rootAt))
                .fact(new dev.baton.linter.frontend.javasyntax.DeclaredTools(AT, "mailer", List.of("tool:Mail")))
                .fact(new SideEffect(new Location("Mail.java", 5, 5), "tool:Mail", "sendEmail", false));
        List<Reported> r = RuleProbe.run(new EscalationMissingRule(), b.build(), "default");
        assertEquals(1, r.size(), r.toString());
        assertEquals(rootAt, r.get(0).location(), "once per run, at the root that runs the tool");
        Location action = new Location("Booking.java", 20, 5);
        HandoffGraph own = HandoffGraph.builder()
                .chain(new Chain("agent", "Booking", Framework.EMBABEL, List.of("agent/find", "agent/book"), new Location("Booking.java", 10, 1)))
                .fact(new SideEffect(action, "agent/book", "book", false)).build();
        List<Reported> o = RuleProbe.run(new EscalationMissingRule(), own, "default");
        assertEquals(1, o.size(), o.toString());
        assertEquals(action, o.get(0).location(), "an action in the chain's own code is where its confirmation goes");
        b.fact(new HumanStep(AT, "reviewer", "humanInTheLoopBuilder", true, false, true, false));
        assertTrue(RuleProbe.run(new EscalationMissingRule(), b.build(), "default").isEmpty(), "a human anywhere in the run");
    }

    @Test
    void errorUnownedReportsAnEdgeOutsideAnyChainAtTheEdge() {
        List<Reported> r = RuleProbe.run(new ErrorUnownedRule(), graph(edge("a", "b", PayloadKind.TYPED, null, Set.of())), "default");
        assertEquals(1, r.size());
        assertEquals(AT, r.get(0).location());
    }

    @Test
    void escalationMissingForFrameworkChains() {
        Location chainAt = new Location("App.java", 3, 5);
        Chain chain = new Chain("seq", "booking", Framework.LANGCHAIN4J_AGENTIC, List.of("planner", "booker"), chainAt);
        HandoffGraph.Builder b = HandoffGraph.builder().chain(chain)
                .fact(new SideEffect(AT, "booker", "books a flight", true));
        List<Reported> r = RuleProbe.run(new EscalationMissingRule(), b.build(), "default");
        assertEquals(1, r.size());
        assertEquals(Severity.ERROR, r.get(0).severity());
        assertTrue(r.get(0).message().contains("'booker'"), r.get(0).message());

        HandoffGraph.Builder deadEnd = HandoffGraph.builder().chain(chain)
                .fact(new ErrorHandlerSite(AT, "seq", "errorHandler", ErrorHandlerSite.Outcome.RETHROW));
        assertEquals(Severity.WARNING, RuleProbe.run(new EscalationMissingRule(), deadEnd.build(), "default").get(0).severity());

        b.fact(new HumanStep(AT, "seq", "humanInTheLoop", true, false, true, false));
        assertTrue(RuleProbe.run(new EscalationMissingRule(), b.build(), "default").isEmpty());

        HandoffGraph quiet = HandoffGraph.builder().chain(chain)
                .fact(new ErrorHandlerSite(AT, "seq", "errorHandler", ErrorHandlerSite.Outcome.RETRY)).build();
        assertTrue(RuleProbe.run(new EscalationMissingRule(), quiet, "default").isEmpty());
    }

    @Test
    void unvalidatedReceiveOnlyForUnvalidatedSites() {
        HandoffGraph g = HandoffGraph.builder()
                .fact(new ReceiveSite(AT, "b", "a", "ChatClient.entity", "Verdict", false, null))
                .fact(new ReceiveSite(new Location("App.java", 9, 1), "b", "a", "Boundary.receive", "Verdict", true, null))
                .build();
        List<Reported> r = RuleProbe.run(new UnvalidatedReceiveRule(), g, "default");
        assertEquals(1, r.size());
        assertEquals(AT, r.get(0).location());
        assertTrue(r.get(0).message().contains("ChatClient.entity"));
    }
}
