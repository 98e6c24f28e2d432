package dev.baton.linter.frontend.langgraph4j;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.baton.linter.frontend.Frontend;
import dev.baton.linter.frontend.ParsedSource;
import dev.baton.linter.frontend.javasyntax.Imports;
import dev.baton.linter.frontend.javasyntax.Literals;
import dev.baton.linter.frontend.javasyntax.LocalTypes;
import dev.baton.linter.frontend.javasyntax.Locations;
import dev.baton.linter.frontend.javasyntax.OutputDecision;
import dev.baton.linter.frontend.javasyntax.OutputForwarding;
import dev.baton.linter.frontend.javasyntax.SideEffectVerbs;
import dev.baton.linter.frontend.langgraph4j.GraphFacts.GraphDeclared;
import dev.baton.linter.frontend.langgraph4j.GraphFacts.KeyUse;
import dev.baton.linter.frontend.langgraph4j.GraphFacts.KeyWrite;
import dev.baton.linter.frontend.langgraph4j.GraphFacts.NodeBody;
import dev.baton.linter.frontend.langgraph4j.GraphFacts.NodeRef;
import dev.baton.linter.frontend.langgraph4j.GraphFacts.StateKeys;
import dev.baton.linter.frontend.langgraph4j.GraphFacts.UseKind;
import dev.baton.linter.graph.AgentNode;
import dev.baton.linter.graph.Chain;
import dev.baton.linter.graph.ContractRef;
import dev.baton.linter.graph.Edge;
import dev.baton.linter.graph.Fact;
import dev.baton.linter.graph.Framework;
import dev.baton.linter.graph.HandoffGraph;
import dev.baton.linter.graph.Location;
import dev.baton.linter.graph.PayloadKind;
import dev.baton.linter.frontend.langchain4j.LangChain4jFrontend;
import dev.baton.linter.graph.facts.HumanStep;
import dev.baton.linter.graph.facts.ReceiveSite;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * LangGraph4j ({@code org.bsc.langgraph4j}): a {@code StateGraph} is a chain whose nodes are agents, and its state
 * keys are the handoff channel. A node writes the keys of the map it returns ({@code Map.of("draft", reply)}); when
 * such a value is a model call's output (a Spring AI {@code ChatClient} call or a LangChain4j AI-service method in the
 * node's code, read by those frontends), a later node that reads the key ({@code state.value("draft")},
 * {@code state.data().get(..)}, an accessor of the state class) and hands it to its own model call is a
 * {@link Edge.Channel#STATE_KEY} handoff. A node or a conditional edge's router that branches on such a value, or a
 * router that returns it as the next node's name (LangGraph4j looks it up in the edge's mappings by exact text),
 * decides on agent output; a node that binds it is a receive site. Graph ids are {@code lg4j:<class>/<method>[.<variable>]},
 * node ids {@code <graph id>/<node>}.
 *
 * <p>Loops need no fact: every run is bounded by {@code CompileConfig.recursionLimit} (25 unless set; exceeding it
 * ends the run with an {@code IllegalStateException}, {@code CompiledGraph}), so a cycle through a conditional edge is
 * never unbounded. Keys read that no node writes usually come from the caller's {@code invoke(Map.of(..))}; this
 * frontend records no key reads and writes for handoff-unwired.
 */
public final class LangGraph4jFrontend implements Frontend {
    private static final String PREFIX = "lg4j:";
    private static final String PACKAGE = "org.bsc.langgraph4j";
    private static final Set<String> NODE_ACTIONS = Set.of("NodeAction", "AsyncNodeAction", "NodeActionWithConfig",
            "AsyncNodeActionWithConfig");
    private static final Set<String> EDGE_ACTIONS = Set.of("EdgeAction", "AsyncEdgeAction");
    private static final Set<String> STATES = Set.of("org.bsc.langgraph4j.state.AgentState", "org.bsc.langgraph4j.prebuilt.MessagesState");

    @Override
    public Set<String> triggers() {
        return Set.of(PACKAGE);
    }

