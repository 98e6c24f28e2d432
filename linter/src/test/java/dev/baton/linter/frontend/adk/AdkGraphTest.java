package dev.baton.linter.frontend.adk;

import dev.baton.linter.graph.Chain;
import dev.baton.linter.graph.Edge;
import dev.baton.linter.graph.HandoffGraph;
import dev.baton.linter.graph.PayloadKind;
import dev.baton.linter.graph.facts.ErrorHandlerSite;
import dev.baton.linter.graph.facts.HumanStep;
import dev.baton.linter.graph.facts.KeyAccess;
import dev.baton.linter.graph.facts.ParallelGroup;
import dev.baton.linter.graph.facts.RetrySite;
import dev.baton.linter.testing.FixtureHarness;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the ADK frontend puts into the handoff graph. */
class AdkGraphTest {
    private static HandoffGraph graph(String dir) {
        return FixtureHarness.lint(FixtureHarness.fixture("adk/" + dir), FixtureHarness.Options.defaults()).graph();
    }

    @Test
    void outputKeysAndPlaceholdersAreKeyAccessesInTheAdkNamespaceAtTheirLines() {
        HandoffGraph g = graph("handoff-unwired");
        List<KeyAccess> keys = g.facts(KeyAccess.class);
        assertTrue(keys.stream().allMatch(k -> k.namespace().equals("adk")));
        KeyAccess notes = keys.stream().filter(k -> k.key().equals("review_notes")).findFirst().orElseThrow();
        assertEquals(KeyAccess.Access.READ, notes.access());
        assertEquals("adk:editor", notes.agent());
        assertEquals(28, notes.location().line(), "the placeholder's own line in a concatenated instruction");
        Chain pipeline = g.chains().get(0);
        assertEquals(List.of("adk:writer", "adk:reviewer", "adk:editor"), pipeline.agents());
        Edge story = g.edges().stream().filter(e -> "story".equals(e.key()) && e.consumer().equals("adk:editor")).findFirst().orElseThrow();
        assertEquals(Edge.Channel.PROMPT_PLACEHOLDER, story.channel());
        assertEquals(PayloadKind.PROSE, story.payload());
    }

    @Test
    void keysSeededWhenTheSessionIsCreatedAreWrites() {
        List<KeyAccess> seeded = graph("handoff-unwired-session").facts(KeyAccess.class).stream()
                .filter(k -> k.access() == KeyAccess.Access.WRITE).toList();
        assertEquals(List.of("topic", "audience"), seeded.stream().map(KeyAccess::key).toList());
        assertTrue(seeded.stream().allMatch(k -> k.agent().startsWith("adk-session:")));
    }

    @Test
    void anOutputSchemaMakesTheHandoffTyped() {
        HandoffGraph g = graph("untyped-handoff");
        Edge typed = g.edges().stream().filter(e -> "claim_verdict".equals(e.key())).findFirst().orElseThrow();
        assertEquals(PayloadKind.TYPED, typed.payload());
        assertFalse(typed.contract().isUntyped());
    }

    @Test
    void loopAgentsAreRetrySitesBoundedOnlyByMaxIterations() {
        List<RetrySite> loops = graph("retry-unbounded").facts(RetrySite.class);
        assertEquals(2, loops.size());
        assertTrue(loops.stream().anyMatch(r -> !r.boundKnown() && r.scope().equals("adk:refinement_loop")));
        assertTrue(loops.stream().anyMatch(r -> r.boundKnown() && r.bound().getAsInt() == 3));
    }

    @Test
    void parallelAgentsDeclareTheirBranches() {
        List<ParallelGroup> groups = graph("owner-ambiguous").facts(ParallelGroup.class);
        assertEquals(2, groups.size());
        assertEquals(List.of("adk:web_researcher", "adk:paper_researcher"), groups.get(0).branches());
    }

    @Test
    void confirmationsAndErrorCallbacksAreRead() {
        HandoffGraph refunds = graph("escalation-unsafe");
        List<HumanStep> steps = refunds.facts(HumanStep.class);
        assertEquals(2, steps.size());
        HumanStep asked = steps.stream().filter(h -> h.kind().equals("requestConfirmation")).findFirst().orElseThrow();
        assertFalse(asked.insideCatchAll(), "requestConfirmation throws no signal a catch-all could swallow");
        assertFalse(asked.inputValidated(), "the payload is cast to String and passed on");
        HumanStep declared = steps.stream().filter(h -> h.kind().equals("requireConfirmation")).findFirst().orElseThrow();
        assertFalse(declared.insideCatchAll());
        assertTrue(declared.inputValidated());

        List<ErrorHandlerSite> handlers = graph("error-fabricated").facts(ErrorHandlerSite.class).stream()
                .filter(h -> h.kind().equals("onToolErrorCallback")).toList();
        assertEquals(List.of(ErrorHandlerSite.Outcome.FABRICATE, ErrorHandlerSite.Outcome.RECOVER),
                handlers.stream().map(ErrorHandlerSite::outcome).toList());
    }
}
