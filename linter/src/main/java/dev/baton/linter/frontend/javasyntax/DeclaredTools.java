package dev.baton.linter.frontend.javasyntax;

import dev.baton.linter.graph.Fact;
import dev.baton.linter.graph.Location;

import java.util.List;

/**
 * Tools an agent type declares for itself, wherever it is built: LangChain4j agentic
 * {@code @ToolsSupplier} methods and {@code @ToolBox} annotations. (Tools handed to one builder call
 * belong to that instance only, and its composite already lists them.)
 *
 * @param agent the agent id
 * @param tools the tool ids
 */
public record DeclaredTools(Location location, String agent, List<String> tools) implements Fact {
}
