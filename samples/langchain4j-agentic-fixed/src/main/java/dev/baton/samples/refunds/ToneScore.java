package dev.baton.samples.refunds;

/**
 * The critic's verdict on a reply: a number the loop can compare, and what to improve. The model is told
 * the 0..10 scale only in the prompt, so the record holds it to that scale when the reply is bound: a
 * score on another scale cannot end the loop.
 */
public record ToneScore(double score, String feedback) {
    public ToneScore {
        if (score < 0 || score > 10) throw new IllegalArgumentException("score must be within 0..10, was " + score);
    }
}
