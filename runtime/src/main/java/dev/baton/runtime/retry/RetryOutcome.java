package dev.baton.runtime.retry;

import dev.baton.runtime.boundary.Rejection;

import java.util.List;

/**
 * The end of a bounded retry loop: a value the boundary accepted, or exhaustion with every attempt kept.
 *
 * @param <T> the contract's type
 */
public sealed interface RetryOutcome<T> {

    /** @return every attempt, in order */
    List<Attempt> attempts();

    /**
     * @param value the accepted value
     * @param raw the accepted raw output
     */
    record Delivered<T>(T value, String raw, List<Attempt> attempts) implements RetryOutcome<T> {
        public Delivered {
            attempts = List.copyOf(attempts);
        }
    }

    /**
     * @param reason which budget ran out, or which error is not retryable
     * @param lastRaw the last raw output, or null if none arrived
     * @param lastRejection the last rejection, or null if the last attempt failed in transport
     */
    record Exhausted<T>(String reason, String lastRaw, Rejection lastRejection, List<Attempt> attempts)
            implements RetryOutcome<T> {
        public Exhausted {
            attempts = List.copyOf(attempts);
        }
    }
}
