package dev.baton.runtime.idempotency;

/** Where a side-effecting step keyed by an idempotency key stands. */
public enum StepStatus {
    /** Claimed by a lease holder; the work may be under way. */
    IN_PROGRESS,
    /** Done; the stored result is returned to every replay. */
    COMPLETED,
    /** Failed for good and routed to its owner; kept, never deleted. */
    FAILED,
    /** Stopped for a human; see the escalation record of the same key. */
    ESCALATED
}
