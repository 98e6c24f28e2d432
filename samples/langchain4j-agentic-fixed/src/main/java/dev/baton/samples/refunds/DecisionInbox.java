package dev.baton.samples.refunds;

import dev.baton.runtime.boundary.Boundary;
import dev.baton.runtime.boundary.Received;
import dev.baton.runtime.contract.Contract;

/**
 * Refund decisions that arrive as raw JSON (re-submitted by the back office, replayed from the audit
 * log) are received here: parsed strictly, validated against the RefundDecision contract, bound, or
 * rejected with a typed error the assessor owns.
 */
public final class DecisionInbox {
    private final Boundary<RefundDecision> boundary = Boundary.of(Contract.of(RefundDecision.class), "assessor");

    public Received<RefundDecision> receive(String raw) {
        return boundary.receive(raw);
    }
}
