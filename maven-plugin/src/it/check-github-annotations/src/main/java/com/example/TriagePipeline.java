package com.example;

import dev.baton.runtime.chain.Escalation;
import dev.baton.runtime.chain.Handoff;
import dev.baton.runtime.chain.HandoffChain;

/** A two-agent chain whose one handoff has no contract. */
public final class TriagePipeline {
    private TriagePipeline() {
    }

    public static HandoffChain definition() {
        return HandoffChain.builder("triage")
                .agent("classifier")
                .agent("responder")
                .handoff(Handoff.from("classifier").to("responder")
                        .ownedBy("classifier")
                        .escalateTo(Escalation.toHuman("support-lead")))
                .build();
    }
}