    @Override
    public void read(ParsedSource source, HandoffGraph.Builder graph) {
        CompilationUnit unit = source.unit();
        if (!SideEffectVerbs.importsPackage(unit, PACKAGE)) return;
        Imports imports = Imports.of(unit);
        for (ClassOrInterfaceDeclaration c : unit.findAll(ClassOrInterfaceDeclaration.class)) {
            String fqcn = c.getFullyQualifiedName().orElse(c.getNameAsString());
            if (c.getExtendedTypes().stream().anyMatch(t -> STATES.stream().anyMatch(s -> imports.refersTo(t.getNameAsString(), s)))) {
                graph.fact(stateKeys(source, c, fqcn));
            }
            for (ClassOrInterfaceType t : c.getImplementedTypes()) {
                boolean node = NODE_ACTIONS.stream().anyMatch(n -> imports.refersTo(t.getNameAsString(), "org.bsc.langgraph4j.action." + n));
                boolean edge = EDGE_ACTIONS.stream().anyMatch(n -> imports.refersTo(t.getNameAsString(), "org.bsc.langgraph4j.action." + n));
                if (!node && !edge) continue;
                String state = t.getTypeArguments().filter(a -> a.size() == 1).map(a -> resolve(imports, a.get(0).asString())).orElse(null);
                for (MethodDeclaration apply : c.getMethodsByName("apply")) {
                    if (apply.getParameters().isEmpty() || apply.getBody().isEmpty()) continue;
                    NodeBodies.read(source, imports, apply, "class:" + fqcn, state, edge).ifPresent(graph::fact);
                }
            }
        }
        for (MethodDeclaration factory : unit.findAll(MethodDeclaration.class)) readFactory(source, imports, factory, graph);
        for (ObjectCreationExpr creation : unit.findAll(ObjectCreationExpr.class)) {
            String type = creation.getType().getNameAsString();
            if (!imports.refersTo(type, PACKAGE + ".StateGraph") && !imports.refersTo(type, PACKAGE + ".prebuilt.MessagesStateGraph")) continue;
            readGraph(source, imports, creation, graph);
        }
    }

    /**
     * A static factory of a node or router ({@code static AsyncNodeAction<S> create() { return node_async(state -> ..); }}),
     * added to a graph elsewhere as {@code addNode("x", XNode.create())}.
     */
    private static void readFactory(ParsedSource source, Imports imports, MethodDeclaration m, HandoffGraph.Builder graph) {
        if (!m.isStatic() || m.getBody().isEmpty()) return;
        String returned = Imports.rawName(m.getTypeAsString());
        boolean node = NODE_ACTIONS.stream().anyMatch(n -> imports.refersTo(returned, "org.bsc.langgraph4j.action." + n));
        boolean edge = EDGE_ACTIONS.stream().anyMatch(n -> imports.refersTo(returned, "org.bsc.langgraph4j.action." + n));
        if (!node && !edge) return;
        List<ReturnStmt> returns = m.getBody().get().findAll(ReturnStmt.class, r -> r.findAncestor(LambdaExpr.class).isEmpty());
        if (returns.size() != 1 || returns.get(0).getExpression().isEmpty()) return;
        Expression action = returns.get(0).getExpression().get();
        if (action instanceof MethodCallExpr c && c.getArguments().size() == 1
                && (c.getNameAsString().equals("node_async") || c.getNameAsString().equals("edge_async"))) {
            action = c.getArgument(0);
        }
        if (!(action instanceof LambdaExpr l)) return;
        Optional<TypeDeclaration> owner = m.findAncestor(TypeDeclaration.class);
        if (owner.isEmpty()) return;
        String fqcn = (String) owner.get().getFullyQualifiedName().orElse(owner.get().getNameAsString());
        String state = m.getType().isClassOrInterfaceType() ? m.getType().asClassOrInterfaceType().getTypeArguments()
                .filter(a -> a.size() == 1).map(a -> resolve(imports, a.get(0).asString())).orElse(null) : null;
        NodeBodies.read(source, imports, l, "factory:" + fqcn + "#" + m.getNameAsString(), state, edge).ifPresent(graph::fact);
    }

