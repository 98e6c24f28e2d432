package dev.baton.harness.choice;

/**
 * The only source of randomness a generator may use. Every draw is recorded, so a value can be
 * regenerated from its recorded choices and shrunk by editing them (Hypothesis' central idea): no
 * generator needs a hand-written shrinker.
 *
 * <p>Smaller choices must mean simpler values: a choice of 0 is the simplest option a generator
 * offers (the lower bound, the empty string, the first enum value, "stop adding elements").
 */
public interface Choices {

    /** Draws a choice in {@code [0, bound]} inclusive; 0 must be the simplest outcome. */
    long draw(long bound);

    /** Draws {@code true} with probability {@code p}; {@code false} is the simpler outcome. */
    default boolean drawBoolean(double p) {
        // encoded as a choice in [0, 1]; random draws honour p, replays take the recorded bit
        return drawWeighted(p);
    }

    /** Implementation hook for weighted booleans. */
    boolean drawWeighted(double p);

    /** Draws an int in {@code [min, max]}, shrinking toward {@code min}. */
    default int drawInt(int min, int max) {
        if (max < min) {
            throw new IllegalArgumentException("empty range [" + min + ", " + max + "]");
        }
        return (int) (min + draw((long) max - min));
    }

    /** Picks an index in {@code [0, size)}, shrinking toward 0. */
    default int pick(int size) {
        if (size <= 0) {
            throw new IllegalArgumentException("nothing to pick from");
        }
        return (int) draw(size - 1L);
    }

    /** Marks the start of a structural span (a list element, an object property) for the shrinker. */
    void startSpan();

    /** Marks the end of the innermost open span. */
    void endSpan();

    /** Rejects the current attempt: the generator could not produce a value from these choices. */
    default void reject(String why) {
        throw new Unsatisfiable(why);
    }

    /** Thrown to abandon a generation attempt; the campaign counts it as a discard. */
    final class Unsatisfiable extends RuntimeException {
        public Unsatisfiable(String why) {
            super(why, null, false, false);
        }
    }

    /** Thrown when a replay needs more choices than are recorded and the replay forbids extension. */
    final class Overrun extends RuntimeException {
        public Overrun() {
            super("choice sequence exhausted", null, false, false);
        }
    }
}
