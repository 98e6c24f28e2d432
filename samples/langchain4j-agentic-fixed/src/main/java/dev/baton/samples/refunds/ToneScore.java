package dev.baton.samples.refunds;

/** The critic's verdict on a reply: a number the loop can compare, and what to improve. */
public record ToneScore(double score, String feedback) {
}
