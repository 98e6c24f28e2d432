package dev.baton.linter.frontend.baton;

import com.github.javaparser.Position;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.type.Type;
import dev.baton.linter.frontend.Frontend;
import dev.baton.linter.frontend.ParsedSource;
import dev.baton.linter.graph.AgentNode;
import dev.baton.linter.graph.Chain;
import dev.baton.linter.graph.ContractRef;
import dev.baton.linter.graph.Edge;
import dev.baton.linter.graph.Framework;
import dev.baton.linter.graph.HandoffGraph;
import dev.baton.linter.graph.Location;
import dev.baton.linter.graph.PayloadKind;
import dev.baton.linter.graph.facts.AgentContract;
import dev.baton.linter.graph.facts.ErrorHandlerSite;
import dev.baton.linter.graph.facts.HumanStep;
import dev.baton.linter.graph.facts.ReceiveSite;
import dev.baton.linter.graph.facts.RetrySite;
import dev.baton.linter.graph.facts.SideEffect;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads Baton's own declarations ({@code dev.baton.runtime.*}): {@code HandoffChain.builder(..)}
 * with its {@code .agent(..)} and {@code .handoff(Handoff.from(..).to(..)...)} calls, and
 * {@code @AgentRole} classes with the places they bind agent output ({@code Boundary} receive sites
 * are validated; {@code ObjectMapper/JsonMapper.readValue} and {@code Gson.fromJson} are not).
 *
 * <p>Agent ids are {@code baton:<name>}: an {@code @AgentRole("x")} class implements agent {@code x}
 * of whichever chain declares it. Chain ids are {@code baton-chain:<name>}, edge ids
 * {@code baton:<chain>/<producer>-><consumer>}.
 */
public final class BatonFrontend implements Frontend {
    private static final Set<String> TRIGGERS = Set.of("dev.baton.runtime", "AgentRole", "HandoffChain");
    private static final Set<String> JACKSON_MAPPERS = Set.of("ObjectMapper", "JsonMapper", "ObjectReader");
    private static final Set<String> GSON = Set.of("Gson");

    @Override
    public Set<String> triggers() {
        return TRIGGERS;
    }

    public static String agentId(String name) {
        return "baton:" + name;
    }

    public static String chainId(String name) {
        return "baton-chain:" + name;
    }

    /** The id of the declared edge {@code from -> to} of chain {@code chain}. */
    public static String edgeId(String chain, String from, String to) {
        return "baton:" + chain + "/" + from + "->" + to;
    }

    /** Whether a declared edge belongs to the Baton chain with this name. */
    public static boolean declaredIn(String chain, dev.baton.linter.graph.Edge edge) {
        return edge.channel() == Edge.Channel.DECLARED && edge.id().startsWith("baton:" + chain + "/");
    }

    @Override
    public void read(ParsedSource source, HandoffGraph.Builder graph) {
        BatonNames names = new BatonNames(source.unit(), source.text());
        if (!names.anyImported()) return;
        for (MethodCallExpr call : source.unit().findAll(MethodCallExpr.class)) {
            if (call.getNameAsString().equals("builder") && call.getScope().isPresent()
                    && names.isType(call.getScope().get(), "HandoffChain")) {
                readChain(source, names, call, graph);
            }
        }
        for (TypeDeclaration<?> type : source.unit().findAll(TypeDeclaration.class)) {
            roleOf(type, names).ifPresent(role -> readRole(source, names, type, role, graph));
        }
    }

    // ---- chains ----------------------------------------------------------------------------------------------

