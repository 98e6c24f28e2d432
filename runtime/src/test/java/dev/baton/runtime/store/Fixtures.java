package dev.baton.runtime.store;

import dev.baton.runtime.chain.AgentKind;
import dev.baton.runtime.chain.Escalation;
import dev.baton.runtime.chain.Handoff;
import dev.baton.runtime.chain.HandoffChain;
import dev.baton.runtime.chain.Recovery;
import dev.baton.runtime.contract.Contract;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** The chain, payloads and results shared by the store suite and its child JVMs. */
final class Fixtures {

    record Summary(String title, List<String> points) {
    }

    record Receipt(String key, String title, int sequence) {
    }

    static final String VALID = "{\"title\":\"Seams\",\"points\":[\"validate on receipt\",\"own failures\"]}";
    static final String INVALID = "Sure! Here is the summary: Seams matter.";

    private Fixtures() {
    }

    static HandoffChain chain() {
        return HandoffChain.builder("publishing")
                .agent("summarizer")
                .agent("publisher", AgentKind.SIDE_EFFECT)
                .handoff(Handoff.from("summarizer").to("publisher")
                        .contract(Contract.of(Summary.class))
                        .ownedBy("summarizer")
                        .recovery(Recovery.repair(2).thenTransport(2))
                        .escalateTo(Escalation.toHuman("editorial-desk").within(Duration.ofHours(4))))
                .build();
    }

    static Clock fixed(Instant at) {
        return Clock.fixed(at, ZoneOffset.UTC);
    }
}