    private static String resolve(Imports imports, String type) {
        return imports.resolve(Imports.rawName(type)).orElse(type);
    }

    /** A state class's string constants and the accessors that return {@code value(KEY)} (or read it). */
    private static StateKeys stateKeys(ParsedSource source, ClassOrInterfaceDeclaration c, String fqcn) {
        Map<String, String> constants = new LinkedHashMap<>();
        for (FieldDeclaration f : c.getFields()) {
            if (!f.isStatic()) continue;
            for (VariableDeclarator v : f.getVariables()) {
                v.getInitializer().flatMap(Literals::string).ifPresent(s -> constants.put(v.getNameAsString(), s));
            }
        }
        Map<String, String> accessors = new LinkedHashMap<>();
        for (MethodDeclaration m : c.getMethods()) {
            if (m.isStatic() || !m.getParameters().isEmpty() || m.getBody().isEmpty()) continue;
            List<ReturnStmt> returns = m.getBody().get().findAll(ReturnStmt.class);
            if (returns.size() != 1 || returns.get(0).getExpression().isEmpty()) continue;
            Optional<MethodCallExpr> read = returns.get(0).getExpression().get().findFirst(MethodCallExpr.class,
                    x -> (x.getNameAsString().equals("value") || x.getNameAsString().equals("get")) && !x.getArguments().isEmpty()
                            && (x.getScope().isEmpty() || x.getScope().get() instanceof ThisExpr
                            || x.getScope().get() instanceof MethodCallExpr d && d.getNameAsString().equals("data")));
            if (read.isEmpty()) continue;
            Expression k = read.get().getArgument(0);
            Optional<String> key = Literals.string(k);
            if (key.isEmpty() && k instanceof NameExpr n) key = Optional.ofNullable(constants.get(n.getNameAsString()));
            if (key.isEmpty() && k instanceof FieldAccessExpr fa && fa.getScope().toString().equals(c.getNameAsString())) {
                key = Optional.ofNullable(constants.get(fa.getNameAsString()));
            }
            key.ifPresent(v -> accessors.put(m.getNameAsString(), v));
        }
        return new StateKeys(Locations.of(source, c.getName()), fqcn, constants, accessors);
    }

    /**
     * One {@code new StateGraph<..>(..)}: the {@code addNode} and {@code addConditionalEdges} calls made on it, chained
     * on the creation or on the variable or field it is stored in, within the same method.
     */
    private void readGraph(ParsedSource source, Imports imports, ObjectCreationExpr creation, HandoffGraph.Builder graph) {
        Optional<String> holder = holder(creation);
        Node scope = creation.findAncestor(CallableDeclaration.class).map(Node.class::cast)
                .or(() -> creation.findAncestor(FieldDeclaration.class)).orElse(null);
        if (scope == null) return;
        Optional<TypeDeclaration> owner = creation.findAncestor(TypeDeclaration.class);
        String fqcn = owner.map(t -> (String) t.getFullyQualifiedName().orElse(t.getNameAsString())).orElse(source.path());
        // the method that builds it (a class may build several graphs, each in a local named graph)
        String built = creation.findAncestor(CallableDeclaration.class).map(c -> c.getNameAsString()).orElse(holder.orElse("graph"));
        String id = PREFIX + fqcn + "/" + built + (holder.isPresent() && !holder.get().equals(built) ? "." + holder.get() : "");
        String name = Imports.simpleName(fqcn) + "." + built;
        String state = stateType(creation, imports);
        List<NodeRef> nodes = new ArrayList<>();
        List<NodeRef> routers = new ArrayList<>();
        List<MethodCallExpr> calls = new ArrayList<>(scope.findAll(MethodCallExpr.class));
        // in source order: a fluent chain nests the last call outermost
        calls.sort((x, y) -> x.getName().getBegin().get().compareTo(y.getName().getBegin().get()));
        for (MethodCallExpr call : calls) {
            boolean node = call.getNameAsString().equals("addNode");
            boolean edge = call.getNameAsString().equals("addConditionalEdges");
            if ((!node && !edge) || call.getArguments().size() < 2 || !on(call, creation, holder.orElse(null))) continue;
            Optional<String> nodeName = NodeBodies.keyOf(call.getArgument(0), imports).filter(n -> !n.startsWith("ref:"));
            if (nodeName.isEmpty()) continue;
            String nodeId = id + "/" + nodeName.get() + (edge ? "?route" : "");
            Location at = Locations.of(source, call.getName());
            Optional<String> body = body(source, imports, call.getArgument(1), nodeId, state, edge, graph);
            if (edge) {
                body.ifPresent(b -> routers.add(new NodeRef(nodeName.get(), b, at)));
            } else {
                nodes.add(new NodeRef(nodeName.get(), body.orElse(null), at));
            }
        }
        if (nodes.isEmpty()) return;
        graph.fact(new GraphDeclared(Locations.of(source, creation), id, name, state, nodes, routers));
        // CompileConfig.builder().interruptBefore("review"): the run stops at a checkpoint before (or after) the node and
        // returns; a person updates the state and resumes it. Nothing blocks while it waits, so no timeout is missing.
        for (MethodCallExpr call : calls) {
            if (!INTERRUPTS.contains(call.getNameAsString()) || call.getArguments().isEmpty()) continue;
            graph.fact(new HumanStep(Locations.of(source, call.getName()), id, "CompileConfig." + call.getNameAsString(),
                    true, false, true, false));
        }
    }

