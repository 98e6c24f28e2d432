package dev.baton.linter.rules;

import dev.baton.linter.graph.AgentNode;
import dev.baton.linter.graph.Edge;
import dev.baton.linter.graph.HandoffGraph;
import dev.baton.linter.graph.facts.ReceiveSite;

import java.util.List;

/** How rules name agents and edges in messages. */
final class Edges {
    private Edges() {
    }

    static String name(HandoffGraph graph, String agentId) {
        return graph.agent(agentId).map(AgentNode::name).orElse(agentId.substring(agentId.indexOf(':') + 1));
    }

    static String describe(HandoffGraph graph, Edge e) {
        return "'" + name(graph, e.producer()) + "' → '" + name(graph, e.consumer()) + "'"
                + (e.key() == null ? "" : " (key '" + e.key() + "')");
    }

    static String anchor(Edge e) {
        return e.producer() + "->" + e.consumer() + (e.key() == null ? "" : "#" + e.key());
    }

    static List<String> agents(Edge e) {
        return List.of(e.producer(), e.consumer());
    }

    /**
     * Whether the consumer acts on the handoff's structure: it parses or branches on the value, or
     * binds it at a receive site. Only then can the handoff fail at the seam.
     */
    static boolean consumerActsOn(Edge e, List<ReceiveSite> receives) {
        return e.uses().contains(Edge.Use.PARSED) || e.uses().contains(Edge.Use.BRANCHED)
                || receives.stream().anyMatch(r -> e.consumer().equals(r.agent()) && e.producer().equals(r.producer()));
    }
}
