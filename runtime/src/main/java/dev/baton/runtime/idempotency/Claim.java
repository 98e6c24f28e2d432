package dev.baton.runtime.idempotency;

/**
 * The answer to claiming an idempotency key. Exactly one caller gets {@link Acquired} for a key at a
 * time; everyone else learns what happened to the step.
 */
public sealed interface Claim {

    /** @return the step's record as the claim found or left it */
    StepRecord record();

    /**
     * The caller holds the lease and must finish the step.
     *
     * @param takeover true if an expired lease of another owner was taken over: the previous holder may
     *                 have started the effect (see {@link StepRecord#effectStarted()})
     */
    record Acquired(StepRecord record, boolean takeover) implements Claim {
    }

    /** The step completed before; its stored result is the answer. */
    record Completed(StepRecord record) implements Claim {
    }

    /** Another holder's lease is still running. */
    record InProgress(StepRecord record) implements Claim {
    }

    /** The step failed for good and was routed to its owner. */
    record Failed(StepRecord record) implements Claim {
    }

    /** The step waits for a human decision. */
    record Escalated(StepRecord record) implements Claim {
    }

    /** The key was claimed with another payload: reusing a key for different work is refused. */
    record PayloadMismatch(StepRecord record, String offeredSha256) implements Claim {
    }
}
