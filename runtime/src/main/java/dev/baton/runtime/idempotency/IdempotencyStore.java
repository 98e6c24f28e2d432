package dev.baton.runtime.idempotency;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Durable idempotency records. Every state change is one arbitrated statement (an insert on the key,
 * or an update conditioned on status and lease owner), never a read followed by a write.
 */
public interface IdempotencyStore {

    /**
     * Claims {@code key} for {@code payloadSha256}: inserts an in-progress record with a lease, or takes
     * over an expired lease, or reports what happened to the step.
     */
    Claim claim(String key, String payloadSha256, String leaseOwner, Instant now, Duration lease);

    /**
     * Records, before a side effect on another system starts, that it is starting and with which envelope;
     * false if the lease was lost (then the effect must not start).
     */
    boolean markEffectStarted(String key, String leaseOwner, String envelopeJson, Instant now);

    /** Completes the step with its result; false if the lease was lost (the result is then not stored). */
    boolean complete(String key, String leaseOwner, String resultJson, Instant now);

    /**
     * Runs a local effect and completes the step in one transaction.
     *
     * @return the result JSON, or empty if the lease was lost (the effect is then rolled back)
     * @throws Exception whatever the effect threw (the transaction is rolled back)
     */
    Optional<String> completeInTransaction(String key, String leaseOwner, Instant now, TransactionalEffect effect)
            throws Exception;

    /** Records the step as failed for good, routed to {@code failureOwner}; false if the lease was lost. */
    boolean fail(String key, String leaseOwner, String error, String failureOwner, Instant now);

    /** @return the step's record, if the key was ever claimed */
    Optional<StepRecord> step(String key);
}
