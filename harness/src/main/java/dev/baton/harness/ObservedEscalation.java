package dev.baton.harness;

import java.util.List;

/**
 * An escalation as the harness sees it: which handoff it carries and the raw output of every
 * attempt. Map your escalation records (for example the runtime's) onto it.
 *
 * @param messageId      the escalated handoff's message id, {@code null} if the envelope was lost
 * @param idempotencyKey its idempotency key, {@code null} if lost
 * @param attempts       the raw upstream output of every attempt, in order
 */
public record ObservedEscalation(String messageId, String idempotencyKey, List<String> attempts) {

    public ObservedEscalation {
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
    }
}
