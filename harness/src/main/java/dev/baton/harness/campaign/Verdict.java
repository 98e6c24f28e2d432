package dev.baton.harness.campaign;

/** The outcome of checking one generated value against a property. */
public sealed interface Verdict {

    /** The property held for this value. */
    record Pass() implements Verdict {
    }

    /** The value does not apply (for example an accidentally valid negative); it is counted, not blamed. */
    record Discard(String reason) implements Verdict {
    }

    /**
     * The property failed.
     *
     * @param kind    a short, stable classification ("silent acceptance", "wrong bucket NOT_JSON"):
     *                shrinking keeps only edits that fail with the same kind
     * @param outcome what the consumer actually did, for the report
     * @param shrinkable false when replaying is pointless or too costly (a consumer that hangs)
     */
    record Fail(String kind, String outcome, boolean shrinkable) implements Verdict {

        public Fail(String kind, String outcome) {
            this(kind, outcome, true);
        }
    }

    static Verdict pass() {
        return new Pass();
    }

    static Verdict discard(String reason) {
        return new Discard(reason);
    }

    static Verdict fail(String kind, String outcome) {
        return new Fail(kind, outcome);
    }

    /** A failure reported as found, without shrinking. */
    static Verdict failWithoutShrinking(String kind, String outcome) {
        return new Fail(kind, outcome, false);
    }
}
