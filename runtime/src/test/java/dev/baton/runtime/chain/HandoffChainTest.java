package dev.baton.runtime.chain;

import dev.baton.runtime.ResearchNotes;
import dev.baton.runtime.boundary.Boundary;
import dev.baton.runtime.boundary.Bucket;
import dev.baton.runtime.boundary.RejectedHandoffException;
import dev.baton.runtime.contract.Contract;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HandoffChainTest {

    @AgentRole("summarizer")
    static final class Summarizer {
    }

    HandoffChain.Builder agents() {
        return HandoffChain.builder("research-pipeline")
                .agent("researcher")
                .agent("summarizer")
                .agent("publisher", AgentKind.SIDE_EFFECT);
    }

    @Test
    void completeChainBuildsAndHandsOutOwnedBoundaries() {
        HandoffChain chain = agents()
                .handoff(Handoff.from("researcher").to("summarizer")
                        .contract(Contract.of(ResearchNotes.class, "schemas/research-notes.schema.json"))
                        .ownedBy("researcher")
                        .recovery(Recovery.repair(2).thenTransport(3))
                        .escalateTo(Escalation.toHuman("editorial-desk")))
                .build();
        Boundary<ResearchNotes> boundary = chain.boundary("researcher", "summarizer");
        assertEquals("researcher", boundary.owner());
        RejectedHandoffException e = assertThrows(RejectedHandoffException.class, () -> boundary.receiveOrThrow("{}"));
        assertEquals(Bucket.SCHEMA_VIOLATION, e.bucket());
        assertEquals("researcher", e.owner());
        assertEquals(3, chain.handoff("researcher", "summarizer").orElseThrow().recovery().transportRetries());
        assertThrows(IllegalArgumentException.class, () -> chain.boundary("summarizer", "publisher"));
        assertEquals("summarizer", Summarizer.class.getAnnotation(AgentRole.class).value());
    }

    @Test
    void gapsFailAtStartUpWithTheLinterRuleIds() {
        ChainDefinitionException e = assertThrows(ChainDefinitionException.class, () -> agents()
                .handoff(Handoff.from("researcher").to("summarizer").ownedBy("researcher")
                        .escalateTo(Escalation.toHuman("desk")))
                .handoff(Handoff.from("summarizer").to("publisher")
                        .contract(Contract.of(ResearchNotes.class)))
                .handoff(Handoff.from("publisher").to("archivist").contract(Contract.of(ResearchNotes.class))
                        .ownedBy("publisher").escalateTo(Escalation.toHuman("desk")))
                .build());
        List<ChainViolation> violations = e.violations();
        assertEquals(List.of(
                new ChainViolation("untyped-handoff", "researcher->summarizer", violations.get(0).message()),
                new ChainViolation("error-unowned", "summarizer->publisher", violations.get(1).message()),
                new ChainViolation("escalation-missing", "summarizer->publisher", violations.get(2).message()),
                new ChainViolation("handoff-unwired", "publisher->archivist", violations.get(3).message())),
                violations);
        assertEquals(true, e.getMessage().contains("[error-unowned] summarizer->publisher"));
    }

    @Test
    void recoveryWithoutEscalationIsMissingEvenWithoutSideEffects() {
        ChainDefinitionException e = assertThrows(ChainDefinitionException.class, () -> HandoffChain.builder("c")
                .agent("a").agent("b")
                .handoff(Handoff.from("a").to("b").contract(Contract.of(ResearchNotes.class)).ownedBy("a")
                        .recovery(Recovery.repair(1)))
                .build());
        assertEquals("escalation-missing", e.violations().get(0).ruleId());
        // no side effects and no retries: a rejection simply goes to its owner
        HandoffChain.builder("c").agent("a").agent("b")
                .handoff(Handoff.from("a").to("b").contract(Contract.of(ResearchNotes.class)).ownedBy("a"))
                .build();
    }

    @Test
    void recoveryIsBoundedAndBacksOff() {
        Recovery recovery = Recovery.transport(5).backoff(Duration.ofMillis(100), 2.0, Duration.ofMillis(500));
        assertEquals(Duration.ofMillis(100), recovery.backoffBefore(1));
        assertEquals(Duration.ofMillis(400), recovery.backoffBefore(3));
        assertEquals(Duration.ofMillis(500), recovery.backoffBefore(5));
        assertThrows(IllegalArgumentException.class, () -> Recovery.repair(1000));
        assertThrows(IllegalArgumentException.class, () -> Recovery.repair(-1));
        assertThrows(IllegalArgumentException.class, () -> Escalation.toHuman("desk").within(Duration.ZERO));
    }
}
