package dev.baton.linter.frontend.langchain4j;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import dev.baton.linter.frontend.ParsedSource;
import dev.baton.linter.frontend.agentic.BuiltAgent;
import dev.baton.linter.frontend.javasyntax.AgentPrompt;
import dev.baton.linter.frontend.javasyntax.Imports;
import dev.baton.linter.frontend.javasyntax.LocalTypes;
import dev.baton.linter.frontend.javasyntax.Locations;
import dev.baton.linter.frontend.javasyntax.OutputDecision;
import dev.baton.linter.frontend.javasyntax.OutputFlow;
import dev.baton.linter.frontend.javasyntax.OutputForwarding;
import dev.baton.linter.graph.AgentNode;
import dev.baton.linter.graph.ContractRef;
import dev.baton.linter.graph.Edge;
import dev.baton.linter.graph.Fact;
import dev.baton.linter.graph.HandoffGraph;
import dev.baton.linter.graph.Location;
import dev.baton.linter.graph.PayloadKind;
import dev.baton.linter.graph.facts.ReceiveSite;
import dev.baton.linter.graph.facts.ErrorHandlerSite;
import dev.baton.linter.frontend.javasyntax.HandlerOutcomes;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.TryStmt;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Plain-Java handoffs between LangChain4j agents (AI services and agentic agents called directly):
 * the value one call returns, followed through the calling method into decisions, binders and the
 * next agent's arguments. Runs after every file has been read, because the agents called are
 * usually declared in other files.
 */
final class ServiceLinks {
    private static final Set<String> VALIDATION_CALLS = Set.of("validate", "validateSchema", "receive", "receiveOrThrow",
            "validateValue", "validateProperty");

    private ServiceLinks() {
    }

    static void link(List<ParsedSource> sources, HandoffGraph.Builder graph) {
        Map<String, Boolean> structure = new LinkedHashMap<>();
        List<Fact> facts = graph.facts();
        for (Fact f : facts) {
            if (f instanceof AgentPrompt p) structure.merge(p.agent(), p.asksForStructure(), Boolean::logicalOr);
            if (f instanceof BuiltAgent b) {
                for (String tool : b.tools()) {
                    // only agents exposed as tools are handoffs; a plain tool class is a side effect, not an agent
                    String asAgent = "lc4j:" + tool.substring("lc4j-tool:".length());
                    if (graph.agent(asAgent).isEmpty()) continue;
                    graph.edge(new Edge(tool + "->" + b.agent(), asAgent, b.agent(), Edge.Channel.TOOL, null,
                            PayloadKind.UNKNOWN, null, null, Set.of(), b.location()));
                }
            }
        }
        for (ParsedSource s : sources) {
            Imports imports = Imports.of(s.unit());
            Resolver resolver = new Resolver(imports, graph, s);
            for (CallableDeclaration<?> body : s.unit().findAll(CallableDeclaration.class)) {
                if (body.findAncestor(CallableDeclaration.class).isPresent()) continue;
                if (!mentionsAgents(body, resolver)) continue;
                OutputFlow.Result r = OutputFlow.analyze(body, resolver);
                report(s, body, r, graph, structure);
                catches(s, body, r, graph);
            }
        }
    }

    private static boolean mentionsAgents(CallableDeclaration<?> body, Resolver resolver) {
        for (MethodCallExpr m : body.findAll(MethodCallExpr.class)) if (resolver.producerOf(m).isPresent()) return true;
        return false;
    }

    private static void report(ParsedSource s, CallableDeclaration<?> body, OutputFlow.Result r, HandoffGraph.Builder graph,
                               Map<String, Boolean> structure) {
        Map<String, Set<Edge.Use>> usesByProducer = new LinkedHashMap<>();
        for (OutputFlow.Decision d : r.decisions()) {
            graph.fact(new OutputDecision(Locations.of(s, d.node()), d.producer().agent(), d.producer().javaType(),
                    d.operation(), d.node().toString()));
            usesByProducer.computeIfAbsent(d.producer().agent(), k -> EnumSet.noneOf(Edge.Use.class))
                    .add(d.operation().contains("parse") || d.operation().contains("valueOf") || d.operation().startsWith("new ")
                            ? Edge.Use.PARSED : Edge.Use.BRANCHED);
        }
        boolean validated = validates(body);
        for (OutputFlow.Binding b : r.bindings()) {
            graph.fact(new ReceiveSite(Locations.of(s, b.call()), null, b.producer().agent(), b.mechanism(), b.targetType(),
                    validated, b.mapper()));
            usesByProducer.computeIfAbsent(b.producer().agent(), k -> EnumSet.noneOf(Edge.Use.class)).add(Edge.Use.PARSED);
        }
        Map<Node, List<OutputFlow.Forward>> byOrigin = new IdentityHashMap<>();
        for (OutputFlow.Forward f : r.forwards()) {
            byOrigin.computeIfAbsent(f.origin(), k -> new ArrayList<>()).add(f);
            Set<Edge.Use> uses = EnumSet.noneOf(Edge.Use.class);
            uses.addAll(usesByProducer.getOrDefault(f.producer().agent(), Set.of()));
            if (validated) uses.add(Edge.Use.VALIDATED);
            Optional<AgentNode> consumer = graph.agent(f.consumer());
            if (f.interpolated() || consumer.map(a -> a.kind() == AgentNode.Kind.LLM).orElse(false)) uses.add(Edge.Use.INTERPOLATED);
            if (structure.getOrDefault(f.producer().agent(), false)) uses.add(Edge.Use.STRUCTURE_REQUESTED);
            String type = f.producer().javaType();
            PayloadKind payload = f.accessor() == null ? PayloadKind.of(type) : PayloadKind.UNKNOWN;
            ContractRef contract = payload == PayloadKind.TYPED ? new ContractRef(type, null, Locations.of(s, f.call())) : null;
            Location at = Locations.of(s, f.call());
            graph.edge(new Edge(edgeId(at, f), f.producer().agent(),
                    f.consumer(), Edge.Channel.RETURN_VALUE, f.accessor(), payload, contract, null, Set.copyOf(uses), at));
        }
        for (Map.Entry<Node, List<OutputFlow.Forward>> e : byOrigin.entrySet()) {
            List<OutputFlow.Forward> fs = e.getValue();
            Set<String> accessors = new LinkedHashSet<>();
            boolean whole = Boolean.TRUE.equals(r.wholeUse().get(e.getKey()));
            for (OutputFlow.Forward f : fs) {
                if (f.accessor() == null) whole = true;
                else accessors.add(f.accessor());
            }
            OutputFlow.Forward first = fs.get(0);
            graph.fact(new OutputForwarding(Locations.of(s, first.call()), first.producer().agent(), first.producer().javaType(),
                    first.consumer(), List.copyOf(accessors), whole));
        }
    }

