package dev.baton.runtime.boundary;

/**
 * What a boundary returns: the typed value, or a typed rejection. Never a half-bound value.
 *
 * @param <T> the contract's type
 */
public sealed interface Received<T> permits Accepted, Rejected {

    /** @return true for {@link Accepted} */
    default boolean isAccepted() {
        return this instanceof Accepted<T>;
    }

    /**
     * @return the accepted value
     * @throws RejectedHandoffException carrying the rejection if this is {@link Rejected}
     */
    default T orThrow() {
        if (this instanceof Accepted<T> accepted) {
            return accepted.value();
        }
        throw new RejectedHandoffException(((Rejected<T>) this).rejection());
    }
}
