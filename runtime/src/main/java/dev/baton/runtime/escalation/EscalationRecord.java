package dev.baton.runtime.escalation;

import dev.baton.runtime.chain.Escalation;
import dev.baton.runtime.retry.Attempt;

import java.time.Instant;
import java.util.List;

/**
 * The durable record of a handoff handed to a human: everything needed to decide and to resume, so
 * nothing is lost when automated recovery gives up.
 *
 * @param id escalation id
 * @param idempotencyKey the step it stopped (at most one escalation per key)
 * @param handoff the edge, {@code from->to}
 * @param owner who owns the failure
 * @param queue the human queue
 * @param status where it stands
 * @param envelopeJson the verbatim envelope of the last attempt
 * @param envelopeSha256 SHA-256 of {@code envelopeJson}
 * @param attempts every attempt with its errors
 * @param recoveryPath the recovery path that was tried and how it ended
 * @param question what the human is asked
 * @param answerSchema the JSON Schema a decision must satisfy
 * @param createdAt when it was written
 * @param deadline when the timeout policy applies
 * @param onTimeout what a timeout does (never approve)
 * @param decisionJson the human's validated decision, once resolved
 * @param decidedBy who decided, once resolved
 * @param decidedAt when, once resolved
 */
public record EscalationRecord(String id, String idempotencyKey, String handoff, String owner, String queue,
                               EscalationStatus status, String envelopeJson, String envelopeSha256,
                               List<Attempt> attempts, String recoveryPath, String question, String answerSchema,
                               Instant createdAt, Instant deadline, Escalation.TimeoutPolicy onTimeout,
                               String decisionJson, String decidedBy, Instant decidedAt) {
    public EscalationRecord {
        attempts = List.copyOf(attempts);
    }
}
