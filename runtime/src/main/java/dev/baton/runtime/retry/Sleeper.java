package dev.baton.runtime.retry;

import java.time.Duration;

/** Waits between transport retries; injectable so tests never sleep for real. */
@FunctionalInterface
public interface Sleeper {

    /** Waits for {@code duration}. */
    void sleep(Duration duration) throws InterruptedException;

    /** @return a sleeper that really sleeps */
    static Sleeper system() {
        return duration -> Thread.sleep(duration.toMillis());
    }
}
