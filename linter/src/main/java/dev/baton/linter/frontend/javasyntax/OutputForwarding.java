package dev.baton.linter.frontend.javasyntax;

import dev.baton.linter.graph.Fact;
import dev.baton.linter.graph.Location;

import java.util.List;

/**
 * What a piece of code passes on from one agent's output to another agent: the whole value, or
 * only some accessors of it ({@code review.verdict()}).
 *
 * @param producer       the producing agent id
 * @param producerType   its declared output type, as written
 * @param consumer       the receiving agent id (or {@code key:<name>} for a state write)
 * @param accessors      the accessors of the output forwarded to any agent within the same code
 * @param wholeForwarded whether the value itself is used other than through accessors (then nothing is dropped)
 */
public record OutputForwarding(Location location, String producer, String producerType, String consumer,
                               List<String> accessors, boolean wholeForwarded) implements Fact {
}
