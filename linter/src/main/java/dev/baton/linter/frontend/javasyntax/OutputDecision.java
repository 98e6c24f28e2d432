package dev.baton.linter.frontend.javasyntax;

import dev.baton.linter.graph.Fact;
import dev.baton.linter.graph.Location;

/**
 * Code decides something on an agent's output: {@code contains}, {@code equals(IgnoreCase)},
 * {@code startsWith}, a regex, {@code parseInt}/{@code parseDouble}, a {@code switch}.
 *
 * @param producer     the producing agent id, or {@code key:<name>} for a state key
 * @param producerType the Java type the value has at that point, as written, or {@code null} when unknown
 * @param operation    the operation as written ({@code "equalsIgnoreCase"}, {@code "Double.parseDouble"}, {@code "switch"})
 * @param code         the offending expression's source text (for messages and fingerprints)
 */
public record OutputDecision(Location location, String producer, String producerType, String operation, String code)
        implements Fact {
}
