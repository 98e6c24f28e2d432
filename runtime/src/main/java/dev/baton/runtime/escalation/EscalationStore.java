package dev.baton.runtime.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Durable escalation records, written in the same transaction that stops the automated path. */
public interface EscalationStore {

    /**
     * Stops the step held under {@code leaseOwner} (status ESCALATED) and writes the record, in one
     * transaction. If the key already has an escalation, that one is returned and nothing is written.
     *
     * @return the stored record, or empty if the lease was lost (nothing written)
     */
    Optional<EscalationRecord> escalate(String leaseOwner, EscalationRecord record);

    /** @return the escalation with this id */
    Optional<EscalationRecord> escalation(String id);

    /** @return the escalation of this step, if it has one */
    Optional<EscalationRecord> escalationFor(String idempotencyKey);

    /** @return open escalations, oldest first */
    List<EscalationRecord> openEscalations();

    /**
     * Records a (validated) decision and, in the same transaction, re-opens the step under a new lease so
     * the resumed work is itself claimed; only an OPEN escalation can be resolved, and only once.
     *
     * @return true if this call resolved it
     */
    boolean resolve(String id, String decisionJson, String decidedBy, Instant now, String leaseOwner, Duration lease);

    /**
     * Applies timeouts: every OPEN escalation past its deadline becomes EXPIRED and its step FAILED, in one
     * transaction each. A timeout never approves anything.
     *
     * @return how many escalations expired
     */
    int expireOverdue(Instant now);
}
