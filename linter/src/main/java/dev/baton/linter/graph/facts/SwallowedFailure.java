package dev.baton.linter.graph.facts;

import dev.baton.linter.graph.Fact;
import dev.baton.linter.graph.Location;

/**
 * A failure that a framework API hides without any catch block in sight: the API turns a failed
 * agent call into a null or empty result, and the code hands that result on unchecked (for example
 * Embabel's {@code createObjectIfPossible}, whose null return an action passes to the planner).
 *
 * @param agent   the agent whose failure is hidden
 * @param message what happens and what to do instead, for the finding
 * @param anchor  a stable identity for the fingerprint
 */
public record SwallowedFailure(Location location, String agent, String message, String anchor) implements Fact {
}
