package dev.baton.runtime.escalation;

/** Where an escalation stands. */
public enum EscalationStatus {
    /** Waiting for a human. */
    OPEN,
    /** A human decided; the decision is recorded. */
    RESOLVED,
    /** The deadline passed with no decision; the timeout policy applied (never an approval). */
    EXPIRED
}
