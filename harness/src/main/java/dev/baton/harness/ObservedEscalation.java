package dev.baton.harness;

import dev.baton.runtime.escalation.EscalationRecord;
import dev.baton.runtime.retry.Attempt;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * The harness's view of a runtime escalation record: the message id of its envelope, its
     * idempotency key, and the raw excerpt of every attempt.
     */
    public static ObservedEscalation of(EscalationRecord record) {
        String messageId = null;
        if (record.envelopeJson() != null) {
            try {
                JsonNode envelope = JSON.readTree(record.envelopeJson());
                messageId = envelope.path("message_id").asString(null);
            } catch (JacksonException e) {
                // a record whose envelope does not parse has, for the harness, lost its envelope
            }
        }
        return new ObservedEscalation(messageId, record.idempotencyKey(),
                record.attempts().stream().map(Attempt::rawExcerpt).toList());
    }
}
