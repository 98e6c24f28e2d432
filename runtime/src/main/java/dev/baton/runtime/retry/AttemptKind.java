package dev.baton.runtime.retry;

/** Why an attempt was made. */
public enum AttemptKind {
    /** The first call. */
    FIRST,
    /** A repair retry: the producer was re-asked with the receiver's errors. */
    REPAIR,
    /** A transport retry: the same request again after a transport failure, with backoff. */
    TRANSPORT,
    /** The side effect of the step (after the payload was accepted). */
    EFFECT
}
