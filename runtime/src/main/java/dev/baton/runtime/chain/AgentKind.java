package dev.baton.runtime.chain;

/** What an agent does, as far as the rules of a chain care. */
public enum AgentKind {
    /** Produces or transforms data (a model call, a deterministic step); no effect on the world. */
    MODEL,
    /** Acts on the world (sends, pays, publishes, writes): needs idempotency and a path to a human. */
    SIDE_EFFECT,
    /** A human step. */
    HUMAN
}
