package dev.baton.runtime.delivery;

import dev.baton.runtime.boundary.Rejection;
import dev.baton.runtime.escalation.EscalationRecord;

import java.time.Instant;

/**
 * How a delivery ended. Every replay of the same idempotency key ends the same way.
 *
 * @param <R> the side effect's result type
 */
public sealed interface Outcome<R> {

    /** The effect happened exactly once; {@code result} is its stored result. */
    record Completed<R>(R result) implements Outcome<R> {
    }

    /** Automated recovery is exhausted; a human decides. The record is durable. */
    record Escalated<R>(EscalationRecord escalation) implements Outcome<R> {
    }

    /** The step failed for good and is routed to {@code owner}; no effect happened. */
    record Failed<R>(String error, String owner) implements Outcome<R> {
    }

    /** The idempotency key was already used with a different payload; nothing was done. */
    record Conflict<R>(String key, String reason) implements Outcome<R> {
    }

    /** Another instance holds the step's lease until {@code leaseExpiresAt}; try again later. */
    record Busy<R>(String leaseOwner, Instant leaseExpiresAt) implements Outcome<R> {
    }

    /** A human decision did not satisfy the escalation's answer schema (or the contract); nothing changed. */
    record DecisionRejected<R>(Rejection rejection) implements Outcome<R> {
    }
}
