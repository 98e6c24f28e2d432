package dev.baton.runtime.store;

/** The store could not be reached or refused a statement; nothing was changed by the failed call. */
public final class StoreException extends RuntimeException {
    /**
     * @param message what was being done
     * @param cause the database error
     */
    public StoreException(String message, Throwable cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
