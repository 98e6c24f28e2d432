package dev.baton.linter.rules;

import dev.baton.linter.graph.AgentNode;
import dev.baton.linter.graph.Edge;
import dev.baton.linter.graph.HandoffGraph;

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
}
