package dev.baton.linter.graph.facts;

import dev.baton.linter.graph.Fact;
import dev.baton.linter.graph.Location;

/**
 * A step that acts on the world (send, book, pay, write...).
 *
 * @param agent              the agent or tool id that performs it
 * @param idempotencyGuarded whether it claims an idempotency key, is compensated, or is marked fire-once
 */
public record SideEffect(Location location, String agent, String description, boolean idempotencyGuarded)
        implements Fact {
}
