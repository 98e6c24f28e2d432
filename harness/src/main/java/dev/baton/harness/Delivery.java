package dev.baton.harness;

/**
 * One delivery of upstream output to the consumer under test, with the identity an envelope would
 * carry, so consumers that deduplicate or escalate can be tested with realistic ids.
 *
 * @param raw            the upstream agent's raw output
 * @param messageId      the handoff's message id; the same across retries of one handoff
 * @param idempotencyKey the key that makes redelivery safe; the same across retries of one handoff
 * @param attempt        1 for the first delivery, 2 for the first retry, and so on
 */
public record Delivery(String raw, String messageId, String idempotencyKey, int attempt) {
}
