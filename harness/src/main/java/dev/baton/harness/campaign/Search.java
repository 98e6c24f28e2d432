package dev.baton.harness.campaign;

import dev.baton.harness.choice.ChoiceSequence;
import dev.baton.harness.choice.Choices;
import dev.baton.harness.choice.Gen;
import dev.baton.harness.choice.Recorder;
import dev.baton.harness.choice.Shrinker;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Searches for a counterexample to one property: replays stored failures first, then draws
 * {@code tries} fresh values from a seeded source, and shrinks the first failure on its choices.
 */
public final class Search {

    /**
     * Limits of one search.
     *
     * @param seed         seed of the random source; the same seed replays the same search
     * @param tries        how many values to check (discards included)
     * @param budgetMillis wall-clock budget; the search stops early when it is spent
     * @param maxChoices   upper bound on choices per value, so a runaway generator cannot hang
     * @param shrinkReplays upper bound on replays spent shrinking a failure
     * @param storedReplays how many times a stored failure is replayed before it counts as fixed: 1
     *                      for a deterministic property; more where the failure depends on timing
     *                      (a race), so that a rerun of a real failure fails again
     */
    public record Limits(long seed, int tries, long budgetMillis, int maxChoices, int shrinkReplays,
                         int storedReplays) {

        /** Limits with the default shrinking bound. */
        public Limits(long seed, int tries, long budgetMillis, int maxChoices) {
            this(seed, tries, budgetMillis, maxChoices, MAX_SHRINK_REPLAYS, 1);
        }

        /** Limits for a deterministic property. */
        public Limits(long seed, int tries, long budgetMillis, int maxChoices, int shrinkReplays) {
            this(seed, tries, budgetMillis, maxChoices, shrinkReplays, 1);
        }
    }

    /**
     * The outcome of a search.
     *
     * @param tries     values checked
     * @param discards  values discarded (unsatisfiable or not applicable)
     * @param failure   the shrunk failure, or {@code null} when the property held
     */
    public record Result<T>(int tries, int discards, Failure<T> failure, String lastDiscardReason) {

        public boolean passed() {
            return failure == null;
        }
    }

    /**
     * A shrunk counterexample.
     *
     * @param value         the shrunk value
     * @param verdict       the failure verdict for the shrunk value
     * @param choices       the shrunk choice sequence (stored for replay)
     * @param foundAtTry    1-based try that first failed (0: replayed from the failure store)
     * @param originalValue the value as first found, before shrinking
     * @param shrinkReplays replays spent shrinking
     */
    public record Failure<T>(T value, Verdict.Fail verdict, ChoiceSequence choices, int foundAtTry,
                             T originalValue, int shrinkReplays) {
    }

    /** Shrinking is bounded too: a slow consumer or a huge input must not stall the campaign. */
    static final int MAX_SHRINK_REPLAYS = 1_000;
    static final long MIN_SHRINK_MILLIS = 100;
    static final long MAX_SHRINK_MILLIS = 2_000;

    private Search() {
    }

    /**
     * Runs a search.
     *
     * @param generator    produces candidate values
     * @param property     checks one value
     * @param limits       seed, tries and budget
     * @param replayFirst  stored failing sequences, replayed before fresh generation
     */
    public static <T> Result<T> run(Gen<T> generator, Function<T, Verdict> property, Limits limits,
                                    List<ChoiceSequence> replayFirst) {
        long deadline = System.nanoTime() + limits.budgetMillis() * 1_000_000L;
        int tries = 0;
        int discards = 0;
        String lastDiscard = null;
        for (ChoiceSequence stored : replayFirst) {
            for (int i = 0; i < Math.max(1, limits.storedReplays()); i++) {
                Attempt<T> attempt = attempt(generator, property, Recorder.replay(stored, limits.maxChoices()));
                if (attempt.verdict() instanceof Verdict.Fail fail) {
                    return new Result<>(tries, discards, shrink(generator, property, limits, attempt, fail, 0), null);
                }
                if (System.nanoTime() >= deadline) {
                    break;
                }
            }
        }
        SplittableRandom random = new SplittableRandom(limits.seed());
        while (tries < limits.tries() && System.nanoTime() < deadline) {
            tries++;
            Attempt<T> attempt = attempt(generator, property, Recorder.random(random.split(), limits.maxChoices()));
            Verdict verdict = attempt.verdict();
            if (verdict instanceof Verdict.Discard discard) {
                discards++;
                lastDiscard = discard.reason();
            } else if (verdict instanceof Verdict.Fail fail) {
                return new Result<>(tries, discards, shrink(generator, property, limits, attempt, fail, tries),
                        lastDiscard);
            }
        }
        return new Result<>(tries, discards, null, lastDiscard);
    }

    private record Attempt<T>(T value, Verdict verdict, Recorder recorder) {
    }

    private static <T> Attempt<T> attempt(Gen<T> generator, Function<T, Verdict> property, Recorder recorder) {
        T value;
        try {
            value = generator.generate(recorder);
        } catch (Choices.Unsatisfiable | Choices.Overrun e) {
            return new Attempt<>(null, Verdict.discard("generator: " + e.getMessage()), recorder);
        }
        return new Attempt<>(value, property.apply(value), recorder);
    }

    private static <T> Failure<T> shrink(Gen<T> generator, Function<T, Verdict> property, Limits limits,
                                         Attempt<T> first, Verdict.Fail fail, int foundAt) {
        if (!fail.shrinkable()) {
            return new Failure<>(first.value(), fail, first.recorder().sequence(), foundAt, first.value(), 0);
        }
        Shrinker shrinker = new Shrinker(candidate -> {
            Attempt<T> replayed = attempt(generator, property, Recorder.replay(candidate, limits.maxChoices()));
            boolean same = replayed.verdict() instanceof Verdict.Fail f && f.kind().equals(fail.kind());
            return new Shrinker.Probe(same, replayed.recorder().sequence(), replayed.recorder().spans());
        }, limits.shrinkReplays(), Math.max(MIN_SHRINK_MILLIS, Math.min(limits.budgetMillis(), MAX_SHRINK_MILLIS)));
        ChoiceSequence shrunk = shrinker.shrink(first.recorder().sequence(), first.recorder().spans());
        Attempt<T> last = attempt(generator, property, Recorder.replay(shrunk, limits.maxChoices()));
        if (last.verdict() instanceof Verdict.Fail lastFail && lastFail.kind().equals(fail.kind())) {
            return new Failure<>(last.value(), lastFail, shrunk, foundAt, first.value(), shrinker.replays());
        }
        // a flaky consumer: report the original failure rather than an unreproducible shrink
        return new Failure<>(first.value(), fail, first.recorder().sequence(), foundAt, first.value(),
                shrinker.replays());
    }
}
