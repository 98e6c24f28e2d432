package dev.baton.linter.frontend.agentic;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.baton.linter.frontend.ParsedSource;
import dev.baton.linter.frontend.javasyntax.AgentPrompt;
import dev.baton.linter.frontend.javasyntax.Imports;
import dev.baton.linter.frontend.javasyntax.Literals;
import dev.baton.linter.frontend.javasyntax.LocalTypes;
import dev.baton.linter.frontend.javasyntax.Locations;
import dev.baton.linter.frontend.javasyntax.OutputDecision;
import dev.baton.linter.frontend.javasyntax.OutputFlow;
import dev.baton.linter.graph.AgentNode;
import dev.baton.linter.graph.ContractRef;
import dev.baton.linter.graph.Edge;
import dev.baton.linter.graph.Fact;
import dev.baton.linter.graph.Framework;
import dev.baton.linter.graph.HandoffGraph;
import dev.baton.linter.graph.PayloadKind;
import dev.baton.linter.graph.facts.KeyAccess;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Cross-file work of the agentic frontend: keys written by whoever invokes an agent or agentic
 * system, decisions code takes on scope values, and the {@code STATE_KEY} edges between writers and
 * readers of each key.
 */
final class AgenticLinks {
    private AgenticLinks() {
    }

    static void link(List<ParsedSource> sources, HandoffGraph.Builder graph) {
        List<Fact> facts = graph.facts();
        List<AgenticKeyUse> uses = new ArrayList<>();
        for (Fact f : facts) if (f instanceof AgenticKeyUse u) uses.add(u);
        if (uses.isEmpty()) return;

        // inputs of typed composites are written by their caller
        for (Fact f : facts) {
            if (!(f instanceof CompositeType c)) continue;
            for (AgenticKeyUse u : uses) {
                if (u.agent().equals(c.typeAgent()) && u.access() == KeyAccess.Access.READ && u.origin() == AgenticKeyUse.Origin.PARAMETER) {
                    callerWrite(graph, new AgenticKeyUse(u.location(), u.key(), KeyAccess.Access.WRITE, c.chain(), u.javaType(),
                            AgenticKeyUse.Origin.CALLER));
                }
            }
        }
        // a supervisor's model reads whatever its sub-agents write
        for (Fact f : facts) {
            if (!(f instanceof Supervision sup)) continue;
            for (AgenticKeyUse u : uses) {
                if (u.access() == KeyAccess.Access.WRITE && sup.agents().contains(u.agent())) {
                    graph.fact(new KeyAccess(sup.location(), AgenticFrontend.NAMESPACE, u.key(), KeyAccess.Access.READ, sup.supervisor()));
                }
            }
        }
        // agents invoked directly from application code get their parameters from that code
        Map<String, List<AgenticKeyUse>> paramsByAgent = new LinkedHashMap<>();
        for (AgenticKeyUse u : uses) {
            if (u.origin() == AgenticKeyUse.Origin.PARAMETER && u.access() == KeyAccess.Access.READ) {
                paramsByAgent.computeIfAbsent(u.agent(), k -> new ArrayList<>()).add(u);
            }
        }
        List<OutputDecision> decisions = new ArrayList<>();
        for (ParsedSource s : sources) {
            Imports imports = Imports.of(s.unit());
            s.unit().walk(MethodCallExpr.class, call -> {
                Optional<String> agent = directAgent(call, imports, graph);
                if (agent.isEmpty() || !paramsByAgent.containsKey(agent.get())) return;
                for (AgenticKeyUse p : paramsByAgent.get(agent.get())) {
                    callerWrite(graph, new AgenticKeyUse(Locations.of(s, call), p.key(), KeyAccess.Access.WRITE,
                            "caller:" + s.path(), p.javaType(), AgenticKeyUse.Origin.CALLER));
                }
            });
            if (imports.importsFrom(AgenticFrontend.PKG)) decisions.addAll(scopeDecisions(s, imports, graph, uses));
        }
        decisions.forEach(graph::fact);
        // readState(key, default) reads a key on purpose optionally: it counts as a reader of a key
        // some agent writes, but never as a wiring gap when nobody does
        Set<String> written = new HashSet<>();
        for (AgenticKeyUse u : uses) if (u.access() == KeyAccess.Access.WRITE) written.add(u.key());
        for (AgenticKeyUse u : uses) {
            if (u.origin() == AgenticKeyUse.Origin.STATE_WITH_DEFAULT && written.contains(u.key())) {
                graph.fact(new KeyAccess(u.location(), AgenticFrontend.NAMESPACE, u.key(), KeyAccess.Access.READ, u.agent()));
            }
        }
        edges(graph, uses, decisions, facts);
    }