    private static final Set<String> INTERRUPTS = Set.of("interruptBefore", "interruptAfter", "interruptsBefore", "interruptsAfter");

    /** The variable or field the graph is stored in: {@code var g = new StateGraph<>(..)}, {@code this.g = ..}. */
    private static Optional<String> holder(ObjectCreationExpr creation) {
        Node n = creation;
        while (n.getParentNode().orElse(null) instanceof MethodCallExpr m && m.getScope().map(s -> s == creation || s.isAncestorOf(creation)).orElse(false)) {
            n = m;
        }
        Node p = n.getParentNode().orElse(null);
        if (p instanceof VariableDeclarator v) return Optional.of(v.getNameAsString());
        if (p instanceof AssignExpr a) {
            Expression t = a.getTarget();
            if (t instanceof NameExpr x) return Optional.of(x.getNameAsString());
            if (t instanceof FieldAccessExpr f) return Optional.of(f.getNameAsString());
        }
        return Optional.empty();
    }

    /** Whether a call is made on this graph: chained on its creation, or on the variable that holds it. */
    private static boolean on(MethodCallExpr call, ObjectCreationExpr creation, String holder) {
        Expression e = call.getScope().orElse(null);
        while (e instanceof MethodCallExpr m) e = m.getScope().orElse(null);
        if (e == creation) return true;
        if (holder == null) return false;
        if (e instanceof NameExpr n) return n.getNameAsString().equals(holder);
        return e instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr && f.getNameAsString().equals(holder);
    }

    /** {@code new StateGraph<S>(..)}, {@code new StateGraph<>(S.SCHEMA, S::new)}, {@code StateGraph<S> g = ..}. */
    private static String stateType(ObjectCreationExpr creation, Imports imports) {
        Optional<String> explicit = creation.getType().getTypeArguments().filter(a -> a.size() == 1).map(a -> a.get(0).asString());
        if (explicit.isPresent()) return resolve(imports, explicit.get());
        for (Expression a : creation.getArguments()) {
            if (a instanceof MethodReferenceExpr r && r.getIdentifier().equals("new") && r.getScope() instanceof TypeExpr t) {
                return resolve(imports, t.getTypeAsString());
            }
            if (a instanceof FieldAccessExpr f && f.getScope() instanceof NameExpr t && Character.isUpperCase(t.getNameAsString().charAt(0))) {
                return resolve(imports, t.getNameAsString());
            }
            if (a instanceof LambdaExpr l) {
                Optional<ObjectCreationExpr> made = l.getBody().findFirst(ObjectCreationExpr.class);
                if (made.isPresent()) return resolve(imports, made.get().getTypeAsString());
            }
        }
        if (creation.getParentNode().orElse(null) instanceof VariableDeclarator v && v.getType().isClassOrInterfaceType()) {
            return v.getType().asClassOrInterfaceType().getTypeArguments().filter(a -> a.size() == 1)
                    .map(a -> resolve(imports, a.get(0).asString())).orElse(null);
        }
        return null;
    }

