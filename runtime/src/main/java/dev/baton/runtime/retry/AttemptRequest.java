package dev.baton.runtime.retry;

import dev.baton.runtime.boundary.Rejection;
import dev.baton.runtime.boundary.Violation;

/**
 * What the producer is asked on one attempt. On a repair attempt it carries the receiver's rejection of
 * the previous output, so the producer can correct it; on a transport retry it is the same request again.
 *
 * @param attempt 1-based attempt number
 * @param kind why this attempt is made
 * @param previousRejection the receiver's rejection of the previous output (repairs), else null
 * @param previousOutput the previous output that was rejected (repairs), else null
 */
public record AttemptRequest(int attempt, AttemptKind kind, Rejection previousRejection, String previousOutput) {

    /** @return true if the producer must correct a rejected output */
    public boolean isRepair() {
        return previousRejection != null;
    }

    /**
     * @return text to append to the producer's prompt on a repair: the bucket, the message and every
     * violation with its JSON pointer; empty on the first attempt
     */
    public String repairFeedback() {
        if (previousRejection == null) {
            return "";
        }
        StringBuilder text = new StringBuilder("Your previous output was rejected by the receiver (")
                .append(previousRejection.bucket()).append("): ").append(previousRejection.message());
        if (previousRejection instanceof Rejection.SchemaViolation violation) {
            text.append("\nFix every one of these:");
            for (Violation v : violation.violations()) {
                text.append("\n- ").append(v);
            }
        }
        return text.append("\nReturn only one JSON value that satisfies the schema, with no text around it.").toString();
    }
}
