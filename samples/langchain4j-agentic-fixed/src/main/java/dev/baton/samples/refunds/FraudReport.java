package dev.baton.samples.refunds;

public record FraudReport(boolean suspicious, double score) {
}
