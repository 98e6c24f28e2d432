package dev.baton.linter.frontend.embabel;

import dev.baton.linter.graph.Edge;
import dev.baton.linter.graph.HandoffGraph;
import dev.baton.linter.graph.PayloadKind;
import dev.baton.linter.graph.facts.HumanStep;
import dev.baton.linter.graph.facts.ReceiveSite;
import dev.baton.linter.graph.facts.RetrySite;
import dev.baton.linter.graph.facts.SideEffect;
import dev.baton.linter.testing.FixtureHarness;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the Embabel frontend puts into the handoff graph. */
class EmbabelGraphTest {
    private static HandoffGraph graph(String dir) {
        return FixtureHarness.lint(FixtureHarness.fixture("embabel/" + dir), FixtureHarness.Options.defaults()).graph();
    }

    @Test
    void actionsHandOverByTypeOnTheBlackboard() {
        HandoffGraph g = graph("untyped-handoff");
        Edge prose = g.edges().stream().filter(e -> e.consumer().endsWith("ReviewAgent/decide")
                && e.producer().endsWith(".ReviewAgent/review")).findFirst().orElseThrow();
        assertEquals(Edge.Channel.BLACKBOARD_TYPE, prose.channel());
        assertEquals(PayloadKind.PROSE, prose.payload());
        assertTrue(prose.uses().contains(Edge.Use.BRANCHED));
        Edge typed = g.edges().stream().filter(e -> e.consumer().endsWith("TypedReviewAgent/decide")).findFirst().orElseThrow();
        assertEquals(PayloadKind.TYPED, typed.payload());
        assertEquals("Verdict", typed.key());
    }

    @Test
    void createObjectIsValidatedOnlyForConstrainedOrCascadedTypes() {
        List<ReceiveSite> sites = graph("unvalidated-receive").facts(ReceiveSite.class);
        assertEquals(List.of("Tour:false", "CheckedTour:true", "Plan:false", "Itinerary:true"),
                sites.stream().map(r -> r.targetType() + ":" + r.validated()).toList());
    }

    @Test
    void defaultRetryPolicyAndFireOnce() {
        HandoffGraph g = graph("retry-not-idempotent");
        List<RetrySite> retries = g.facts(RetrySite.class);
        assertTrue(retries.stream().anyMatch(r -> r.scope().endsWith(".RoomBooker/bookRoom") && r.bound().getAsInt() == 5));
        assertFalse(retries.stream().anyMatch(r -> r.scope().endsWith(".CarefulRoomBooker/bookRoom")), "FIRE_ONCE is not retried");
        List<SideEffect> effects = g.facts(SideEffect.class);
        assertEquals(3, effects.size(), "RoomBooker, CarefulRoomBooker and the record agent DeskBooker");
        assertTrue(effects.stream().filter(s -> s.agent().endsWith(".CarefulRoomBooker/bookRoom")).findFirst().orElseThrow().idempotencyGuarded());
        assertEquals(1, g.facts(HumanStep.class).size());
    }

    @Test
    void waitForInsideACatchAllAndFreeTextAnswersAreMarked() {
        List<HumanStep> steps = graph("escalation-unsafe").facts(HumanStep.class);
        assertEquals(3, steps.size());
        assertEquals(1, steps.stream().filter(HumanStep::insideCatchAll).count());
        assertEquals(1, steps.stream().filter(h -> !h.inputValidated()).count());
    }
}
