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
 * @param includedOperators {@code baton.operators.include}: opt-in operator names, or family names
 *                          ({@code synthetic}) for the whole family
 * @param failuresDir       {@code baton.failures.dir}: where failing choice sequences are stored
 */
public record CampaignSettings(long seed, int tries, Duration timeBudget, Set<String> excludedOperators,
                               Set<String> includedOperators, Path failuresDir) {

    /** Default values per malformed operator. */
    public static final int DEFAULT_TRIES = 15;
    /**
     * Default budget per consumer: a safety net for slow consumers. The default tries of the default
     * campaign take about 1.3 s on a consumer that answers in 1 ms (docs/harness.md, "Cost"); a
     * property that the budget cuts short says so.
     */
    public static final Duration DEFAULT_TIME_BUDGET = Duration.ofSeconds(10);
    /** Default failure database folder, relative to the working directory (the project). */
    public static final Path DEFAULT_FAILURES_DIR = Path.of(".baton", "failures");

    public CampaignSettings {
        excludedOperators = Set.copyOf(excludedOperators);
        includedOperators = Set.copyOf(includedOperators);
    }

    /** Settings without opt-in operators. */
    public CampaignSettings(long seed, int tries, Duration timeBudget, Set<String> excludedOperators, Path failuresDir) {
        this(seed, tries, timeBudget, excludedOperators, Set.of(), failuresDir);
    }

    /** Tries for the valid-input property. */
    public int validTries() {
        return tries * 4;
    }

    /**
     * Tries for the replay property; each try delivers one handoff twice in a row, then runs
     * {@link ConsumerCampaign#RACE_ROUNDS} rounds of concurrent deliveries.
     */
    public int replayTries() {
        return Math.max(1, tries / 12);
    }

    /** Tries for the escalation property (each drives a whole recovery path). */
    public int escalationTries() {
        return Math.max(1, tries / 2);
    }
}
