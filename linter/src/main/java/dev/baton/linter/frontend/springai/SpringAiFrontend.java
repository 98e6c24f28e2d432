package dev.baton.linter.frontend.springai;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import dev.baton.linter.frontend.Frontend;
import dev.baton.linter.frontend.ParsedSource;
import dev.baton.linter.frontend.javasyntax.SideEffectVerbs;
import dev.baton.linter.frontend.javasyntax.Imports;
import dev.baton.linter.frontend.javasyntax.Literals;
import dev.baton.linter.frontend.javasyntax.LocalTypes;
import dev.baton.linter.frontend.javasyntax.Locations;
import dev.baton.linter.frontend.javasyntax.OutputDecision;
import dev.baton.linter.frontend.javasyntax.OutputFlow;
import dev.baton.linter.frontend.javasyntax.OutputForwarding;
import dev.baton.linter.frontend.javasyntax.StructureRequest;
import dev.baton.linter.graph.AgentNode;
import dev.baton.linter.graph.ContractRef;
import dev.baton.linter.graph.Edge;
import dev.baton.linter.graph.Framework;
import dev.baton.linter.graph.HandoffGraph;
import dev.baton.linter.graph.Location;
import dev.baton.linter.graph.PayloadKind;
import dev.baton.linter.graph.facts.ErrorHandlerSite;
import dev.baton.linter.graph.facts.ReceiveSite;
import dev.baton.linter.graph.facts.RetrySite;
import dev.baton.linter.graph.facts.SideEffect;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Spring AI: every {@code chatClient.prompt()…call().content()/entity(..)} is an agent (Spring AI has
 * no agent type; a call site is the unit that produces output). Agent ids are
 * {@code springai:<class>#<method>/<n>}: the method id followed by {@code /} and the call's ordinal,
 * so a retry declared on the method ({@code @Retryable}, {@code RetryTemplate}) covers its calls.
 */
public final class SpringAiFrontend implements Frontend {
    static final String PREFIX = "springai:";
    private static final Set<String> TERMINALS = Set.of("content", "entity", "responseEntity");
    private static final Set<String> PROMPT_INPUTS = Set.of("prompt", "user", "system", "param", "text", "params");
    private static final String TOOL = "org.springframework.ai.tool.annotation.Tool";
    private static final List<String> RETRYABLE = List.of("org.springframework.retry.annotation.Retryable",
            "org.springframework.resilience.annotation.Retryable");
    /** Both spring-retry's {@code maxAttempts} and Spring Framework 7's {@code maxRetries} default to 3. */
    private static final int RETRYABLE_DEFAULT = 3;
    @Override
    public Set<String> triggers() {
        return Set.of("org.springframework.ai");
    }

    @Override
    public void read(ParsedSource source, HandoffGraph.Builder graph) {
        CompilationUnit unit = source.unit();
        Imports imports = Imports.of(unit);
        if (!SideEffectVerbs.importsPackage(unit, "org.springframework.ai")) return;
        for (TypeDeclaration<?> type : unit.findAll(TypeDeclaration.class)) {
            String fqcn = type.getFullyQualifiedName().orElse(type.getNameAsString());
            List<MethodSites> read = new ArrayList<>();
            for (MethodDeclaration method : type.getMethods()) {
                if (method.findAncestor(TypeDeclaration.class).orElse(null) != type) continue;
                MethodSites m = readMethod(source, imports, fqcn, method, graph);
                if (m != null) read.add(m);
            }
            ReturnedParts.link(source, type, read, graph);
        }
    }

    /**
     * The call sites of one method.
     *
     * @param ids     the terminal call of each site to its agent id
     * @param members every call of each site's chain (split over locals or not) to its agent id
     */
    record MethodSites(MethodDeclaration method, Map<MethodCallExpr, String> ids, Map<MethodCallExpr, String> members) {
        /** The site whose prompt an argument of {@code call} feeds, if any. */
        Optional<String> consumerOf(MethodCallExpr call) {
            if (!PROMPT_INPUTS.contains(call.getNameAsString())) return Optional.empty();
            return siteContaining(call, members);
        }

        String outputTypeOf(MethodCallExpr site) {
            return outputType(site);
        }
    }

    private MethodSites readMethod(ParsedSource source, Imports imports, String fqcn, MethodDeclaration method,
                            HandoffGraph.Builder graph) {
        String methodId = PREFIX + fqcn + "#" + method.getNameAsString();
        for (AnnotationExpr a : method.getAnnotations()) {
            if (imports.refersTo(a.getNameAsString(), TOOL)) readTool(source, fqcn, method, graph);
            if (RETRYABLE.stream().anyMatch(r -> imports.refersTo(a.getNameAsString(), r))) {
                int bound = Literals.intAttribute(a, "maxAttempts").or(() -> Literals.intAttribute(a, "maxRetries"))
                        .orElse(RETRYABLE_DEFAULT);
                graph.fact(new RetrySite(Locations.of(source, a), methodId, "@Retryable", OptionalInt.of(bound), true));
                method.getBody().ifPresent(b -> sideEffectCalls(source, b, methodId, method, graph));
            }
        }
        if (method.getBody().isEmpty()) return null;
        Node body = method.getBody().get();
        readRetryTemplates(source, body, methodId, method, graph);

        List<MethodCallExpr> sites = callSites(body);
        if (sites.isEmpty()) return null;
        Map<MethodCallExpr, String> ids = new IdentityHashMap<>();
        Map<String, MethodCallExpr> byId = new LinkedHashMap<>();
        for (int i = 0; i < sites.size(); i++) {
            MethodCallExpr site = sites.get(i);
            String id = methodId + "/" + (i + 1);
            ids.put(site, id);
            byId.put(id, site);
            String name = type(fqcn) + "." + method.getNameAsString() + (sites.size() > 1 ? "#" + (i + 1) : "");
            graph.agent(new AgentNode(id, name, Framework.SPRING_AI, AgentNode.Kind.LLM, outputType(site),
                    Locations.of(source, site.getName())));
            // entity(clazz) with a Class or type token held in a variable (a generic wrapper): the bound type and
            // its constraints are its callers' to know, so no receive is judged here
            if (!site.getNameAsString().equals("content") && outputType(site) != null && !Sinks.onlyPrinted(site)) {
                graph.fact(new ReceiveSite(Locations.of(source, site.getName()), id, id, "ChatClient." + site.getNameAsString(),
                        outputType(site), validated(site, source), null));
            }
        }

        // every call of a site's chain, split over locals or not, belongs to that site
        Map<MethodCallExpr, String> members = new IdentityHashMap<>();
        for (MethodCallExpr site : sites) for (MethodCallExpr c : chainOf(site)) members.putIfAbsent(c, ids.get(site));

        for (MethodCallExpr site : sites) {
            catchesAround(site).ifPresent(outcome -> graph.fact(new ErrorHandlerSite(Locations.of(source, site.getName()),
                    ids.get(site), "catch", outcome)));
        }

        OutputFlow.Resolver resolver = new OutputFlow.Resolver() {
            @Override
            public Optional<OutputFlow.Producer> producerOf(Expression e) {
                if (e instanceof MethodCallExpr m && ids.containsKey(m)) {
                    return Optional.of(new OutputFlow.Producer(ids.get(m), outputType(m)));
                }
                return Optional.empty();
            }

            @Override
            public Optional<String> consumerOf(MethodCallExpr call) {
                if (!PROMPT_INPUTS.contains(call.getNameAsString())) return Optional.empty();
                return siteContaining(call, members);
            }
        };
        OutputFlow.Result flow = OutputFlow.analyze(body, resolver);

        Map<String, EnumSet<Edge.Use>> decided = new LinkedHashMap<>();
        // a branch on an output counts for the edges whose consumer it governs, not for every edge out of the producer
        Map<String, List<Node>> branches = new LinkedHashMap<>();
        for (OutputFlow.Decision d : flow.decisions()) {
            graph.fact(new OutputDecision(Locations.of(source, d.node()), d.producer().agent(), d.producer().javaType(),
                    d.operation(), d.node().toString()));
            boolean parse = d.operation().contains(".") || d.operation().startsWith("new ");
            if (parse) {
                decided.computeIfAbsent(d.producer().agent(), k -> EnumSet.noneOf(Edge.Use.class)).add(Edge.Use.PARSED);
            } else {
                branches.computeIfAbsent(d.producer().agent(), k -> new ArrayList<>()).add(d.node());
            }
        }
        for (OutputFlow.Binding b : flow.bindings()) {
            graph.fact(new ReceiveSite(Locations.of(source, b.call()), methodId, b.producer().agent(), b.mechanism(),
                    b.targetType(), false, b.mapper()));
            decided.computeIfAbsent(b.producer().agent(), k -> EnumSet.noneOf(Edge.Use.class)).add(Edge.Use.PARSED);
        }

        // forwards into another call's prompt: one edge per producer → consumer
        Map<String, Edge> edges = new LinkedHashMap<>();
        Map<Node, List<OutputFlow.Forward>> byOrigin = new IdentityHashMap<>();
        for (OutputFlow.Forward f : flow.forwards()) {
            byOrigin.computeIfAbsent(f.origin(), k -> new ArrayList<>()).add(f);
            String producer = f.producer().agent();
            String key = producer + "->" + f.consumer();
            if (edges.containsKey(key)) continue;
            String valueType = f.accessor() == null ? f.producer().javaType() : componentType(source, f.producer().javaType(), f.accessor());
            PayloadKind payload = PayloadKind.of(valueType);
            EnumSet<Edge.Use> uses = EnumSet.of(Edge.Use.INTERPOLATED);
            uses.addAll(decided.getOrDefault(producer, EnumSet.noneOf(Edge.Use.class)));
            MethodCallExpr consumerSite = byId.get(f.consumer());
            if (consumerSite != null && branches.getOrDefault(producer, List.of()).stream()
                    .anyMatch(d -> Branches.governs(d, consumerSite))) {
                uses.add(Edge.Use.BRANCHED);
            }
            MethodCallExpr producerSite = byId.get(producer);
            if (producerSite != null && asksForStructure(producerSite)) uses.add(Edge.Use.STRUCTURE_REQUESTED);
            if (producerSite != null && !producerSite.getNameAsString().equals("content") && validated(producerSite, source)) {
                uses.add(Edge.Use.VALIDATED);
            }
            ContractRef contract = payload == PayloadKind.TYPED ? new ContractRef(valueType, null, Locations.of(source, f.call().getName())) : null;
            Edge.Channel channel = f.call().getNameAsString().equals("param") ? Edge.Channel.PROMPT_PLACEHOLDER : Edge.Channel.RETURN_VALUE;
            String edgeKey = f.call().getNameAsString().equals("param") && f.call().getArguments().size() == 2
                    ? Literals.string(f.call().getArgument(0)).orElse(f.accessor()) : f.accessor();
            edges.put(key, new Edge(key, producer, f.consumer(), channel, edgeKey, payload, contract, null, Set.copyOf(uses),
                    Locations.of(source, f.call().getName())));
        }
        edges.values().forEach(graph::edge);
        // accessors spliced into another call's prompt text ("Handle as " + routing.selection()) are forwards too
        Map<Node, List<MethodCallExpr>> spliced = new IdentityHashMap<>();
        body.walk(MethodCallExpr.class, acc -> {
            if (!acc.getArguments().isEmpty() || !(acc.getScope().orElse(null) instanceof NameExpr n)) return;
            Optional<LocalTypes.Declaration> d = LocalTypes.of(n);
            if (d.isEmpty() || !(d.get().declaration() instanceof VariableDeclarator v)
                    || !(v.getInitializer().orElse(null) instanceof MethodCallExpr init) || !ids.containsKey(init)) {
                return;
            }
            for (Node p = acc.getParentNode().orElse(null); p != null && !(p instanceof MethodDeclaration); p = p.getParentNode().orElse(null)) {
                if (p instanceof MethodCallExpr pc && PROMPT_INPUTS.contains(pc.getNameAsString())) {
                    Optional<String> consumer = siteContaining(pc, members);
                    if (consumer.isPresent() && !consumer.get().equals(ids.get(init))) spliced.computeIfAbsent(v, k -> new ArrayList<>()).add(acc);
                    break;
                }
            }
        });
        Set<Node> origins = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        origins.addAll(byOrigin.keySet());
        origins.addAll(spliced.keySet());
        for (Node origin : origins) {
            List<OutputFlow.Forward> fs = byOrigin.getOrDefault(origin, List.of());
            List<MethodCallExpr> inText = spliced.getOrDefault(origin, List.of());
            List<String> accessors = new ArrayList<>();
            fs.stream().map(OutputFlow.Forward::accessor).filter(a -> a != null && !accessors.contains(a)).forEach(accessors::add);
            inText.stream().map(MethodCallExpr::getNameAsString).filter(a -> !accessors.contains(a)).forEach(accessors::add);
            boolean whole = Boolean.TRUE.equals(flow.wholeUse().get(origin)) || fs.stream().anyMatch(f -> f.accessor() == null);
            if (!fs.isEmpty()) {
                OutputFlow.Forward first = fs.get(0);
                graph.fact(new OutputForwarding(Locations.of(source, first.call().getName()), first.producer().agent(),
                        first.producer().javaType(), first.consumer(), List.copyOf(accessors), whole));
            } else {
                MethodCallExpr first = inText.get(0);
                MethodCallExpr init = (MethodCallExpr) ((VariableDeclarator) origin).getInitializer().get();
                String consumer = siteContaining(first, members).orElse(null);
                if (consumer == null) {
                    for (Node p = first.getParentNode().orElse(null); p != null && consumer == null; p = p.getParentNode().orElse(null)) {
                        if (p instanceof MethodCallExpr pc && PROMPT_INPUTS.contains(pc.getNameAsString())) consumer = siteContaining(pc, members).orElse(null);
                    }
                }
                graph.fact(new OutputForwarding(Locations.of(source, first.getName()), ids.get(init), outputType(init), consumer,
                        List.copyOf(accessors), whole));
            }
        }

        // decisions in code on an output that reaches no other prompt are OutputDecision facts (prose-sniffing),
        // not edges: the method that decides is code, not an agent
        return new MethodSites(method, ids, members);
    }

    @Override
    public void link(List<ParsedSource> sources, HandoffGraph.Builder graph) {
        // .tools(x) hands the @Tool methods of x's class to the call: a TOOL edge from each tool to the call
        // a loop that feeds one site's reply back into its own prompt
        for (ParsedSource source : sources) {
            if (!SideEffectVerbs.importsPackage(source.unit(), "org.springframework.ai")) continue;
            for (TypeDeclaration<?> type : source.unit().findAll(TypeDeclaration.class)) {
                String fqcn = type.getFullyQualifiedName().orElse(type.getNameAsString());
                for (MethodDeclaration method : type.getMethods()) {
                    if (method.getBody().isEmpty() || method.findAncestor(TypeDeclaration.class).orElse(null) != type) continue;
                    List<MethodCallExpr> sites = callSites(method.getBody().get());
                    if (!sites.isEmpty()) LoopCarried.link(sources, source, type, fqcn, method, sites, graph);
                }
            }
        }
        List<AgentNode> tools = graph.build().agents().values().stream()
                .filter(a -> a.kind() == AgentNode.Kind.TOOL && a.id().startsWith(PREFIX)).toList();
        if (tools.isEmpty()) return;
        for (ParsedSource source : sources) {
            CompilationUnit unit = source.unit();
            if (!SideEffectVerbs.importsPackage(unit, "org.springframework.ai")) continue;
            for (TypeDeclaration<?> type : unit.findAll(TypeDeclaration.class)) {
                String fqcn = type.getFullyQualifiedName().orElse(type.getNameAsString());
                for (MethodDeclaration method : type.getMethods()) {
                    if (method.getBody().isEmpty() || method.findAncestor(TypeDeclaration.class).orElse(null) != type) continue;
                    List<MethodCallExpr> sites = callSites(method.getBody().get());
                    for (int i = 0; i < sites.size(); i++) {
                        String consumer = PREFIX + fqcn + "#" + method.getNameAsString() + "/" + (i + 1);
                        for (MethodCallExpr c : chainOf(sites.get(i))) {
                            if (!c.getNameAsString().equals("tools")) continue;
                            for (Expression arg : c.getArguments()) {
                                String toolType = typeOf(arg, type);
                                if (toolType == null) continue;
                                String simple = Imports.simpleName(toolType);
                                for (AgentNode tool : toolsOf(tools, simple)) {
                                    PayloadKind kind = PayloadKind.of(tool.outputType());
                                    graph.edge(new Edge(tool.id() + "->" + consumer, tool.id(), consumer, Edge.Channel.TOOL,
                                            null, kind == PayloadKind.UNTYPED ? PayloadKind.UNKNOWN : kind, null, null,
                                            Set.of(Edge.Use.INTERPOLATED),
                                            Locations.of(source, arg)));
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private static List<AgentNode> toolsOf(List<AgentNode> tools, String simpleClass) {
        List<AgentNode> out = new ArrayList<>();
        for (AgentNode a : tools) {
            String owner = a.id().substring(PREFIX.length(), a.id().indexOf('#'));
            if (Imports.simpleName(owner).equals(simpleClass)) out.add(a);
        }
        return out;
    }

    private static String typeOf(Expression arg, TypeDeclaration<?> inType) {
        if (arg instanceof ObjectCreationExpr o) return o.getTypeAsString();
        if (arg instanceof ThisExpr) return inType.getNameAsString();
        return LocalTypes.of(arg).map(LocalTypes.Declaration::type).orElse(null);
    }

    private void readTool(ParsedSource source, String fqcn, MethodDeclaration method, HandoffGraph.Builder graph) {
        String id = PREFIX + fqcn + "#" + method.getNameAsString();
        Location loc = Locations.of(source, method.getName());
        graph.agent(new AgentNode(id, type(fqcn) + "." + method.getNameAsString(), Framework.SPRING_AI, AgentNode.Kind.TOOL,
                method.getTypeAsString(), loc));
        if (SideEffectVerbs.isSideEffecting(method.getNameAsString(), method.getParameters().size())
                || dev.baton.linter.frontend.javasyntax.SideEffects.of(method).isPresent()) {
            graph.fact(new SideEffect(loc, id, method.getNameAsString(), SideEffectVerbs.guarded(method)));
        }
    }

    private void sideEffectCalls(ParsedSource source, Node region, String scope, MethodDeclaration method,
                                 HandoffGraph.Builder graph) {
        boolean guarded = SideEffectVerbs.guarded(method);
        for (MethodCallExpr c : region.findAll(MethodCallExpr.class)) {
            if (c.getScope().isEmpty() || !SideEffectVerbs.isSideEffecting(c.getNameAsString(), c.getArguments().size())) continue;
            if (isChatClientChain(c)) continue;
            graph.fact(new SideEffect(Locations.of(source, c), scope, c.toString(), guarded));
        }
    }

    private void readRetryTemplates(ParsedSource source, Node body, String methodId, MethodDeclaration method,
                                    HandoffGraph.Builder graph) {
        for (MethodCallExpr c : body.findAll(MethodCallExpr.class)) {
            String name = c.getNameAsString();
            if (name.equals("infiniteRetry")) {
                graph.fact(new RetrySite(Locations.of(source, c), methodId, "RetryTemplate.infiniteRetry", OptionalInt.empty(), false));
            } else if ((name.equals("execute") || name.equals("invoke")) && c.getScope().isPresent()
                    && LocalTypes.of(c.getScope().get()).map(d -> Imports.simpleName(d.type()).equals("RetryTemplate")).orElse(false)) {
                graph.fact(new RetrySite(Locations.of(source, c), methodId, "RetryTemplate." + name, OptionalInt.empty(), true));
                for (Expression arg : c.getArguments()) {
                    if (arg instanceof LambdaExpr l) sideEffectCalls(source, l.getBody(), methodId, method, graph);
                }
            }
        }
        for (ObjectCreationExpr o : body.findAll(ObjectCreationExpr.class)) {
            if (o.getType().getNameAsString().equals("AlwaysRetryPolicy")) {
                graph.fact(new RetrySite(Locations.of(source, o), methodId, "AlwaysRetryPolicy", OptionalInt.empty(), false));
            }
        }
    }

    /**
     * The outcome of the nearest try/catch around a call site in its method: rethrow, escalate or some
     * other recovery. Empty when nothing catches (the failure propagates to whoever called the method).
     */
    private static Optional<ErrorHandlerSite.Outcome> catchesAround(MethodCallExpr site) {
        Node child = site;
        Node p = site.getParentNode().orElse(null);
        while (p != null && !(p instanceof MethodDeclaration)) {
            if (p instanceof TryStmt t && t.getTryBlock() == child && !t.getCatchClauses().isEmpty()) {
                ErrorHandlerSite.Outcome outcome = ErrorHandlerSite.Outcome.UNKNOWN;
                for (CatchClause c : t.getCatchClauses()) {
                    String body = SideEffectVerbs.code(c.getBody()).toLowerCase(java.util.Locale.ROOT);
                    if (body.contains("escalat")) return Optional.of(ErrorHandlerSite.Outcome.ESCALATE);
                    if (!c.getBody().findAll(ThrowStmt.class).isEmpty()) outcome = ErrorHandlerSite.Outcome.RETHROW;
                }
                return Optional.of(outcome);
            }
            child = p;
            p = p.getParentNode().orElse(null);
        }
        return Optional.empty();
    }

    /** The terminal {@code content()/entity(..)} calls of {@code prompt()…call()} chains, in source order. */
    static List<MethodCallExpr> callSites(Node body) {
        List<MethodCallExpr> out = new ArrayList<>();
        for (MethodCallExpr m : body.findAll(MethodCallExpr.class)) if (isCallSite(m)) out.add(m);
        out.sort((a, b) -> a.getBegin().get().compareTo(b.getBegin().get()));
        return out;
    }

    /**
     * The agent a call is, named as {@link #read} names it ({@code springai:<class>#<method>/<n>}), with its
     * output type: for other frontends that find a Spring AI call inside code they model (a LangGraph4j node).
     * Empty when the call is no call site, or lies outside a method of a named type (then no agent is read).
     */
    public static Optional<OutputFlow.Producer> producerOf(MethodCallExpr m) {
        if (!isCallSite(m)) return Optional.empty();
        Optional<MethodDeclaration> method = m.findAncestor(MethodDeclaration.class);
        if (method.isEmpty() || method.get().getBody().isEmpty()) return Optional.empty();
        if (!(method.get().getParentNode().orElse(null) instanceof TypeDeclaration<?> type)) return Optional.empty();
        List<MethodCallExpr> sites = callSites(method.get().getBody().get());
        int at = -1;
        for (int i = 0; i < sites.size() && at < 0; i++) if (sites.get(i) == m) at = i; // identity: nodes compare by structure
        if (at < 0) return Optional.empty();
        String fqcn = type.getFullyQualifiedName().orElse(type.getNameAsString());
        return Optional.of(new OutputFlow.Producer(PREFIX + fqcn + "#" + method.get().getNameAsString() + "/" + (at + 1), outputType(m)));
    }

    static boolean isCallSite(MethodCallExpr m) {
        if (!TERMINALS.contains(m.getNameAsString()) || m.getScope().isEmpty()) return false;
        List<MethodCallExpr> chain = chainOf(m);
        if (chain.size() < 3) return false;
        MethodCallExpr call = chain.get(chain.size() - 2);
        return call.getNameAsString().equals("call") && call.getArguments().isEmpty()
                && chain.stream().anyMatch(c -> c.getNameAsString().equals("prompt"));
    }

    private static boolean isChatClientChain(MethodCallExpr m) {
        return chainOf(m).stream().anyMatch(c -> c.getNameAsString().equals("prompt"));
    }

    /**
     * The calls of a site's chain, from {@code prompt()} to the terminal call. A chain split over locals
     * ({@code var spec = chatClient.prompt()…; var response = spec.call(); response.entity(X.class)}) is one
     * chain: a scope that names a local declared with an initialiser continues into that initialiser, when the
     * local is never reassigned (a few hops, no cycles). The request spec's builder methods return the same spec,
     * so calls made on the local in statements between ({@code spec.advisors(..)}) are not part of the chain.
     */
    static List<MethodCallExpr> chainOf(MethodCallExpr site) {
        List<MethodCallExpr> out = new ArrayList<>();
        Expression e = site;
        for (int hops = 0; hops < 4; ) {
            while (e instanceof MethodCallExpr c) {
                out.add(0, c);
                e = c.getScope().orElse(null);
            }
            if (!(e instanceof NameExpr n)) break;
            Optional<LocalTypes.Declaration> d = LocalTypes.of(n);
            if (d.isEmpty() || !(d.get().declaration() instanceof VariableDeclarator v) || v.getInitializer().isEmpty()
                    || !(v.getParentNode().orElse(null) instanceof com.github.javaparser.ast.expr.VariableDeclarationExpr)
                    || reassigned(v)) {
                break;
            }
            e = v.getInitializer().get();
            hops++;
        }
        return out;
    }

    /** Whether a local is assigned again after its declaration, anywhere in its method. */
    private static boolean reassigned(VariableDeclarator v) {
        Node scope = v.findAncestor(MethodDeclaration.class).map(Node.class::cast)
                .or(() -> v.findAncestor(LambdaExpr.class)).orElse(null);
        if (scope == null) return true;
        for (com.github.javaparser.ast.expr.AssignExpr a : scope.findAll(com.github.javaparser.ast.expr.AssignExpr.class)) {
            if (a.getTarget() instanceof NameExpr t && t.getNameAsString().equals(v.getNameAsString())
                    && LocalTypes.of(t).map(x -> x.declaration() == v).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> siteContaining(MethodCallExpr call, Map<MethodCallExpr, String> ids) {
        Node n = call;
        for (int depth = 0; depth < 8 && n != null; depth++) {
            Node top = n;
            while (true) {
                Node cur = top;
                if (cur.getParentNode().orElse(null) instanceof MethodCallExpr p && p.getScope().map(s -> s == cur).orElse(false)) {
                    top = p;
                } else {
                    break;
                }
            }
            if (top instanceof MethodCallExpr t && ids.containsKey(t)) return Optional.of(ids.get(t));
            Node up = top.getParentNode().orElse(null);
            while (up != null && !(up instanceof MethodCallExpr)) {
                if (up instanceof MethodDeclaration) return Optional.empty();
                up = up.getParentNode().orElse(null);
            }
            n = up;
        }
        return Optional.empty();
    }

    private static String outputType(MethodCallExpr site) {
        if (site.getNameAsString().equals("content")) return "String";
        if (site.getArguments().isEmpty()) return null;
        Expression a = site.getArgument(0);
        if (a instanceof ClassExpr c) return c.getTypeAsString();
        if (a instanceof ObjectCreationExpr o && o.getType().getNameAsString().equals("ParameterizedTypeReference")) {
            return o.getType().getTypeArguments().filter(t -> t.size() == 1).map(t -> t.get(0).asString()).orElse(null);
        }
        return null;
    }

    /**
     * Receiving-side validation of an {@code entity(..)} call: {@code validateSchema()}, provider-native
     * structured output, a {@code StructuredOutputValidationAdvisor} on the call or anywhere in the file
     * (it is usually registered once as a default advisor), or a record whose compact constructor
     * checks its components.
     */
    static boolean validated(MethodCallExpr site, ParsedSource source) {
        for (Expression arg : site.getArguments()) {
            for (MethodCallExpr c : arg.findAll(MethodCallExpr.class)) {
                if (c.getNameAsString().equals("validateSchema") || c.getNameAsString().equals("useProviderStructuredOutput")) return true;
            }
        }
        for (MethodCallExpr c : chainOf(site)) {
            if (c.getNameAsString().equals("advisors") && c.toString().contains("ENABLE_NATIVE_STRUCTURED_OUTPUT")) return true;
        }
        if (source.text().contains("StructuredOutputValidationAdvisor")) return true;
        String type = outputType(site);
        return type != null && RecordChecks.checksComponents(source.unit(), Imports.simpleName(type));
    }

    private static boolean asksForStructure(MethodCallExpr site) {
        StringBuilder text = new StringBuilder();
        for (MethodCallExpr c : chainOf(site)) {
            if (!Set.of("prompt", "user", "system").contains(c.getNameAsString())) continue;
            c.walk(Expression.class, e -> Literals.string(e).ifPresent(s -> text.append(s).append('\n')));
        }
        return StructureRequest.asked(text);
    }

    private static String componentType(ParsedSource source, String recordType, String accessor) {
        if (recordType == null) return null;
        String simple = Imports.simpleName(recordType);
        for (RecordDeclaration r : source.unit().findAll(RecordDeclaration.class)) {
            if (!r.getNameAsString().equals(simple)) continue;
            for (Parameter p : r.getParameters()) if (p.getNameAsString().equals(accessor)) return p.getTypeAsString();
        }
        return null;
    }

    private static String type(String fqcn) {
        return fqcn.substring(fqcn.lastIndexOf('.') + 1);
    }
}
