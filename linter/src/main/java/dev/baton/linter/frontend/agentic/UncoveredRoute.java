package dev.baton.linter.frontend.agentic;

import dev.baton.linter.graph.Fact;
import dev.baton.linter.graph.Location;

import java.util.List;

/**
 * A LangChain4j conditional whose branches are alternatives for one result (each writes the same output
 * key) chosen by comparing one value with constants of an enum, and some constants choose no branch. The
 * framework then runs nothing and ends the conditional without an error ({@code ConditionalPlanner.firstAction}
 * returns {@code done()} when no condition holds): the result is simply missing.
 *
 * @param conditional what the conditional is called in the code (its type or variable)
 * @param output      the output key every branch writes
 * @param missing     the enum constants no branch takes, as {@code Enum.CONSTANT}
 */
public record UncoveredRoute(Location location, String conditional, String output, List<String> missing) implements Fact {
}
