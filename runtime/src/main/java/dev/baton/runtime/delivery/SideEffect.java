package dev.baton.runtime.delivery;

/**
 * A side effect on another system (send, pay, publish). It receives the idempotency key: forward it to
 * the other system so that a retried call is deduplicated there too.
 *
 * @param <T> the accepted payload's type
 * @param <R> the result, stored as JSON and returned to every replay
 */
@FunctionalInterface
public interface SideEffect<T, R> {
    /** Performs the effect once for {@code value}. */
    R apply(T value, String idempotencyKey) throws Exception;
}
