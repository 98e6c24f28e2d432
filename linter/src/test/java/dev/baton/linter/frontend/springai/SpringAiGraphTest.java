package dev.baton.linter.frontend.springai;

import dev.baton.linter.graph.Edge;
import dev.baton.linter.graph.HandoffGraph;
import dev.baton.linter.graph.PayloadKind;
import dev.baton.linter.graph.facts.ReceiveSite;
import dev.baton.linter.graph.facts.RetrySite;
import dev.baton.linter.graph.facts.SideEffect;
import dev.baton.linter.testing.FixtureHarness;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the Spring AI frontend puts into the handoff graph, beyond the findings it leads to. */
class SpringAiGraphTest {
    private static HandoffGraph graph(String dir) {
        return FixtureHarness.lint(FixtureHarness.fixture("springai/" + dir), FixtureHarness.Options.defaults()).graph();
    }

    @Test
    void everyChatClientCallIsAnAgentAndItsOutputFlowsIntoTheNextPrompt() {
        HandoffGraph g = graph("untyped-handoff");
        String letter1 = "springai:fixtures.springai.untypedhandoff.ClaimDesk#letter/1";
        String letter2 = "springai:fixtures.springai.untypedhandoff.ClaimDesk#letter/2";
        assertTrue(g.agent(letter1).isPresent() && g.agent(letter2).isPresent());
        Edge e = g.edges().stream().filter(x -> x.producer().equals(letter1) && x.consumer().equals(letter2)).findFirst().orElseThrow();
        assertEquals(PayloadKind.PROSE, e.payload());
        assertEquals(Edge.Channel.PROMPT_PLACEHOLDER, e.channel());
        assertEquals("verdict", e.key());
        assertTrue(e.uses().contains(Edge.Use.STRUCTURE_REQUESTED), "the system prompt asks for one word");
        Edge routed = g.edges().stream().filter(x -> x.producer().endsWith("ClaimDesk#route/1")).findFirst().orElseThrow();
        assertTrue(routed.uses().contains(Edge.Use.BRANCHED), "label.contains(..) decides on the output");
    }

    @Test
    void entityCallsAreReceiveSitesValidatedOnlyWithSchemaValidationOrNativeStructuredOutput() {
        List<ReceiveSite> sites = graph("unvalidated-receive").facts(ReceiveSite.class);
        List<ReceiveSite> invoices = sites.stream().filter(r -> (r.location().file().equals("Invoices.java") || r.location().file().endsWith("/Invoices.java"))
                || r.location().file().endsWith("CheckedInvoices.java")).toList();
        assertEquals(3, invoices.size());
        assertEquals(1, invoices.stream().filter(r -> !r.validated()).count());
        ReceiveSite unchecked = invoices.stream().filter(r -> !r.validated()).findFirst().orElseThrow();
        assertEquals("Invoice", unchecked.targetType());
        assertEquals("ChatClient.entity", unchecked.mechanism());
        assertTrue(invoices.stream().anyMatch(r -> "List<Line>".equals(r.targetType()) && r.validated()));
    }

    @Test
    void aLoopFeedingASiteItsOwnReplyIsASelfEdgeAndALoopExitBranchGovernsNoEdge() {
        HandoffGraph g = graph("untyped-handoff");
        String metrics = "springai:fixtures.springai.untypedhandoff.StepChain#metrics/1";
        Edge self = g.edges().stream().filter(e -> e.producer().equals(metrics) && e.consumer().equals(metrics)).findFirst().orElseThrow();
        assertTrue(self.uses().contains(Edge.Use.STRUCTURE_REQUESTED), "the steps, read through this(..) and the field, ask for a format");
        String polish = "springai:fixtures.springai.untypedhandoff.StepChain#polish/1";
        Edge prose = g.edges().stream().filter(e -> e.producer().equals(polish) && e.consumer().equals(polish)).findFirst().orElseThrow();
        assertFalse(prose.uses().contains(Edge.Use.STRUCTURE_REQUESTED));
        assertTrue(g.edges().stream().noneMatch(e -> e.producer().contains("StepChain#variants")), "the reply does not come back");
        Edge critique = g.edges().stream().filter(e -> e.producer().endsWith("StepChain#reflect/2")
                && e.consumer().endsWith("StepChain#reflect/3")).findFirst().orElseThrow();
        assertFalse(critique.uses().contains(Edge.Use.BRANCHED), "if (..contains(..)) break; governs no call");
    }

    @Test
    void aCallSplitOverLocalsIsOneSiteAndAReplyOnlyPrintedIsNoReceiveSite() {
        HandoffGraph g = graph("unvalidated-receive");
        String split = "springai:fixtures.springai.unvalidatedreceive.SplitInvoices#total/1";
        assertTrue(g.agent(split).isPresent(), "request.call() then response.entity(..) is the site of total()");
        assertTrue(g.agent("springai:fixtures.springai.unvalidatedreceive.SplitInvoices#total/2").isEmpty(),
                "request.system(..) between the locals is no second call");
        List<ReceiveSite> split1 = g.facts(ReceiveSite.class).stream().filter(r -> r.agent().equals(split)).toList();
        assertEquals(1, split1.size());
        assertEquals("Total", split1.get(0).targetType());
        assertTrue(g.facts(ReceiveSite.class).stream().anyMatch(r -> r.agent().endsWith("SplitInvoices#checkedTotal/1") && r.validated()),
                "validateSchema() on the split chain's entity(..) counts");
        List<String> printed = g.facts(ReceiveSite.class).stream().map(ReceiveSite::agent)
                .filter(a -> a.contains("PrintedInvoices#")).toList();
        assertEquals(List.of("springai:fixtures.springai.unvalidatedreceive.PrintedInvoices#showAndReturn/1"), printed);
        assertTrue(g.agent("springai:fixtures.springai.unvalidatedreceive.PrintedInvoices#show/1").isPresent(),
                "a printed reply is still an agent, only no receive site");
    }

    @Test
    void toolsPassedToACallAreWiredToItAndTheRetryCoversThem() {
        HandoffGraph g = graph("retry-not-idempotent");
        String site = "springai:fixtures.springai.retrynotidempotent.BookingAssistant#book/1";
        List<String> tools = g.edges().stream().filter(e -> e.channel() == Edge.Channel.TOOL && e.consumer().equals(site))
                .map(Edge::producer).sorted().toList();
        assertEquals(3, tools.size(), tools.toString());
        RetrySite retry = g.facts(RetrySite.class).get(0);
        assertEquals("@Retryable", retry.kind());
        assertEquals(3, retry.bound().getAsInt());
        assertEquals(site.substring(0, site.indexOf('/')), retry.scope());
        List<SideEffect> effects = g.facts(SideEffect.class);
        assertEquals(2, effects.size(), "checkAvailability is no side effect");
        assertFalse(effects.stream().filter(s -> s.description().equals("bookRoom")).findFirst().orElseThrow().idempotencyGuarded());
        assertTrue(effects.stream().filter(s -> s.description().equals("bookRoomOnce")).findFirst().orElseThrow().idempotencyGuarded());
    }

    @Test
    void infiniteRetryIsAnUnboundedRetrySite() {
        List<RetrySite> sites = graph("retry-unbounded").facts(RetrySite.class);
        assertTrue(sites.stream().anyMatch(r -> r.kind().equals("RetryTemplate.infiniteRetry") && !r.boundKnown()));
    }
}
