package dev.baton.linter.graph.facts;

import dev.baton.linter.graph.Fact;
import dev.baton.linter.graph.Location;

import java.util.List;

/**
 * Agents that run concurrently on shared state: an ADK {@code ParallelAgent}, a LangChain4j
 * {@code parallelBuilder()}/{@code @ParallelAgent}. Two branches writing one key race.
 *
 * @param scope    the composite agent's id
 * @param branches the ids of the agents (or chains) run in parallel
 */
public record ParallelGroup(Location location, String scope, List<String> branches) implements Fact {
}