    private void readChain(ParsedSource src, BatonNames names, MethodCallExpr builderCall, HandoffGraph.Builder graph) {
        if (builderCall.getArguments().isEmpty()) return;
        // A name computed at run time still gets its edges checked, under the expression as written.
        String chainName = names.string(builderCall.getArgument(0)).orElse(builderCall.getArgument(0).toString());
        String chainId = chainId(chainName);
        List<MethodCallExpr> calls = builderCalls(builderCall);
        List<String> agents = new ArrayList<>();
        for (MethodCallExpr c : calls) {
            if (!c.getNameAsString().equals("agent") || c.getArguments().isEmpty()) continue;
            Optional<String> name = names.string(c.getArgument(0));
            if (name.isEmpty()) continue;
            String id = agentId(name.get());
            agents.add(id);
            Location loc = at(src, c.getArgument(0));
            boolean sideEffect = c.getArguments().size() > 1 && c.getArgument(1).toString().endsWith("SIDE_EFFECT");
            graph.agent(new AgentNode(id, name.get(), Framework.BATON, AgentNode.Kind.LLM, null, loc));
            if (sideEffect) graph.fact(new SideEffect(loc, id, "agent '" + name.get() + "' is declared AgentKind.SIDE_EFFECT", false));
        }
        graph.chain(new Chain(chainId, chainName, Framework.BATON, List.copyOf(agents), at(src, builderCall)));
        for (MethodCallExpr c : calls) {
            if (c.getNameAsString().equals("handoff") && c.getArguments().size() == 1) {
                readHandoff(src, names, chainName, c.getArgument(0), graph);
            }
        }
    }

    /**
     * The calls made on a builder: the fluent chain after {@code builderCall}, plus calls on a local the
     * builder was assigned to ({@code var b = HandoffChain.builder("x"); b.agent("a");}).
     */
    private static List<MethodCallExpr> builderCalls(MethodCallExpr builderCall) {
        List<MethodCallExpr> out = new ArrayList<>();
        Node cur = builderCall;
        while (cur.getParentNode().isPresent() && cur.getParentNode().get() instanceof MethodCallExpr parent
                && parent.getScope().map(s -> s == builderCall || isFluentOn(s, builderCall)).orElse(false)) {
            out.add(parent);
            cur = parent;
        }
        // the top of the fluent chain may be assigned to a local that receives more calls
        Node top = cur;
        if (top.getParentNode().isPresent() && top.getParentNode().get() instanceof VariableDeclarator v) {
            String var = v.getNameAsString();
            Node body = v.getParentNode().flatMap(Node::getParentNode).flatMap(Node::getParentNode).orElse(null);
            if (body != null) {
                for (MethodCallExpr m : body.findAll(MethodCallExpr.class)) {
                    Expression root = rootScope(m);
                    if (root instanceof NameExpr n && n.getNameAsString().equals(var)) out.add(m);
                }
            }
        }
        return out;
    }

    private static boolean isFluentOn(Expression scope, MethodCallExpr base) {
        Expression e = scope;
        while (e instanceof MethodCallExpr m) {
            if (m == base) return true;
            e = m.getScope().orElse(null);
        }
        return false;
    }

    private static Expression rootScope(MethodCallExpr m) {
        Expression e = m;
        while (e instanceof MethodCallExpr mc && mc.getScope().isPresent()) e = mc.getScope().get();
        return e;
    }

