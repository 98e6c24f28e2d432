package dev.baton.linter.frontend.agentic;

import dev.baton.linter.graph.Fact;
import dev.baton.linter.graph.Location;

import java.util.List;

/**
 * An agent built with {@code AgenticServices.agentBuilder(X.class)}, and the tool classes handed to
 * it, so that side-effecting tools can be placed inside the chains that run the agent.
 */
public record BuiltAgent(Location location, String agent, List<String> tools) implements Fact {
}
