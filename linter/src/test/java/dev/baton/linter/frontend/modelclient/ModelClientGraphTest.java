package dev.baton.linter.frontend.modelclient;

import dev.baton.linter.graph.AgentNode;
import dev.baton.linter.graph.Framework;
import dev.baton.linter.graph.HandoffGraph;
import dev.baton.linter.graph.facts.ReceiveSite;
import dev.baton.linter.testing.FixtureHarness;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the model-client frontend puts in the graph: call sites, methods that return an answer, typed answers. */
class ModelClientGraphTest {
    private static HandoffGraph graph(String dir) {
        return FixtureHarness.lint(FixtureHarness.fixture("modelclient/" + dir), FixtureHarness.Options.defaults()).graph();
    }

    @Test
    void everySdkCallAndEveryModelRequestIsAModelAgent() {
        HandoffGraph g = graph("prose-sniffing");
        String p = "model:fixtures.modelclient.prosesniffing.";
        for (String id : List.of("ReviewGate#approved/1", "ReviewGate#severity/1", "Triage#urgent/1", "Scorer#score/1",
                "Scorer#onTopic/1", "Scorer#plagiarised/1", "ChatCompletionsClient#complete/1", "MessagesApi#risky/1")) {
            AgentNode a = g.agent(p + id).orElseThrow(() -> new AssertionError("no agent " + id));
            assertEquals(AgentNode.Kind.LLM, a.kind());
            assertEquals(Framework.MODEL_CLIENT, a.framework());
            assertEquals("String", a.outputType());
        }
        // an HTTP call with no model endpoint and no chat body is not a model call
        assertFalse(g.agent(p + "ChatCompletionsClient#healthy/1").isPresent());
        // the request of 'stopped' has the messages endpoint: a model call, whose stop_reason is no answer
        assertTrue(g.agent(p + "MessagesApi#stopped/1").isPresent());
        // a method that returns the answer stands for the call to its callers in other classes
        assertTrue(g.facts(ReplyReturned.class).stream().anyMatch(r -> r.owner().equals("ChatCompletionsClient")
                && r.method().equals("complete") && r.agent().equals(p + "ChatCompletionsClient#complete")));
        assertTrue(g.agent(p + "ChatCompletionsClient#complete").isPresent());
        assertFalse(g.agent(p + "ReviewGate#approved").isPresent(), "a method that only decides on the answer does not return it");
    }

    @Test
    void structuredOutputsAreTypedAnswersValidatedByTheProviderSchema() {
        HandoffGraph g = graph("unvalidated-receive");
        String p = "model:fixtures.modelclient.unvalidatedreceive.Planner#";
        assertEquals("Plan", g.agent(p + "openAiSteps/1").orElseThrow().outputType());
        assertEquals("Plan", g.agent(p + "anthropicSteps/1").orElseThrow().outputType());
        assertEquals("String", g.agent(p + "geminiSteps/1").orElseThrow().outputType(), "Gen AI's text() stays text");
        List<ReceiveSite> typed = g.facts(ReceiveSite.class).stream().filter(r -> r.mechanism().endsWith("structured outputs")).toList();
        assertEquals(2, typed.size());
        assertTrue(typed.stream().allMatch(ReceiveSite::validated));
    }
}