    private void readHandoff(ParsedSource src, BatonNames names, String chainName, Expression arg,
                             HandoffGraph.Builder graph) {
        Expression expr = arg;
        if (arg instanceof NameExpr) expr = names.initializer(arg).orElse(arg);
        // Flatten Handoff.from("a").to("b").contract(..)...: collect each call by name.
        List<MethodCallExpr> steps = new ArrayList<>();
        Expression e = expr;
        while (e instanceof MethodCallExpr m) {
            steps.add(0, m);
            e = m.getScope().orElse(null);
        }
        if (steps.isEmpty() || !steps.get(0).getNameAsString().equals("from")
                || steps.get(0).getScope().isEmpty() || !names.isType(steps.get(0).getScope().get(), "Handoff")) return;
        String from = null, to = null, owner = null;
        ContractRef contract = null;
        MethodCallExpr recovery = null, escalation = null, ownedBy = null;
        for (MethodCallExpr s : steps) {
            String n = s.getNameAsString();
            Expression a0 = s.getArguments().isEmpty() ? null : s.getArgument(0);
            switch (n) {
                case "from" -> from = a0 == null ? null : names.string(a0).orElse(null);
                case "to" -> to = a0 == null ? null : names.string(a0).orElse(null);
                case "contract" -> contract = a0 == null ? null : contract(src, names, a0).orElse(null);
                case "ownedBy" -> {
                    owner = a0 == null ? null : names.string(a0).orElse(null);
                    ownedBy = s;
                }
                case "recovery" -> recovery = s;
                case "escalateTo" -> escalation = s;
                default -> { }
            }
        }
        if (from == null || to == null) return;
        Location loc = at(src, expr);
        String producer = agentId(from), consumer = agentId(to);
        String edgeId = edgeId(chainName, from, to);
        PayloadKind payload = contract == null ? PayloadKind.UNKNOWN
                : contract.schemaPath() != null ? PayloadKind.TYPED : PayloadKind.of(contract.javaType());
        graph.edge(new Edge(edgeId, producer, consumer, Edge.Channel.DECLARED, null, payload, contract,
                owner == null ? null : agentId(owner), EnumSet.noneOf(Edge.Use.class), loc));
        if (contract != null) {
            graph.fact(new AgentContract(contract.location(), producer, AgentContract.Direction.OUTPUT, contract));
        }
        if (recovery != null) {
            graph.fact(new RetrySite(at(src, recovery.getArgument(0)), edgeId, "Recovery", bound(recovery), true));
        }
        if (escalation != null) {
            boolean human = escalation.toString().contains("toHuman");
            graph.fact(new ErrorHandlerSite(at(src, escalation.getArgument(0)), edgeId, "escalateTo",
                    human ? ErrorHandlerSite.Outcome.ESCALATE : ErrorHandlerSite.Outcome.UNKNOWN));
            if (human) {
                // Baton's escalation writes a durable record with a deadline and resumes only on a validated decision.
                graph.fact(new HumanStep(at(src, escalation.getArgument(0)), edgeId, "Escalation.toHuman", true,
                        false, true, false));
            }
        } else if (ownedBy != null || recovery != null) {
            // Owned, maybe retried, then nothing: when recovery runs out the run ends with the error.
            graph.fact(new ErrorHandlerSite(at(src, ownedBy != null ? ownedBy.getArgument(0) : recovery.getArgument(0)),
                    edgeId, ownedBy != null ? "ownedBy" : "recovery", ErrorHandlerSite.Outcome.RETHROW));
        }
    }

    private static OptionalInt bound(MethodCallExpr recovery) {
        int sum = 0;
        boolean any = false;
        for (IntegerLiteralExpr i : recovery.getArgument(0).findAll(IntegerLiteralExpr.class)) {
            sum += i.asNumber().intValue();
            any = true;
        }
        return any ? OptionalInt.of(sum) : OptionalInt.empty();
    }

    /** {@code Contract.of(X.class)}, {@code Contract.of(X.class, "s.json")}, {@code Contract.schema("s.json")}, or a constant holding one. */
    static Optional<ContractRef> contract(ParsedSource src, BatonNames names, Expression e) {
        Expression expr = e;
        if (e instanceof NameExpr || e instanceof FieldAccessExpr) expr = names.initializer(e).orElse(e);
        if (!(expr instanceof MethodCallExpr m) || m.getScope().isEmpty() || !names.isType(m.getScope().get(), "Contract")) {
            return Optional.empty();
        }
        String type = null, schema = null;
        for (Expression a : m.getArguments()) {
            if (a instanceof ClassExpr c) type = c.getType().asString();
            Optional<String> s = names.string(a);
            if (s.isPresent()) schema = s.get();
        }
        if (m.getNameAsString().equals("schema") && schema == null) return Optional.empty();
        return Optional.of(new ContractRef(type, schema, at(src, expr)));
    }