    /**
     * A try/catch around agent calls owns the failures of the handoffs made inside its try block: one
     * handler site per such handoff, scoped to the edge (an agent is called from many places; a
     * catch covers only this one).
     */
    private static void catches(ParsedSource s, CallableDeclaration<?> body, OutputFlow.Result r, HandoffGraph.Builder graph) {
        for (TryStmt t : body.findAll(TryStmt.class)) {
            if (t.getCatchClauses().isEmpty()) continue;
            for (OutputFlow.Forward f : r.forwards()) {
                if (!t.getTryBlock().isAncestorOf(f.call())) continue;
                String edge = edgeId(Locations.of(s, f.call()), f);
                for (CatchClause c : t.getCatchClauses()) {
                    graph.fact(new ErrorHandlerSite(Locations.of(s, c), edge, "catch", HandlerOutcomes.outcome(c.getBody())));
                }
            }
        }
    }

    static String edgeId(Location at, OutputFlow.Forward f) {
        return "lc4j-call:" + at + ":" + f.producer().agent() + "->" + f.consumer();
    }

    private static boolean validates(CallableDeclaration<?> body) {
        for (MethodCallExpr m : body.findAll(MethodCallExpr.class)) if (VALIDATION_CALLS.contains(m.getNameAsString())) return true;
        for (NameExpr n : body.findAll(NameExpr.class)) if (n.getNameAsString().equals("Boundary")) return true;
        return body.getParameters().stream().anyMatch(p -> p.getAnnotations().stream().anyMatch(a -> a.getNameAsString().equals("Valid")));
    }

    /** Resolves calls on variables whose declared type is a known LangChain4j agent. */
    private static final class Resolver implements OutputFlow.Resolver {
        private final Imports imports;
        private final HandoffGraph.Builder graph;
        private final ParsedSource source;

        Resolver(Imports imports, HandoffGraph.Builder graph, ParsedSource source) {
            this.imports = imports;
            this.graph = graph;
            this.source = source;
        }

        private Optional<AgentNode> agent(MethodCallExpr call) {
            if (call.getScope().isEmpty()) return Optional.empty();
            Optional<LocalTypes.Declaration> d = LocalTypes.of(call.getScope().get());
            if (d.isEmpty() || d.get().type() == null || d.get().type().equals("var")) return Optional.empty();
            Optional<String> fqn = imports.resolve(d.get().type());
            if (fqn.isEmpty()) return Optional.empty();
            Optional<AgentNode> method = graph.agent("lc4j:" + fqn.get() + "#" + call.getNameAsString());
            if (method.isPresent()) return method;
            return graph.agent("lc4j:" + fqn.get()).filter(a -> a.kind() != AgentNode.Kind.TOOL);
        }

        @Override
        public Optional<OutputFlow.Producer> producerOf(Expression e) {
            if (!(e instanceof MethodCallExpr call)) return Optional.empty();
            Optional<AgentNode> a = agent(call);
            if (a.isPresent()) return Optional.of(new OutputFlow.Producer(a.get().id(), a.get().outputType()));
            if (call.getNameAsString().equals("invoke") && call.getArguments().size() == 1 && call.getScope().isPresent()) {
                Optional<LocalTypes.Declaration> d = LocalTypes.of(call.getScope().get());
                if (d.isPresent() && d.get().type() != null && imports.refersTo(d.get().type(), "dev.langchain4j.agentic.UntypedAgent")) {
                    return Optional.of(new OutputFlow.Producer("lc4j-untyped:" + source.path() + "#" + d.get().name(), "Object"));
                }
            }
            return Optional.empty();
        }

        @Override
        public Optional<String> consumerOf(MethodCallExpr call) {
            return agent(call).map(AgentNode::id);
        }
    }
}
