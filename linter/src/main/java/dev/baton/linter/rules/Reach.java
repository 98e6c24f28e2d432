package dev.baton.linter.rules;

import dev.baton.linter.frontend.javasyntax.Locations;
import dev.baton.linter.frontend.javasyntax.DeclaredTools;
import dev.baton.linter.graph.Chain;
import dev.baton.linter.graph.Edge;
import dev.baton.linter.graph.HandoffGraph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
        Index index = Index.of(graph);
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(scope);
        while (!todo.isEmpty()) {
            String id = todo.poll();
            if (!seen.add(id)) continue;
            index.expand(id, todo);
        }
        return seen;
    }

    /**
     * The graph's ids by what they lead to, built once per graph: reach is then linear in what it visits,
     * not in visits times the graph (a generated tree of a thousand chains took seconds in the rules).
     */
    private record Index(HandoffGraph graph, Map<String, List<String>> members, Map<String, List<String>> descendants,
                         Map<String, List<String>> toolsOf, Map<String, List<String>> declaredTools, Set<String> nested,
                         Map<String, List<Placed>> placedMembers, Map<String, List<Placed>> placedTools) {
        private static volatile Index last;

        static Index of(HandoffGraph graph) {
            Index i = last;
            if (i != null && i.graph == graph) return i;
            Map<String, List<String>> members = new HashMap<>();
            Map<String, List<Placed>> placedMembers = new HashMap<>();
            Set<String> nested = new HashSet<>(); // ids some other chain runs as a member
            for (Chain c : graph.chains()) {
                members.computeIfAbsent(c.id(), k -> new ArrayList<>()).addAll(c.agents());
                placedMembers.computeIfAbsent(c.id(), k -> new ArrayList<>()).add(new Placed(place(c.location()), c.agents()));
                for (String a : c.agents()) if (!a.equals(c.id())) nested.add(a);
            }
            Map<String, List<String>> descendants = new HashMap<>();
            for (String a : graph.agents().keySet()) {
                for (int at = a.indexOf('/'); at >= 0; at = a.indexOf('/', at + 1)) {
                    descendants.computeIfAbsent(a.substring(0, at), k -> new ArrayList<>()).add(a);
                }
            }
            Map<String, List<String>> toolsOf = new HashMap<>();
            Map<String, List<Placed>> placedTools = new HashMap<>();
            for (Edge e : graph.edges()) {
                if (e.channel() != Edge.Channel.TOOL) continue;
                toolsOf.computeIfAbsent(e.consumer(), k -> new ArrayList<>()).add(e.producer());
                placedTools.computeIfAbsent(e.consumer(), k -> new ArrayList<>()).add(new Placed(place(e.location()), List.of(e.producer())));
            }
            Map<String, List<String>> declared = new HashMap<>();
            for (DeclaredTools b : graph.facts(DeclaredTools.class)) {
                declared.computeIfAbsent(b.agent(), k -> new ArrayList<>()).addAll(b.tools());
                placedTools.computeIfAbsent(b.agent(), k -> new ArrayList<>()).add(new Placed(place(b.location()), b.tools()));
            }
            i = new Index(graph, members, descendants, toolsOf, declared, nested, placedMembers, placedTools);
            last = i;
            return i;
        }

        void expand(String id, Deque<String> todo) {
            todo.addAll(members.getOrDefault(id, List.of()));
            todo.addAll(descendants.getOrDefault(id, List.of()));
            todo.addAll(toolsOf.getOrDefault(id, List.of()));
        }

        /**
         * Same, for one run started in {@code module}: where several source roots declare a composite or agent of
         * that id (a workshop's steps, each a copy of the last), what the copy in the run's own root runs and uses.
         */
        void expand(String id, String module, Deque<String> todo) {
            todo.addAll(local(placedMembers.get(id), module));
            todo.addAll(descendants.getOrDefault(id, List.of()));
            todo.addAll(local(placedTools.get(id), module));
        }

        private static List<String> local(List<Placed> placed, String module) {
            if (placed == null) return List.of();
            boolean own = placed.stream().anyMatch(p -> p.module().equals(module));
            List<String> out = new ArrayList<>();
            for (Placed p : placed) if (!own || p.module().equals(module)) out.addAll(p.ids());
            return out;
        }
    }

    /** Ids a chain runs, or tools an agent uses, as declared in one source root. */
    private record Placed(String module, List<String> ids) {
    }

    /**
     * Everything one run of a chain runs: its agents, the agents of the composites nested in it (at any
     * depth), and the tools of all of them (tools handed to a builder call, which the composite lists, tools an
     * agent type declares with {@code @ToolsSupplier}/{@code @ToolBox}, agents exposed as tools). The chain's own id is in it.
     */
    static Set<String> tree(HandoffGraph graph, Chain root) {
        Index index = Index.of(graph);
        String module = place(root.location());
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(root.id());
        while (!todo.isEmpty()) {
            String id = todo.poll();
            if (!seen.add(id)) continue;
            // ids are global: a composite copied into another source root runs that root's copies, not this one's
            index.expand(id, module, todo);
        }
        return seen;
    }

    /** The edges of one run: both ends in its tree. Handlers and human steps may be scoped to one of them. */
    static Set<String> edgeIds(HandoffGraph graph, Set<String> tree) {
        Set<String> out = new HashSet<>();
        for (Edge e : graph.edges()) if (in(tree, e.producer()) && in(tree, e.consumer())) out.add(e.id());
        return out;
    }

    /**
     * Whether an id belongs to a tree: it is in it, or it is a method of a member ({@code lc4j:X#exit}, the
     * exit or activation condition or {@code @Output} method of composite X; {@code lc4j-human:X#ask}, the
     * human-in-the-loop method of class X).
     */
    static boolean in(Set<String> tree, String id) {
        if (id == null) return false;
        if (tree.contains(id)) return true;
        int hash = id.indexOf('#');
        if (hash < 0) return false;
        String owner = id.substring(0, hash);
        if (tree.contains(owner)) return true;
        return owner.startsWith("lc4j-human:") && tree.contains("lc4j:" + owner.substring("lc4j-human:".length()));
    }

    /** The chains no other chain runs: where one run starts, and where a composite's error handler is installed. */
    static List<Chain> roots(HandoffGraph graph) {
        Set<String> nested = Index.of(graph).nested();
        List<Chain> out = new ArrayList<>();
        for (Chain c : graph.chains()) if (!nested.contains(c.id())) out.add(c);
        return out;
    }

    /**
     * The side effects one run of a chain performs. Ids are global but a scan may hold several programs
     * (one Maven module per tutorial step, each with its own copy of a class): when the acting class is
     * also declared in the chain's own source root, only the side effects found in that root count.
     */
    static List<dev.baton.linter.graph.facts.SideEffect> effects(dev.baton.linter.rule.LintContext context, Chain chain, Set<String> tree) {
        String module = Locations.sourceRoot(chain.location().file());
        List<dev.baton.linter.graph.facts.SideEffect> out = new ArrayList<>();
        for (dev.baton.linter.graph.facts.SideEffect s : context.graph().facts(dev.baton.linter.graph.facts.SideEffect.class)) {
            if (!in(tree, s.agent())) continue;
            if (!Locations.sourceRoot(s.location().file()).equals(module) && declaredIn(context, s.agent(), module)) continue;
            out.add(s);
        }
        return out;
    }

    private static String place(dev.baton.linter.graph.Location at) {
        return at == null ? "" : Locations.sourceRoot(at.file());
    }


    private static boolean declaredIn(dev.baton.linter.rule.LintContext context, String agent, String module) {
        int colon = agent.indexOf(':');
        if (colon < 0) return false;
        String type = agent.substring(colon + 1);
        int cut = type.indexOf('#');
        if (cut >= 0) type = type.substring(0, cut);
        cut = type.indexOf('/');
        if (cut >= 0) type = type.substring(0, cut);
        String path = module + "src/main/java/" + type.replace('.', '/') + ".java";
        return context.source(path).isPresent();
    }

    /**
     * Whether a retry can happen at all: an {@code ErrorRecoveryResult.retry()} in the error handler of a
     * LangChain4j agentic composite that runs nested in another never does, since the framework installs
     * only the root composite's handler on the shared scope (error-unowned names such a handler).
     */
    static boolean takesEffect(HandoffGraph graph, dev.baton.linter.graph.facts.RetrySite r) {
        if (!r.kind().equals("ErrorRecoveryResult.retry")) return true;
        Index index = Index.of(graph);
        return !index.nested().contains(r.scope()) || graph.chains().stream().noneMatch(c -> c.id().equals(r.scope())
                && c.framework() == dev.baton.linter.graph.Framework.LANGCHAIN4J_AGENTIC);
    }

    /**
     * Roots that are runs of their own: a declarative composite used only as the typed face of a builder
     * ({@code supervisorBuilder(SupervisorCoderSystem.class)}) is that builder's run, not a second one.
     */
    static List<Chain> runs(HandoffGraph graph) {
        Set<String> faces = new HashSet<>();
        for (dev.baton.linter.frontend.agentic.CompositeType t : graph.facts(dev.baton.linter.frontend.agentic.CompositeType.class)) {
            if (!t.typeAgent().equals(t.chain())) faces.add(t.typeAgent());
        }
        List<Chain> out = new ArrayList<>();
        for (Chain c : roots(graph)) if (!faces.contains(c.id())) out.add(c);
        return out;
    }
}