    // ---- agent roles -------------------------------------------------------------------------------------

    private static Optional<String> roleOf(TypeDeclaration<?> type, BatonNames names) {
        for (AnnotationExpr a : type.getAnnotations()) {
            if (!names.is(a.getNameAsString(), "AgentRole")) continue;
            Expression v = a instanceof SingleMemberAnnotationExpr s ? s.getMemberValue()
                    : a instanceof NormalAnnotationExpr n ? n.getPairs().stream().filter(p -> p.getNameAsString().equals("value"))
                    .map(p -> p.getValue()).findFirst().orElse(null) : null;
            if (v != null) return names.string(v);
        }
        return Optional.empty();
    }

    private void readRole(ParsedSource src, BatonNames names, TypeDeclaration<?> type, String role,
                          HandoffGraph.Builder graph) {
        String agent = agentId(role);
        for (MethodCallExpr call : type.findAll(MethodCallExpr.class)) {
            if (!belongsTo(call, type)) continue;
            String name = call.getNameAsString();
            Optional<Expression> scope = call.getScope();
            if ((name.equals("of") || name.equals("builder")) && scope.isPresent() && names.isType(scope.get(), "Boundary")) {
                if (!call.getArguments().isEmpty()) {
                    contract(src, names, call.getArgument(0)).ifPresent(c ->
                            graph.fact(new AgentContract(c.location(), agent, AgentContract.Direction.INPUT, c)));
                }
                continue;
            }
            if ((name.equals("receive") || name.equals("receiveOrThrow")) && scope.isPresent()
                    && isBoundary(scope.get(), names, type)) {
                graph.fact(new ReceiveSite(at(src, call.getName()), agent, null, "Boundary." + name, null, true,
                        scope.get().toString()));
                continue;
            }
            if ((name.equals("readValue") || name.equals("treeToValue") || name.equals("convertValue"))
                    && scope.isPresent() && isMapper(scope.get(), JACKSON_MAPPERS, names, type)) {
                if (readsFromFileOrResource(call)) continue;
                graph.fact(new ReceiveSite(at(src, call.getName()), agent, null, mapperType(scope.get(), type, JACKSON_MAPPERS)
                        + "." + name, targetType(call), validatedNearby(call), scope.get().toString()));
                continue;
            }
            if (name.equals("fromJson") && scope.isPresent() && isMapper(scope.get(), GSON, names, type)) {
                if (readsFromFileOrResource(call)) continue;
                graph.fact(new ReceiveSite(at(src, call.getName()), agent, null, "Gson.fromJson", targetType(call),
                        validatedNearby(call), scope.get().toString()));
            }
        }
    }

    /** Calls in nested types with their own role are theirs, not this type's. */
    private static boolean belongsTo(Node n, TypeDeclaration<?> type) {
        Node p = n.getParentNode().orElse(null);
        while (p != null && p != type) {
            if (p instanceof TypeDeclaration<?> t && t.getAnnotations().stream().anyMatch(a -> a.getNameAsString().endsWith("AgentRole"))) {
                return false;
            }
            p = p.getParentNode().orElse(null);
        }
        return true;
    }

    private static boolean isBoundary(Expression scope, BatonNames names, TypeDeclaration<?> type) {
        if (scope instanceof MethodCallExpr m) {
            return m.getNameAsString().equals("boundary") || m.getNameAsString().equals("of") || m.getNameAsString().equals("build");
        }
        Optional<Type> declared = declaredType(scope, type);
        return declared.map(t -> names.is(rawName(t), "Boundary")).orElse(false);
    }

