package dev.baton.runtime.idempotency;

import java.time.Instant;

/**
 * The durable record of one idempotent step.
 *
 * @param key the idempotency key
 * @param payloadSha256 hash of the payload the key was first claimed with
 * @param status where the step stands
 * @param leaseOwner who holds the in-progress lease (null once terminal)
 * @param leaseExpiresAt when the lease ends (null once terminal)
 * @param effectStarted whether the side effect was started under some lease (decides if a takeover may redo it)
 * @param takeovers how many times an expired lease was taken over
 * @param result the stored result as JSON (completed steps)
 * @param error why the step failed or escalated
 * @param failureOwner who owns the failure
 * @param createdAt first claim
 * @param updatedAt last change
 * @param envelope the envelope the effect was started with (null until then), so a takeover can escalate it
 */
public record StepRecord(String key, String payloadSha256, StepStatus status, String leaseOwner,
                         Instant leaseExpiresAt, boolean effectStarted, int takeovers, String result,
                         String error, String failureOwner, Instant createdAt, Instant updatedAt,
                         String envelope) {
}
