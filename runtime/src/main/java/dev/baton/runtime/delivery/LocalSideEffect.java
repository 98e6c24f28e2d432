package dev.baton.runtime.delivery;

import java.sql.Connection;

/**
 * A side effect on the store's own database, committed in the same transaction as the step's completion:
 * after a crash it either happened and the step is complete, or neither.
 *
 * @param <T> the accepted payload's type
 * @param <R> the result, stored as JSON and returned to every replay
 */
@FunctionalInterface
public interface LocalSideEffect<T, R> {
    /**
     * @param transaction the open transaction; do not commit, roll back or close it
     */
    R apply(T value, Connection transaction) throws Exception;
}
