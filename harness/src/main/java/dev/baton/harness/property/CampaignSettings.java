package dev.baton.harness.property;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * How hard the campaign tries, from {@code junit-platform.properties} or configuration parameters.
 *
 * @param seed              {@code baton.seed}; the same seed replays the same run
 * @param tries             {@code baton.tries}: values per malformed operator (valid input gets 4×)
 * @param timeBudget        {@code baton.timeBudget}: wall-clock budget per consumer
 * @param excludedOperators {@code baton.operators.exclude}: operator names not to run
 * @param failuresDir       {@code baton.failures.dir}: where failing choice sequences are stored
 */
public record CampaignSettings(long seed, int tries, Duration timeBudget, Set<String> excludedOperators,
                               Path failuresDir) {

    /** Default values per malformed operator. */
    public static final int DEFAULT_TRIES = 25;
    /** Default budget per consumer. */
    public static final Duration DEFAULT_TIME_BUDGET = Duration.ofSeconds(10);
    /** Default failure database folder, relative to the working directory (the project). */
    public static final Path DEFAULT_FAILURES_DIR = Path.of(".baton", "failures");

    public CampaignSettings {
        excludedOperators = Set.copyOf(excludedOperators);
    }

    /** Tries for the valid-input property. */
    public int validTries() {
        return tries * 4;
    }
}
