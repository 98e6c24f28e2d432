package dev.baton.linter.frontend.jakarta;

import dev.baton.linter.graph.AgentNode;
import dev.baton.linter.graph.Chain;
import dev.baton.linter.graph.Edge;
import dev.baton.linter.graph.Framework;
import dev.baton.linter.graph.HandoffGraph;
import dev.baton.linter.graph.PayloadKind;
import dev.baton.linter.graph.facts.ErrorHandlerSite;
import dev.baton.linter.testing.FixtureHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every rule over Jakarta Agentic code ({@code jakarta.ai.agent}, a draft API with no published jar:
 * these fixtures are parsed, not compiled, see FixtureCompilationTest.NO_PUBLISHED_API). Each fixture
 * directory holds true positives and true negatives.
 */
class JakartaFixturesTest {
    @ParameterizedTest
    @ValueSource(strings = {"clean", "prose-sniffing", "untyped-handoff", "error-swallowed", "error-fabricated", "lenient-binding",
            "escalation-missing"})
    void findingsMatchTheMarkers(String dir) {
        FixtureHarness.assertFindings(FixtureHarness.fixture("jakarta/" + dir));
    }

    @Test
    void proseKeptForPeopleIsNotAHandoffEvenUnderTheStrictProfile() {
        FixtureHarness.assertFindings(FixtureHarness.fixture("jakarta/untyped-handoff"), FixtureHarness.Options.defaults().profile("strict"));
        FixtureHarness.assertFindings(FixtureHarness.fixture("jakarta/clean"), FixtureHarness.Options.defaults().profile("strict"));
    }

    private static HandoffGraph graph(String dir) {
        return FixtureHarness.lint(FixtureHarness.fixture("jakarta/" + dir), FixtureHarness.Options.defaults()).graph();
    }

    @Test
    void theWorkflowIsAChainOfItsPhasesInTheirOrderThenItsHandlers() {
        HandoffGraph g = graph("untyped-handoff");
        Chain chain = g.chains().stream().filter(c -> c.framework() == Framework.JAKARTA_AGENTIC).findFirst().orElseThrow();
        String p = "jakarta:fixtures.jakarta.untypedhandoff.LessonAgent#";
        // @Action(order = ..) wins over declaration order; phases without an order come after the ordered ones
        assertEquals(List.of(p + "writeSummary", p + "writeGoals", p + "writeQuestions", p + "onChapter", p + "done"),
                chain.agents().stream().filter(a -> !a.contains("/")).toList());
        assertEquals(AgentNode.Kind.CODE, g.agent(p + "writeGoals").orElseThrow().kind());
        assertEquals(AgentNode.Kind.LLM, g.agent(p + "writeGoals/1").orElseThrow().kind());
        assertEquals("Questions", g.agent(p + "writeQuestions/1").orElseThrow().outputType());
        Edge parsed = g.edges().stream().filter(e -> e.consumer().equals(p + "writeGoals")).findFirst().orElseThrow();
        assertEquals(Edge.Channel.RETURN_VALUE, parsed.channel());
        assertEquals(PayloadKind.PROSE, parsed.payload());
        assertTrue(parsed.uses().contains(Edge.Use.PARSED));
        assertTrue(parsed.uses().contains(Edge.Use.STRUCTURE_REQUESTED), "'in the format: one goal per line' asks for structure");
        assertFalse(g.edges().stream().anyMatch(e -> e.consumer().equals(p + "writeSummary")), "prose stored for people is no handoff");
        // with no handler, a failure propagates out of the event firing: the container owns it
        assertTrue(g.facts(ErrorHandlerSite.class).stream().anyMatch(h -> h.kind().equals("container") && h.scope().equals(chain.id())));
    }

    @Test
    void handlerOutcomesAreReadFromTheirBodies() {
        List<ErrorHandlerSite> handlers = graph("error-swallowed").facts(ErrorHandlerSite.class).stream()
                .filter(h -> h.kind().equals("@HandleException")).toList();
        assertEquals(List.of(ErrorHandlerSite.Outcome.UNKNOWN, ErrorHandlerSite.Outcome.RETHROW, ErrorHandlerSite.Outcome.UNKNOWN,
                ErrorHandlerSite.Outcome.ESCALATE), handlers.stream().map(ErrorHandlerSite::outcome).toList());
    }
}
