package dev.baton.linter.engine;

import dev.baton.linter.graph.AgentNode;
import dev.baton.linter.graph.Chain;
import dev.baton.linter.graph.Edge;
import dev.baton.linter.graph.Fact;
import dev.baton.linter.graph.HandoffGraph;

import java.util.ArrayList;
import java.util.List;

/**
 * What one file added to the handoff graph. This, not findings, is what the cache keeps per file:
 * rules are cross-file, so their findings must be recomputed from the whole graph.
 */
record Contribution(List<AgentNode> agents, List<Edge> edges, List<Chain> chains, List<Fact> facts,
                    List<InputProblem> problems) {

    static final Contribution NONE = new Contribution(List.of(), List.of(), List.of(), List.of(), List.of());

    static Contribution of(HandoffGraph g, List<InputProblem> problems) {
        return new Contribution(new ArrayList<>(g.agents().values()), g.edges(), g.chains(), g.facts(), problems);
    }

    void addTo(HandoffGraph.Builder graph) {
        agents.forEach(graph::agent);
        edges.forEach(graph::edge);
        chains.forEach(graph::chain);
        facts.forEach(graph::fact);
    }
}
