package dev.baton.runtime.idempotency;

import java.sql.Connection;

/**
 * A side effect on the store's own database, run in the same transaction that completes the step: a
 * crash anywhere leaves either both or neither, so a takeover may safely redo it.
 */
@FunctionalInterface
public interface TransactionalEffect {
    /**
     * @param transaction the open transaction; do not commit, roll back or close it
     * @return the step's result as JSON
     */
    String apply(Connection transaction) throws Exception;
}
