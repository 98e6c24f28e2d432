package dev.baton.runtime.boundary;

/**
 * Resource limits of a boundary. Checked before or while parsing, so hostile input ends in a
 * {@link Rejection.TooLarge} or {@link Rejection.TooDeep} instead of exhausting memory or the stack.
 *
 * @param maxBytes largest accepted handoff in UTF-8 bytes
 * @param maxDepth deepest accepted nesting of arrays and objects
 * @param maxViolations how many schema violations a rejection keeps (the rest are counted)
 */
public record Limits(long maxBytes, int maxDepth, int maxViolations) {

    /** 4 MiB: far above real structured LLM output, far below what hurts a service. */
    public static final long DEFAULT_MAX_BYTES = 4L * 1024 * 1024;
    /** Real agent payloads rarely nest deeper than ten levels. */
    public static final int DEFAULT_MAX_DEPTH = 128;
    /** Enough for a repair prompt; more is noise. */
    public static final int DEFAULT_MAX_VIOLATIONS = 20;

    public Limits {
        if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("maxBytes must be in 1.." + Integer.MAX_VALUE + ", was " + maxBytes);
        }
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be positive, was " + maxDepth);
        }
        if (maxViolations < 1) {
            throw new IllegalArgumentException("maxViolations must be positive, was " + maxViolations);
        }
    }

    /** @return the safe defaults */
    public static Limits defaults() {
        return new Limits(DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_VIOLATIONS);
    }

    /** @return a copy with another byte limit */
    public Limits withMaxBytes(long bytes) {
        return new Limits(bytes, maxDepth, maxViolations);
    }

    /** @return a copy with another depth limit */
    public Limits withMaxDepth(int depth) {
        return new Limits(maxBytes, depth, maxViolations);
    }

    /** @return a copy with another violation cap */
    public Limits withMaxViolations(int count) {
        return new Limits(maxBytes, maxDepth, count);
    }
}
