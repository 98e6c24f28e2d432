package dev.baton.harness.property;

import java.time.Duration;

/** The consumer under test did not return within the consumer's whole time budget. */
public final class ConsumerHung extends RuntimeException {

    ConsumerHung(Duration limit) {
        super("the consumer did not return within " + limit.toMillis() + " ms (baton.timeBudget); it was interrupted",
                null, false, false);
    }
}
