package dev.baton.runtime.chain;

import java.time.Duration;
import java.util.Objects;

/**
 * Where an edge goes when automated recovery is exhausted: a human queue, a deadline, and what
 * happens when the deadline passes. There is deliberately no "approve on timeout".
 *
 * @param queue the human queue or team (e.g. {@code "editorial-desk"})
 * @param deadline how long the human has
 * @param onTimeout what a timeout does; never an approval
 */
public record Escalation(String queue, Duration deadline, TimeoutPolicy onTimeout) {

    /** What an unanswered escalation turns into at its deadline. */
    public enum TimeoutPolicy {
        /** The step is rejected: no side effect happens. */
        REJECT,
        /** The run is cancelled: no side effect happens. */
        CANCEL
    }

    public Escalation {
        if (queue == null || queue.isBlank()) {
            throw new IllegalArgumentException("an escalation needs a queue");
        }
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(onTimeout, "onTimeout");
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("an escalation deadline must be positive");
        }
    }

    /** @return an escalation to {@code queue} with a 24 h deadline that rejects on timeout */
    public static Escalation toHuman(String queue) {
        return new Escalation(queue, Duration.ofHours(24), TimeoutPolicy.REJECT);
    }

    /** @return this escalation with another deadline */
    public Escalation within(Duration newDeadline) {
        return new Escalation(queue, newDeadline, onTimeout);
    }

    /** @return this escalation with another timeout policy */
    public Escalation onTimeout(TimeoutPolicy policy) {
        return new Escalation(queue, deadline, policy);
    }
}