    private static void callerWrite(HandoffGraph.Builder graph, AgenticKeyUse u) {
        graph.fact(u);
        graph.fact(new KeyAccess(u.location(), AgenticFrontend.NAMESPACE, u.key(), KeyAccess.Access.WRITE, u.agent()));
    }

    /** The agentic agent a call invokes directly ({@code writer.generateStory(topic)}), if any. */
    static Optional<String> directAgent(MethodCallExpr call, Imports imports, HandoffGraph.Builder graph) {
        if (call.getScope().isEmpty()) return Optional.empty();
        Optional<LocalTypes.Declaration> d = LocalTypes.of(call.getScope().get());
        if (d.isEmpty() || d.get().type() == null || d.get().type().equals("var")) return Optional.empty();
        String id = AgenticFrontend.agentId(imports, d.get().type());
        return graph.agent(id).filter(a -> a.framework() == Framework.LANGCHAIN4J_AGENTIC).map(AgentNode::id);
    }

    /** Decisions taken on scope values: {@code readState} results and the inputs of non-AI {@code @Agent} methods. */
    private static List<OutputDecision> scopeDecisions(ParsedSource s, Imports imports, HandoffGraph.Builder graph,
                                                       List<AgenticKeyUse> uses) {
        Map<String, String> writerTypes = writerTypes(uses, graph);
        OutputFlow.Resolver resolver = new OutputFlow.Resolver() {
            @Override
            public Optional<OutputFlow.Producer> producerOf(Expression e) {
                if (e instanceof MethodCallExpr m && m.getNameAsString().equals("readState") && m.getScope().isPresent()
                        && (m.getArguments().size() == 1 || m.getArguments().size() == 2)) {
                    // readState(key, "") tells the value's type by its default when no writer does
                    String fallback = m.getArguments().size() == 2 && m.getArgument(1).isStringLiteralExpr() ? "String" : null;
                    return Literals.string(m.getArgument(0)).map(k -> new OutputFlow.Producer("key:" + k,
                            writerTypes.getOrDefault(k, fallback)));
                }
                return Optional.empty();
            }

            @Override
            public Optional<String> consumerOf(MethodCallExpr call) {
                return Optional.empty();
            }

            @Override
            public Optional<OutputFlow.Producer> parameter(Parameter p) {
                if (!(p.getParentNode().orElse(null) instanceof MethodDeclaration m)) return Optional.empty();
                boolean reads = false;
                for (AnnotationExpr a : m.getAnnotations()) {
                    String n = a.getNameAsString();
                    if (imports.refersTo(n, AgenticFrontend.PKG + ".Agent") || imports.refersTo(n, AgenticFrontend.DECL + ".ExitCondition")
                            || imports.refersTo(n, AgenticFrontend.DECL + ".ActivationCondition")) {
                        reads = true;
                    }
                }
                if (!reads || m.getBody().isEmpty()) return Optional.empty();
                String key = p.getNameAsString();
                for (AnnotationExpr a : p.getAnnotations()) {
                    if (imports.refersTo(a.getNameAsString(), "dev.langchain4j.service.V")) key = Literals.stringAttribute(a, "value").orElse(key);
                }
                return Optional.of(new OutputFlow.Producer("key:" + key, p.getTypeAsString()));
            }
        };
        List<OutputDecision> out = new ArrayList<>();
        for (var body : s.unit().findAll(com.github.javaparser.ast.body.CallableDeclaration.class)) {
            if (body.findAncestor(com.github.javaparser.ast.body.CallableDeclaration.class).isPresent()) continue;
            OutputFlow.Result r = OutputFlow.analyze(body, resolver);
            for (OutputFlow.Decision d : r.decisions()) {
                out.add(new OutputDecision(Locations.of(s, d.node()), d.producer().agent(), d.producer().javaType(),
                        d.operation(), d.node().toString()));
            }
        }
        // field initialisers (static predicates, lambdas in fields) are not bodies of callables
        return out;
    }

