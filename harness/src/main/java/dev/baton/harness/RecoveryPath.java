package dev.baton.harness;

/**
 * A consumer's whole recovery path for one handoff (repair re-asks, transport retries, then
 * escalation), driven by the harness: every attempt asks the scripted {@link Upstream} for output.
 */
@FunctionalInterface
public interface RecoveryPath {

    /**
     * Runs the handoff to its end: accepted, or escalated after recovery is exhausted. Throwing at
     * the end (for example an "escalated" exception) is allowed; what counts is the escalation record.
     *
     * @param upstream the scripted producer; each {@link Upstream#next()} is one attempt
     */
    void run(Upstream upstream) throws Exception;

    /** The scripted upstream agent: in the escalation property it answers only with malformed output. */
    interface Upstream {

        /** The next attempt's delivery (same message id and idempotency key, attempt number rising). */
        Delivery next();

        /** The handoff's message id, the same for every attempt. */
        String messageId();

        /**
         * The handoff's idempotency key, the same for every attempt: pass it to the runtime, e.g.
         * {@code delivery.run(upstream.idempotencyKey(), input, request -> upstream.next().raw())}.
         */
        String idempotencyKey();
    }
}