    /**
     * Where a node's (or router's) code is: a lambda or a method of this file, read here; a class implementing the
     * action, read in its own file. {@code node_async(x)}/{@code edge_async(x)} are seen through.
     */
    private static Optional<String> body(ParsedSource source, Imports imports, Expression action, String nodeId, String state,
                                         boolean router, HandoffGraph.Builder graph) {
        Expression a = action;
        if (a instanceof MethodCallExpr m && m.getArguments().size() == 1
                && (m.getNameAsString().equals("node_async") || m.getNameAsString().equals("edge_async"))) {
            a = m.getArgument(0);
        }
        Node code = null;
        if (a instanceof LambdaExpr l) code = l;
        if (a instanceof MethodReferenceExpr r && (r.getScope() instanceof ThisExpr || r.getScope() instanceof TypeExpr)) {
            Optional<TypeDeclaration> owner = r.findAncestor(TypeDeclaration.class);
            if (owner.isPresent()) {
                List<MethodDeclaration> ms = ((TypeDeclaration<?>) owner.get()).getMethodsByName(r.getIdentifier());
                if (ms.size() == 1) code = ms.get(0);
            }
        }
        if (code != null) {
            String body = "inline:" + nodeId;
            NodeBodies.read(source, imports, code, body, state, router).ifPresent(graph::fact);
            return Optional.of(body);
        }
        // XNode.create(): a static factory of this or another file
        if (a instanceof MethodCallExpr f && f.getScope().orElse(null) instanceof NameExpr owner
                && Character.isUpperCase(owner.getNameAsString().charAt(0)) && LocalTypes.of(owner).isEmpty()) {
            return Optional.of("factory:" + resolve(imports, owner.getNameAsString()) + "#" + f.getNameAsString());
        }
        String type = null;
        if (a instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isEmpty()) type = o.getTypeAsString();
        if (a instanceof NameExpr || a instanceof FieldAccessExpr) type = LocalTypes.of(a).map(LocalTypes.Declaration::type).orElse(null);
        if (type == null || type.equals("var")) return Optional.empty();
        return Optional.of("class:" + resolve(imports, type));
    }

    @Override
    public void link(List<ParsedSource> sources, HandoffGraph.Builder graph) {
        List<GraphDeclared> graphs = new ArrayList<>();
        Map<String, List<NodeBody>> bodies = new LinkedHashMap<>();
        Map<String, StateKeys> states = new LinkedHashMap<>();
        for (Fact f : graph.facts()) {
            if (f instanceof GraphDeclared g) graphs.add(g);
            if (f instanceof NodeBody b) bodies.computeIfAbsent(b.body(), k -> new ArrayList<>()).add(b);
            if (f instanceof StateKeys s) states.put(s.type(), s);
        }
        if (graphs.isEmpty()) return;
        Set<String> chains = new HashSet<>();
        for (Chain c : graph.build().chains()) chains.add(c.id());
        for (GraphDeclared g : graphs) link(g, bodies, states, chains, graph);
    }

    /** One node's (or router's) code, bound to its id in one graph. */
    private record Member(String id, NodeRef ref, NodeBody body) {
    }

    /** A write of a model output to a key, by a node of the graph. */
    private record Writer(String node, KeyWrite write, String producerType, String valueType) {
        PayloadKind payload() {
            return PayloadKind.of(valueType);
        }
    }