    private static Map<String, String> writerTypes(List<AgenticKeyUse> uses, HandoffGraph.Builder graph) {
        Map<String, Set<String>> types = new LinkedHashMap<>();
        for (AgenticKeyUse u : uses) {
            if (u.access() != KeyAccess.Access.WRITE || u.origin() == AgenticKeyUse.Origin.CALLER) continue;
            String t = writerType(u, graph);
            types.computeIfAbsent(u.key(), k -> new HashSet<>()).add(t == null ? "?" : t);
        }
        Map<String, String> out = new LinkedHashMap<>();
        types.forEach((k, v) -> {
            if (v.size() == 1 && !v.contains("?")) out.put(k, v.iterator().next());
        });
        return out;
    }

    private static String writerType(AgenticKeyUse u, HandoffGraph.Builder graph) {
        if (u.javaType() != null) return u.javaType();
        return graph.agent(u.agent()).map(AgentNode::outputType).orElse(null);
    }

    private static void edges(HandoffGraph.Builder graph, List<AgenticKeyUse> uses, List<OutputDecision> decisions, List<Fact> facts) {
        Set<String> branchedKeys = new HashSet<>();
        for (OutputDecision d : decisions) if (d.producer().startsWith("key:")) branchedKeys.add(d.producer().substring(4));
        Map<String, Boolean> structure = new LinkedHashMap<>();
        for (Fact f : facts) if (f instanceof AgentPrompt p) structure.merge(p.agent(), p.asksForStructure(), Boolean::logicalOr);
        Set<String> interpolated = new HashSet<>();
        for (AgenticKeyUse u : uses) if (u.origin() == AgenticKeyUse.Origin.PLACEHOLDER) interpolated.add(u.agent() + "\n" + u.key());

        for (AgenticKeyUse w : uses) {
            if (w.access() != KeyAccess.Access.WRITE || w.origin() == AgenticKeyUse.Origin.CALLER || w.key().equals(AgenticFrontend.OPEN_KEY)) continue;
            String wType = writerType(w, graph);
            PayloadKind payload = PayloadKind.of(wType);
            for (AgenticKeyUse r : uses) {
                if (r.access() != KeyAccess.Access.READ || !r.key().equals(w.key()) || r.agent().equals(w.agent())) continue;
                // edges join agents; the result a composite returns and reads in application code are not handoffs
                if (r.origin() == AgenticKeyUse.Origin.COMPOSITE_OUTPUT || r.origin() == AgenticKeyUse.Origin.STATE
                        || r.origin() == AgenticKeyUse.Origin.STATE_WITH_DEFAULT) continue;
                if (r.origin() == AgenticKeyUse.Origin.PLACEHOLDER && uses.stream().anyMatch(p -> p.agent().equals(r.agent())
                        && p.key().equals(r.key()) && p.origin() == AgenticKeyUse.Origin.PARAMETER)) {
                    continue;
                }
                Set<Edge.Use> edgeUses = EnumSet.noneOf(Edge.Use.class);
                PayloadKind readKind = PayloadKind.of(r.javaType());
                if (payload == PayloadKind.PROSE && readKind == PayloadKind.TYPED && !isTextual(r.javaType())) edgeUses.add(Edge.Use.PARSED);
                if (branchedKeys.contains(r.key())) edgeUses.add(Edge.Use.BRANCHED);
                if (interpolated.contains(r.agent() + "\n" + r.key())) edgeUses.add(Edge.Use.INTERPOLATED);
                if (structure.getOrDefault(w.agent(), false)) edgeUses.add(Edge.Use.STRUCTURE_REQUESTED);
                ContractRef contract = payload == PayloadKind.TYPED ? new ContractRef(wType, null, w.location()) : null;
                PayloadKind edgePayload = payload;
                if ((payload == PayloadKind.UNKNOWN || wType != null && Imports.simpleName(wType).equals("Object"))
                        && readKind == PayloadKind.TYPED) {
                    // an Object-typed writer (a human step, an untyped agent) handing to a typed parameter: the
                    // reader's type is the contract the framework binds to
                    edgePayload = PayloadKind.UNKNOWN;
                    contract = new ContractRef(r.javaType(), null, r.location());
                }
                String id = "lc4j-key:" + w.key() + ":" + w.agent() + "->" + r.agent();
                graph.edge(new Edge(id, w.agent(), r.agent(), Edge.Channel.STATE_KEY, w.key(), edgePayload, contract, null,
                        Set.copyOf(edgeUses), r.location()));
            }
        }
    }

    private static boolean isTextual(String type) {
        String s = Imports.simpleName(type);
        return s.equals("Object") || s.equals("String");
    }
}
