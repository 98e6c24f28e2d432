package dev.baton.samples.refunds;

/** A clerk's answer about one refund. Checked on construction: no approver, no approval. */
public record Approval(boolean approved, String approver) {
    public Approval {
        if (approver == null || approver.isBlank()) throw new IllegalArgumentException("approver is required");
    }
}
