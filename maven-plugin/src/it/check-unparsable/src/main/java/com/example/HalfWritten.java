package com.example;

import dev.baton.runtime.chain.HandoffChain;

/** Someone's work in progress: it does not parse. */
public final class HalfWritten {
    static HandoffChain chain() {
        return HandoffChain.builder("wip")
                .agent("a"
                .build();
    }
