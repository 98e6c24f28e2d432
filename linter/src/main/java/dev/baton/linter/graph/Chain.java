package dev.baton.linter.graph;

import java.util.List;

/**
 * A composite of agents that runs as one unit: a Baton {@code HandoffChain}, a LangChain4j
 * sequence/loop/supervisor, an ADK workflow agent, an Embabel agent class, or a plain Java method
 * that calls several agents in turn.
 */
public record Chain(String id, String name, Framework framework, List<String> agents, Location location) {
}
