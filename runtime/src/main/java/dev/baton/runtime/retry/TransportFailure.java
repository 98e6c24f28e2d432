package dev.baton.runtime.retry;

/**
 * A failure to reach the producer (timeout, rate limit, 5xx): retried with backoff on the transport
 * budget, never fed back to the producer as a repair. {@link java.io.IOException} and
 * {@link java.util.concurrent.TimeoutException} count as transport failures too; any other exception
 * from a producer is a bug and is not retried.
 */
public class TransportFailure extends Exception {
    /** @param message what failed */
    public TransportFailure(String message) {
        super(message);
    }

    /**
     * @param message what failed
     * @param cause the client's exception
     */
    public TransportFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
