package dev.baton.samples.refunds;

/** The assessor's decision. */
public record RefundDecision(String verdict, String reasoning, double confidence, long amountCents) {
}
