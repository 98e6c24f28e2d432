package dev.baton.linter.frontend.adk;

import dev.baton.linter.frontend.adk.AdkFrontend.Composition;
import dev.baton.linter.graph.facts.KeyAccess;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which ADK agents hand their output back to whoever runs them. Every agent's final reply is an event
 * of the run; the caller of {@code Runner.runAsync} takes the reply of the agent that answers last, and a
 * model calling an agent through {@code AgentTool} receives that agent's final text as the tool result.
 * The {@code outputKey} of such an agent also stores that reply in state; nothing reading the key is then
 * no lost output.
 */
final class Compositions {
    private Compositions() {
    }

    /**
     * Agents whose reply is returned: a standalone agent (no workflow, planner or LlmAgent lists it as a
     * sub-agent), the agent answering last in a root composite (a sequence's or loop's last member, every
     * branch of a parallel agent, an LlmAgent's transfer targets, every member of a planner that is not
     * goal-oriented), and the agent an {@code AgentTool} wraps. Members of a {@code GoalOrientedPlanner}
     * are covered by the planner's own reads.
     */
    static Set<String> returnedToCaller(List<Composition> compositions, List<KeyAccess> accesses) {
        Map<String, Composition> byParent = new LinkedHashMap<>();
        Set<String> members = new HashSet<>();
        Set<String> tools = new LinkedHashSet<>();
        for (Composition c : compositions) {
            if (c.kind().equals("AgentTool")) {
                tools.addAll(c.members());
            } else {
                byParent.putIfAbsent(c.parent(), c);
                members.addAll(c.members());
            }
        }
        Set<String> agents = new LinkedHashSet<>(byParent.keySet());
        for (KeyAccess k : accesses) if (k.access() == KeyAccess.Access.WRITE && k.agent().startsWith("adk:")) agents.add(k.agent());
        Set<String> out = new HashSet<>();
        for (String a : agents) if (!members.contains(a) && !tools.contains(a)) ends(a, byParent, out, new HashSet<>());
        for (String t : tools) ends(t, byParent, out, new HashSet<>());
        return out;
    }

    private static void ends(String agent, Map<String, Composition> byParent, Set<String> out, Set<String> seen) {
        if (!seen.add(agent)) return;
        Composition c = byParent.get(agent);
        if (c == null || c.members().isEmpty()) {
            out.add(agent);
            return;
        }
        switch (c.kind()) {
            case "SequentialAgent", "LoopAgent" -> ends(c.members().get(c.members().size() - 1), byParent, out, seen);
            case "LlmAgent" -> {
                out.add(agent);
                for (String m : c.members()) ends(m, byParent, out, seen);
            }
            case "GoalOrientedPlanner" -> {
                // the planner runs only what its goal needs; its metadata reads say which outputs those are
            }
            default -> {
                for (String m : c.members()) ends(m, byParent, out, seen);
            }
        }
    }
}
