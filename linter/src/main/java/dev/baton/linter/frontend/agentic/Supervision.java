package dev.baton.linter.frontend.agentic;

import dev.baton.linter.graph.Fact;
import dev.baton.linter.graph.Location;

import java.util.List;

/**
 * A supervisor (or planner) composite: a model decides at run time which sub-agent runs next and
 * reads what each one wrote from the scope, so every key its sub-agents write has a reader.
 */
public record Supervision(Location location, String supervisor, List<String> agents) implements Fact {
}
