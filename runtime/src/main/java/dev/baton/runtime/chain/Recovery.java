package dev.baton.runtime.chain;

import java.time.Duration;
import java.util.Objects;

/**
 * The recovery path of an edge: how many repair retries (re-ask the producer with the receiver's
 * errors) and how many transport retries (timeouts, rate limits; with exponential backoff) it may use.
 * The two budgets are separate and both bounded; when they are spent the edge escalates.
 *
 * <pre>{@code Recovery.repair(2).thenTransport(3).backoff(Duration.ofMillis(200), 2.0, Duration.ofSeconds(5))}</pre>
 *
 * @param repairs repair retries after the first attempt (0 = none)
 * @param transportRetries transport retries across the whole delivery (0 = none)
 * @param initialBackoff wait before the first transport retry
 * @param multiplier growth of the wait per transport retry
 * @param maxBackoff cap of the wait
 */
public record Recovery(int repairs, int transportRetries, Duration initialBackoff, double multiplier,
                       Duration maxBackoff) {

    /** Hard cap per budget: a recovery path that retries more than this is a loop, not a recovery. */
    public static final int MAX_RETRIES = 20;

    public Recovery {
        if (repairs < 0 || repairs > MAX_RETRIES || transportRetries < 0 || transportRetries > MAX_RETRIES) {
            throw new IllegalArgumentException("retry budgets must be in 0.." + MAX_RETRIES
                    + ", were repairs=" + repairs + " transport=" + transportRetries);
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0 || multiplier < 1.0) {
            throw new IllegalArgumentException("backoff must be non-negative, growing and capped above its start");
        }
    }

    /** @return a path with {@code repairs} repair retries and no transport retry */
    public static Recovery repair(int repairs) {
        return new Recovery(repairs, 0, Duration.ofMillis(200), 2.0, Duration.ofSeconds(10));
    }

    /** @return a path with {@code retries} transport retries and no repair retry */
    public static Recovery transport(int retries) {
        return new Recovery(0, retries, Duration.ofMillis(200), 2.0, Duration.ofSeconds(10));
    }

    /** @return a path that never retries: the first failure escalates */
    public static Recovery none() {
        return new Recovery(0, 0, Duration.ZERO, 1.0, Duration.ZERO);
    }

    /** @return this path with {@code retries} transport retries as well */
    public Recovery thenTransport(int retries) {
        return new Recovery(repairs, retries, initialBackoff, multiplier, maxBackoff);
    }

    /** @return this path with another backoff for transport retries */
    public Recovery backoff(Duration initial, double growth, Duration max) {
        return new Recovery(repairs, transportRetries, initial, growth, max);
    }

    /** @return the wait before transport retry number {@code retry} (1-based), capped */
    public Duration backoffBefore(int retry) {
        double millis = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, retry - 1));
        long capped = (long) Math.min(millis, (double) maxBackoff.toMillis());
        return Duration.ofMillis(capped);
    }
}
