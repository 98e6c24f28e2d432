package dev.baton.linter.rules;

import dev.baton.linter.graph.Chain;
import dev.baton.linter.graph.Edge;
import dev.baton.linter.graph.HandoffGraph;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a scope (a chain, composite or agent id) covers: the members of chains, the parts of
 * hierarchical ids ({@code scope/…}: a call site inside a method, an action inside an agent class),
 * and the tools its agents use. A retry of the scope re-runs all of it.
 */
final class Reach {
    private Reach() {
    }

    static Set<String> within(HandoffGraph graph, String scope) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(scope);
        while (!todo.isEmpty()) {
            String id = todo.poll();
            if (!seen.add(id)) continue;
            for (Chain c : graph.chains()) if (c.id().equals(id)) todo.addAll(c.agents());
            for (String a : graph.agents().keySet()) if (a.startsWith(id + "/")) todo.add(a);
            for (Edge e : graph.edges()) {
                if (e.channel() == Edge.Channel.TOOL && id.equals(e.consumer())) todo.add(e.producer());
            }
        }
        return seen;
    }
}
