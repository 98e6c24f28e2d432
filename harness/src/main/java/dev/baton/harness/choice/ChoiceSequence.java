package dev.baton.harness.choice;

import java.util.Arrays;
import java.util.StringJoiner;

/**
 * An immutable recorded sequence of choices. Ordered shortlex: shorter is simpler, then smaller
 * element-wise, which is the order the shrinker descends.
 */
public record ChoiceSequence(long[] values) implements Comparable<ChoiceSequence> {

    public ChoiceSequence {
        values = values.clone();
    }

    public static ChoiceSequence of(long... values) {
        return new ChoiceSequence(values);
    }

    public int length() {
        return values.length;
    }

    public long get(int index) {
        return values[index];
    }

    @Override
    public long[] values() {
        return values.clone();
    }

    @Override
    public int compareTo(ChoiceSequence other) {
        if (values.length != other.values.length) {
            return Integer.compare(values.length, other.values.length);
        }
        return Arrays.compare(values, other.values);
    }

    /** Text form used by the failure store: space-separated decimal choices. */
    public String encode() {
        StringJoiner joiner = new StringJoiner(" ");
        for (long value : values) {
            joiner.add(Long.toString(value));
        }
        return joiner.toString();
    }

    /** Parses {@link #encode()} output. */
    public static ChoiceSequence decode(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            return new ChoiceSequence(new long[0]);
        }
        return new ChoiceSequence(Arrays.stream(trimmed.split("\\s+")).mapToLong(Long::parseLong).toArray());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChoiceSequence other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "ChoiceSequence[" + encode() + "]";
    }
}