    private static boolean isMapper(Expression scope, Set<String> mapperTypes, BatonNames names, TypeDeclaration<?> type) {
        if (scope instanceof ObjectCreationExpr o) return mapperTypes.contains(o.getType().getNameAsString());
        if (scope instanceof MethodCallExpr m) {
            // JsonMapper.builder()...build(), mapper.readerFor(X.class)
            Expression root = rootScope(m);
            if (root instanceof NameExpr n && mapperTypes.contains(n.getNameAsString())) return true;
            return root instanceof NameExpr n2 && declaredType(n2, type).map(t -> mapperTypes.contains(rawName(t))).orElse(false);
        }
        return declaredType(scope, type).map(t -> mapperTypes.contains(rawName(t))).orElse(false);
    }

    private static String mapperType(Expression scope, TypeDeclaration<?> type, Set<String> mapperTypes) {
        if (scope instanceof ObjectCreationExpr o) return o.getType().getNameAsString();
        return declaredType(scope, type).map(BatonFrontend::rawName).filter(mapperTypes::contains).orElse("ObjectMapper");
    }

    /** The declared type of a field, parameter or local named by {@code scope}, looked up in {@code type}. */
    private static Optional<Type> declaredType(Expression scope, TypeDeclaration<?> type) {
        String name = scope instanceof NameExpr n ? n.getNameAsString()
                : scope instanceof FieldAccessExpr f && f.getScope().isThisExpr() ? f.getNameAsString() : null;
        if (name == null) return Optional.empty();
        for (VariableDeclarator v : type.findAll(VariableDeclarator.class)) {
            if (!v.getNameAsString().equals(name)) continue;
            if (v.getType().isVarType() && v.getInitializer().isPresent() && v.getInitializer().get() instanceof ObjectCreationExpr o) {
                return Optional.of(o.getType());
            }
            return Optional.of(v.getType());
        }
        for (Parameter p : type.findAll(Parameter.class)) if (p.getNameAsString().equals(name)) return Optional.of(p.getType());
        return Optional.empty();
    }

    private static String rawName(Type t) {
        String s = t.asString();
        int lt = s.indexOf('<');
        if (lt >= 0) s = s.substring(0, lt);
        return s.substring(s.lastIndexOf('.') + 1);
    }

    private static boolean readsFromFileOrResource(MethodCallExpr call) {
        if (call.getArguments().isEmpty()) return false;
        String first = call.getArgument(0).toString();
        return first.startsWith("new File(") || first.contains("Path.of(") || first.contains("Paths.get(")
                || first.contains("getResource") || first.contains("Files.") || first.startsWith("new FileInputStream(");
    }

    private static String targetType(MethodCallExpr call) {
        for (Expression a : call.getArguments()) {
            if (a instanceof ClassExpr c) return c.getType().asString();
        }
        for (Expression a : call.getArguments()) {
            if (a instanceof ObjectCreationExpr o && o.getType().getNameAsString().equals("TypeReference")) {
                return o.getType().getTypeArguments().map(args -> args.isEmpty() ? null : args.get(0).asString()).orElse(null);
            }
        }
        return null;
    }

    /**
     * Whether the enclosing method validates before or after binding: a JSON Schema {@code validate(..)}
     * call or a Bean Validation {@code validator.validate(..)} on the bound value. Seen anywhere in the
     * method, because the source does not show control flow well enough to ask more.
     */
    private static boolean validatedNearby(MethodCallExpr call) {
        Node method = call.findAncestor(com.github.javaparser.ast.body.CallableDeclaration.class).map(n -> (Node) n).orElse(null);
        if (method == null) return false;
        return method.findAll(MethodCallExpr.class).stream().anyMatch(m -> m.getNameAsString().equals("validate")
                || m.getNameAsString().equals("receive") || m.getNameAsString().equals("receiveOrThrow"));
    }

    static Location at(ParsedSource src, Node node) {
        Position p = node.getBegin().orElse(new Position(0, 0));
        return new Location(src.path(), p.line, p.column);
    }
}
