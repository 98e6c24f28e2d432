package com.example.generated;

import dev.baton.runtime.chain.Escalation;
import dev.baton.runtime.chain.Handoff;
import dev.baton.runtime.chain.HandoffChain;

/** A two-agent chain whose one handoff has no contract. */
public final class GeneratedPipeline {
    private GeneratedPipeline() {
    }

    public static HandoffChain definition() {
        return HandoffChain.builder("generated")
                .agent("classifier")
                .agent("responder")
                .handoff(Handoff.from("classifier").to("responder")
                        .ownedBy("classifier")
                        .escalateTo(Escalation.toHuman("support-lead")))
                .build();
    }
}
