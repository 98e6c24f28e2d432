package dev.baton.harness.choice;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Shrinks a failing choice sequence by editing it and replaying: delete spans and chunks, zero
 * chunks, lower single choices by binary search, sort chunks. An edit is kept only when the replay
 * still fails the same way and the sequence it actually consumed is shortlex-smaller, so shrinking
 * always terminates and the result is a local minimum under every pass.
 */
public final class Shrinker {

    /** What one replay of an edited sequence produced. */
    public record Probe(boolean stillFails, ChoiceSequence consumed, List<Recorder.Span> spans) {
    }

    private final Function<ChoiceSequence, Probe> replay;
    private final int maxReplays;
    private final long deadlineNanos;
    private ChoiceSequence best;
    private List<Recorder.Span> bestSpans;
    private int replays;
    private final java.util.Set<ChoiceSequence> tried = new java.util.HashSet<>();

    /**
     * @param replay       replays a candidate sequence against the failing property
     * @param maxReplays   an upper bound on replays, so shrinking a slow consumer stays bounded
     * @param budgetMillis wall-clock budget for shrinking
     */
    public Shrinker(Function<ChoiceSequence, Probe> replay, int maxReplays, long budgetMillis) {
        this.replay = replay;
        this.maxReplays = maxReplays;
        this.deadlineNanos = System.nanoTime() + budgetMillis * 1_000_000L;
    }

    /** Shrinks {@code failing} (with its spans) and returns the smallest failing sequence found. */
    public ChoiceSequence shrink(ChoiceSequence failing, List<Recorder.Span> spans) {
        best = failing;
        bestSpans = spans;
        // the simplest candidates first: all zeros, then zeroing every suffix (Hypothesis does the same)
        consider(new long[best.length()]);
        for (int cut = best.length() / 2; cut > 0 && !exhausted(); cut /= 2) {
            long[] candidate = best.values();
            java.util.Arrays.fill(candidate, candidate.length - Math.min(cut, candidate.length), candidate.length, 0);
            consider(candidate);
        }
        boolean improved = true;
        while (improved && !exhausted()) {
            improved = deleteSpans();
            improved |= deleteChunks();
            improved |= zeroChunks();
            improved |= lowerChoices();
            improved |= sortChunks();
        }
        return best;
    }

    /** How many replays shrinking used. */
    public int replays() {
        return replays;
    }

    private boolean exhausted() {
        return replays >= maxReplays || System.nanoTime() > deadlineNanos;
    }

    private boolean consider(long[] candidate) {
        if (exhausted()) {
            return false;
        }
        ChoiceSequence sequence = new ChoiceSequence(candidate);
        if (sequence.compareTo(best) >= 0 || !tried.add(sequence)) {
            return false;
        }
        replays++;
        Probe probe = replay.apply(sequence);
        if (probe.stillFails() && probe.consumed().compareTo(best) < 0) {
            best = probe.consumed();
            bestSpans = probe.spans();
            return true;
        }
        return false;
    }

    private boolean deleteSpans() {
        boolean improved = false;
        // larger spans first: removing a whole element beats removing its parts
        List<Recorder.Span> spans = new ArrayList<>(bestSpans);
        spans.sort((a, b) -> Integer.compare(b.end() - b.start(), a.end() - a.start()));
        for (Recorder.Span span : spans) {
            long[] current = best.values();
            if (span.end() > current.length) {
                continue;
            }
            long[] candidate = new long[current.length - (span.end() - span.start())];
            System.arraycopy(current, 0, candidate, 0, span.start());
            System.arraycopy(current, span.end(), candidate, span.start(), current.length - span.end());
            improved |= consider(candidate);
        }
        return improved;
    }

    private boolean deleteChunks() {
        boolean improved = false;
        for (int k = 8; k >= 1; k /= 2) {
            int i = 0;
            while (i + k <= best.length() && !exhausted()) {
                long[] current = best.values();
                long[] candidate = new long[current.length - k];
                System.arraycopy(current, 0, candidate, 0, i);
                System.arraycopy(current, i + k, candidate, i, current.length - i - k);
                if (consider(candidate)) {
                    improved = true;
                } else {
                    i++;
                }
            }
        }
        return improved;
    }

    private boolean zeroChunks() {
        boolean improved = false;
        for (int k = 32; k >= 2; k /= 2) {
            for (int i = 0; i + k <= best.length() && !exhausted(); i += k / 2) {
                long[] candidate = best.values();
                boolean changed = false;
                for (int j = i; j < i + k; j++) {
                    changed |= candidate[j] != 0;
                    candidate[j] = 0;
                }
                if (changed) {
                    improved |= consider(candidate);
                }
            }
        }
        return improved;
    }

    private boolean lowerChoices() {
        boolean improved = false;
        for (int i = 0; i < best.length() && !exhausted(); i++) {
            long value = best.get(i);
            if (value == 0) {
                continue;
            }
            // binary search for the smallest value at position i that still fails
            long low = 0;
            long high = value;
            while (low < high && !exhausted() && i < best.length()) {
                long mid = low + (high - low) / 2;
                long[] candidate = best.values();
                candidate[i] = mid;
                if (consider(candidate)) {
                    improved = true;
                    if (i >= best.length()) {
                        break;
                    }
                    high = Math.min(mid, best.get(i));
                } else {
                    low = mid + 1;
                }
            }
        }
        return improved;
    }

    private boolean sortChunks() {
        boolean improved = false;
        for (int k = 8; k >= 2; k /= 2) {
            for (int i = 0; i + k <= best.length() && !exhausted(); i++) {
                long[] candidate = best.values();
                long[] chunk = Arrays.copyOfRange(candidate, i, i + k);
                Arrays.sort(chunk);
                System.arraycopy(chunk, 0, candidate, i, k);
                if (!Arrays.equals(candidate, best.values())) {
                    improved |= consider(candidate);
                }
            }
        }
        return improved;
    }
}
