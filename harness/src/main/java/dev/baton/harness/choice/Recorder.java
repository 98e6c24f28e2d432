package dev.baton.harness.choice;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A {@link Choices} that either draws fresh random choices or replays a recorded prefix, and in
 * both cases records what was actually used. Replayed values larger than the current bound are
 * clamped, so an edited sequence always yields some value.
 */
public final class Recorder implements Choices {

    /** A structural span of choice indices, [start, end). */
    public record Span(int start, int end) {
    }

    private final long[] prefix;
    private final SplittableRandom random;
    private final int maxChoices;
    private long[] recorded = new long[32];
    private int size;
    private final List<Span> spans = new ArrayList<>();
    private final List<Integer> openSpans = new ArrayList<>();

    private Recorder(long[] prefix, SplittableRandom random, int maxChoices) {
        this.prefix = prefix;
        this.random = random;
        this.maxChoices = maxChoices;
    }

    /** Fresh random generation from {@code random}. */
    public static Recorder random(SplittableRandom random, int maxChoices) {
        return new Recorder(new long[0], random, maxChoices);
    }

    /** Strict replay: beyond the recorded choices every draw is 0 (the simplest value). */
    public static Recorder replay(ChoiceSequence sequence, int maxChoices) {
        return new Recorder(sequence.values(), null, maxChoices);
    }

    @Override
    public long draw(long bound) {
        if (bound < 0) {
            throw new IllegalArgumentException("negative bound " + bound);
        }
        long value;
        if (size < prefix.length) {
            value = Math.min(prefix[size], bound);
            if (value < 0) {
                value = 0;
            }
        } else if (random != null) {
            value = bound == Long.MAX_VALUE ? random.nextLong() & Long.MAX_VALUE : random.nextLong(bound + 1);
        } else {
            value = 0;
        }
        record(value);
        return value;
    }

    @Override
    public boolean drawWeighted(double p) {
        long value;
        if (size < prefix.length) {
            value = Math.min(prefix[size], 1);
        } else if (random != null) {
            value = random.nextDouble() < p ? 1 : 0;
        } else {
            value = 0;
        }
        record(value);
        return value == 1;
    }

    private void record(long value) {
        if (size >= maxChoices) {
            throw new Overrun();
        }
        if (size == recorded.length) {
            recorded = java.util.Arrays.copyOf(recorded, size * 2);
        }
        recorded[size++] = value;
    }

    @Override
    public void startSpan() {
        openSpans.add(size);
    }

    @Override
    public void endSpan() {
        int start = openSpans.remove(openSpans.size() - 1);
        if (size > start) {
            spans.add(new Span(start, size));
        }
    }

    /** The choices actually consumed so far. */
    public ChoiceSequence sequence() {
        return new ChoiceSequence(java.util.Arrays.copyOf(recorded, size));
    }

    /** The structural spans recorded so far. */
    public List<Span> spans() {
        return List.copyOf(spans);
    }
}