    private void link(GraphDeclared g, Map<String, List<NodeBody>> bodies, Map<String, StateKeys> states, Set<String> chains,
                      HandoffGraph.Builder graph) {
        List<Member> members = new ArrayList<>();
        for (NodeRef n : g.nodes()) members.add(new Member(g.id() + "/" + n.name(), n, only(bodies.get(n.body()))));
        List<Member> routers = new ArrayList<>();
        for (NodeRef r : g.routers()) routers.add(new Member(g.id() + "/" + r.name() + "?route", r, only(bodies.get(r.body()))));

        List<String> ids = new ArrayList<>();
        Set<String> services = new LinkedHashSet<>();
        for (Member m : members) {
            if (ids.contains(m.id())) continue;
            ids.add(m.id());
            boolean model = false;
            for (String call : m.body() == null ? List.<String>of() : m.body().callsModel()) {
                if (graph.agent(call).isEmpty()) continue;
                model = true;
                // an AI service with tools is a chain of its own (its tool loop), run here inside the node
                if (call.startsWith(NodeBodies.LC4J) && call.contains("#")) {
                    String service = LangChain4jFrontend.SERVICE_CHAIN + call.substring(NodeBodies.LC4J.length(), call.indexOf('#'));
                    if (chains.contains(service)) services.add(service);
                }
            }
            graph.agent(new AgentNode(m.id(), m.ref().name(), Framework.LANGGRAPH4J, model ? AgentNode.Kind.LLM : AgentNode.Kind.CODE,
                    "Map<String,Object>", m.ref().location()));
        }
        List<String> chainMembers = new ArrayList<>(ids);
        chainMembers.addAll(services);
        graph.chain(new Chain(g.id(), g.name(), Framework.LANGGRAPH4J, List.copyOf(chainMembers), g.location()));

        Map<String, List<Writer>> writers = new LinkedHashMap<>();
        for (Member m : members) {
            if (m.body() == null) continue;
            for (KeyWrite w : m.body().writes()) {
                String key = key(w.key(), g, m.body(), states);
                if (key == null) continue;
                Optional<AgentNode> producer = graph.agent(w.producer());
                if (producer.isEmpty() || producer.get().kind() == AgentNode.Kind.TOOL) continue;
                String type = w.producerType() != null ? w.producerType() : producer.get().outputType();
                String value = w.accessor() == null ? type : w.valueType();
                writers.computeIfAbsent(key, k -> new ArrayList<>()).add(new Writer(m.id(), w, type, value));
            }
        }
        forwardings(members, writers, g, states, graph);

        Map<String, Edge> edges = new LinkedHashMap<>();
        Set<String> decided = new HashSet<>();
        List<Member> readers = new ArrayList<>(members);
        readers.addAll(routers);
        for (Member r : readers) {
            if (r.body() == null) continue;
            Map<String, EnumSet<Edge.Use>> uses = new LinkedHashMap<>();
            Map<String, Location> forwardedAt = new LinkedHashMap<>();
            for (KeyUse u : r.body().uses()) {
                String key = key(u.key(), g, r.body(), states);
                List<Writer> ws = key == null ? List.of() : writers.getOrDefault(key, List.of());
                if (ws.isEmpty()) continue;
                Writer w = ws.stream().filter(x -> x.payload() == PayloadKind.PROSE || x.payload() == PayloadKind.UNTYPED)
                        .findFirst().orElse(ws.get(0));
                switch (u.kind()) {
                    case DECIDE, ROUTE -> {
                        if (decided.add(u.location() + "|" + key)) {
                            graph.fact(new OutputDecision(u.location(), w.node(), w.valueType(), u.operation(), u.code()));
                        }
                        uses.computeIfAbsent(key, k -> EnumSet.noneOf(Edge.Use.class)).add(Edge.Use.BRANCHED);
                    }
                    case BIND -> {
                        if (w.payload() == PayloadKind.PROSE || w.payload() == PayloadKind.UNTYPED) {
                            graph.fact(new ReceiveSite(u.location(), r.id(), w.node(), u.operation(), u.target(), u.validated(), u.mapper()));
                        }
                        uses.computeIfAbsent(key, k -> EnumSet.noneOf(Edge.Use.class)).add(Edge.Use.PARSED);
                        if (u.validated()) uses.get(key).add(Edge.Use.VALIDATED);
                    }
                    case FORWARD -> {
                        if (u.target() == null || graph.agent(u.target()).isEmpty()) continue;
                        uses.computeIfAbsent(key, k -> EnumSet.noneOf(Edge.Use.class)).add(Edge.Use.INTERPOLATED);
                        forwardedAt.putIfAbsent(key, u.location());
                    }
                }
            }
            // a handoff is a key one node writes from its model and another hands to its own model
            for (Map.Entry<String, Location> f : forwardedAt.entrySet()) {
                String key = f.getKey();
                for (Writer w : writers.getOrDefault(key, List.of())) {
                    if (w.node().equals(r.id())) continue;
                    String id = w.node() + "->" + r.id() + "#" + key;
                    PayloadKind payload = w.payload();
                    ContractRef contract = payload == PayloadKind.TYPED ? new ContractRef(w.valueType(), null, w.write().location()) : null;
                    edges.putIfAbsent(id, new Edge(id, w.node(), r.id(), Edge.Channel.STATE_KEY, key, payload, contract, null,
                            Set.copyOf(uses.get(key)), f.getValue()));
                }
            }
        }
        edges.values().forEach(graph::edge);
    }

