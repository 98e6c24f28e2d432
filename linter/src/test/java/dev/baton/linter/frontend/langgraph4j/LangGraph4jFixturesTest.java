package dev.baton.linter.frontend.langgraph4j;

import dev.baton.linter.graph.AgentNode;
import dev.baton.linter.graph.Chain;
import dev.baton.linter.graph.Edge;
import dev.baton.linter.graph.Framework;
import dev.baton.linter.graph.HandoffGraph;
import dev.baton.linter.graph.PayloadKind;
import dev.baton.linter.testing.FixtureHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every rule over real LangGraph4j code: each fixture directory holds true positives and true negatives. */
class LangGraph4jFixturesTest {
    @ParameterizedTest
    @ValueSource(strings = {"clean", "prose-sniffing", "untyped-handoff", "unvalidated-receive", "context-dropped", "error-swallowed",
            "escalation-missing"})
    void findingsMatchTheMarkers(String dir) {
        FixtureHarness.assertFindings(FixtureHarness.fixture("langgraph4j/" + dir));
    }

    @Test
    void proseHandedFromOneModelNodeToTheNextIsReportedOnlyByTheStrictProfile() {
        FixtureHarness.assertFindings(FixtureHarness.fixture("langgraph4j/untyped-handoff-strict"),
                FixtureHarness.Options.defaults().profile("strict"));
        assertTrue(FixtureHarness.lint(FixtureHarness.fixture("langgraph4j/untyped-handoff-strict"), FixtureHarness.Options.defaults())
                .findings().isEmpty());
    }

    @Test
    void nodeClassesInTheirOwnFilesAreTheGraphsAgentsAndTheDraftKeyIsTheirHandoff() {
        HandoffGraph g = FixtureHarness.lint(FixtureHarness.fixture("langgraph4j/untyped-handoff"), FixtureHarness.Options.defaults()).graph();
        String graph = "lg4j:fixtures.langgraph4j.untypedhandoff.ArticleGraph/run.graph";
        Chain chain = g.chains().stream().filter(c -> c.framework() == Framework.LANGGRAPH4J).findFirst().orElseThrow();
        assertEquals(graph, chain.id());
        assertEquals(List.of(graph + "/draft", graph + "/edit"), chain.agents());
        // both nodes call a model: the AI service in DraftNode, the ChatClient in EditNode
        assertEquals(AgentNode.Kind.LLM, g.agent(graph + "/draft").orElseThrow().kind());
        assertEquals(AgentNode.Kind.LLM, g.agent(graph + "/edit").orElseThrow().kind());
        List<Edge> keyed = g.edges().stream().filter(e -> e.channel() == Edge.Channel.STATE_KEY).toList();
        assertEquals(1, keyed.size(), keyed.toString());
        Edge draft = keyed.get(0);
        assertEquals(graph + "/draft", draft.producer());
        assertEquals(graph + "/edit", draft.consumer());
        assertEquals("draft", draft.key());
        assertEquals(PayloadKind.PROSE, draft.payload());
        assertEquals(Set.of(Edge.Use.INTERPOLATED, Edge.Use.BRANCHED), draft.uses());
    }

    @Test
    void aValidatedRecordWrittenWholeIsATypedHandoff() {
        HandoffGraph g = FixtureHarness.lint(FixtureHarness.fixture("langgraph4j/clean"), FixtureHarness.Options.defaults()).graph();
        Edge outline = g.edges().stream().filter(e -> e.channel() == Edge.Channel.STATE_KEY).findFirst().orElseThrow();
        assertEquals("outline", outline.key());
        assertEquals(PayloadKind.TYPED, outline.payload());
        assertEquals("Outline", outline.contract().javaType());
    }
}