    /**
     * Context-dropped: a node that writes only some accessors of a typed model output (its verdict, not its
     * reasoning) hands the next node the conclusion alone. Reported for keys a later node of the graph reads.
     */
    private static void forwardings(List<Member> members, Map<String, List<Writer>> writers, GraphDeclared g,
                                    Map<String, StateKeys> states, HandoffGraph.Builder graph) {
        Map<String, String> readerOf = new LinkedHashMap<>();
        for (Member m : members) {
            if (m.body() == null) continue;
            for (KeyUse u : m.body().uses()) {
                String key = key(u.key(), g, m.body(), states);
                if (key != null) readerOf.putIfAbsent(key, m.id());
            }
        }
        Map<String, List<Writer>> byOutput = new LinkedHashMap<>();
        for (Map.Entry<String, List<Writer>> e : writers.entrySet()) {
            for (Writer w : e.getValue()) byOutput.computeIfAbsent(w.node() + "|" + w.write().producer(), k -> new ArrayList<>()).add(w);
        }
        for (List<Writer> ws : byOutput.values()) {
            if (ws.stream().anyMatch(w -> w.write().accessor() == null || w.write().whole())) continue;
            String consumer = null;
            for (Writer w : ws) {
                String key = key(w.write().key(), g, null, states);
                if (key != null && readerOf.containsKey(key) && !readerOf.get(key).equals(w.node())) consumer = readerOf.get(key);
            }
            if (consumer == null) continue;
            Writer first = ws.get(0);
            List<String> accessors = new ArrayList<>(new LinkedHashSet<>(ws.stream().map(w -> w.write().accessor()).toList()));
            graph.fact(new OutputForwarding(first.write().location(), first.write().producer(), first.producerType(), consumer,
                    accessors, false));
        }
    }

    private static NodeBody only(List<NodeBody> found) {
        return found == null || found.size() != 1 ? null : found.get(0);
    }

    /**
     * A key as recorded, resolved: {@code ref:<Type>.<NAME>} through the constants of the state classes,
     * {@code accessor:<m>} through the accessors of the graph's (or the node's) state class; null when unknown.
     */
    private static String key(String recorded, GraphDeclared g, NodeBody body, Map<String, StateKeys> states) {
        if (recorded.startsWith("ref:")) {
            String ref = recorded.substring(4);
            String type = ref.substring(0, ref.indexOf('.'));
            String constant = ref.substring(ref.indexOf('.') + 1);
            for (StateKeys s : states.values()) {
                if (Imports.simpleName(s.type()).equals(type) && s.constants().containsKey(constant)) return s.constants().get(constant);
            }
            return null;
        }
        if (recorded.startsWith("accessor:")) {
            String accessor = recorded.substring("accessor:".length());
            for (String type : new String[]{body == null ? null : body.stateType(), g.stateType()}) {
                if (type == null) continue;
                StateKeys s = states.get(type);
                if (s == null) {
                    for (StateKeys x : states.values()) if (Imports.simpleName(x.type()).equals(Imports.simpleName(type))) s = x;
                }
                if (s != null && s.accessors().containsKey(accessor)) return s.accessors().get(accessor);
            }
            return null;
        }
        return recorded;
    }
}
