package dev.baton.linter.frontend.agentic;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.baton.linter.frontend.Frontend;
import dev.baton.linter.frontend.ParsedSource;
import dev.baton.linter.frontend.javasyntax.AgentPrompt;
import dev.baton.linter.frontend.javasyntax.CallChain;
import dev.baton.linter.frontend.javasyntax.HandlerOutcomes;
import dev.baton.linter.frontend.javasyntax.HumanWaits;
import dev.baton.linter.frontend.javasyntax.Imports;
import dev.baton.linter.frontend.javasyntax.KeyNames;
import dev.baton.linter.frontend.javasyntax.Literals;
import dev.baton.linter.frontend.javasyntax.LocalTypes;
import dev.baton.linter.frontend.javasyntax.Locations;
import dev.baton.linter.frontend.javasyntax.Placeholders;
import dev.baton.linter.graph.AgentNode;
import dev.baton.linter.graph.Chain;
import dev.baton.linter.graph.Framework;
import dev.baton.linter.graph.HandoffGraph;
import dev.baton.linter.graph.Location;
import dev.baton.linter.graph.facts.ErrorHandlerSite;
import dev.baton.linter.graph.facts.HumanStep;
import dev.baton.linter.graph.facts.KeyAccess;
import dev.baton.linter.graph.facts.ParallelGroup;
import dev.baton.linter.graph.facts.RetrySite;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * LangChain4j agentic ({@code langchain4j-agentic}): {@code @Agent} methods, scope keys
 * ({@code outputKey}/{@code typedOutputKey} written, {@code @V}/{@code @K}/parameter names and
 * {@code {{key}}} placeholders read), the workflow builders and their declarative annotations,
 * error handlers, loops and human steps. Accepts the older names {@code outputName} and
 * {@code @SubAgent}.
 *
 * <p>Agent ids are {@code lc4j:<qualified type name>}: the framework builds one agent per type with
 * one {@code @Agent} method, so a builder call {@code agentBuilder(X.class)} in another file names the
 * same agent without seeing its declaration.
 */
public final class AgenticFrontend implements Frontend {
    /** Keys only match inside one namespace; all LangChain4j agentic code of a project shares one scope model. */
    public static final String NAMESPACE = "lc4j-agentic";
    /** Prefix of the namespace of one agent's prompt template: its variables and the parameters that bind them. */
    public static final String TEMPLATE_NAMESPACE = KeyNames.TEMPLATE_NAMESPACE;
    static final String PKG = "dev.langchain4j.agentic";
    static final String DECL = PKG + ".declarative";
    private static final Set<String> COMPOSITE_BUILDERS = Set.of("sequenceBuilder", "parallelBuilder", "loopBuilder",
            "conditionalBuilder", "supervisorBuilder", "parallelMapperBuilder", "plannerBuilder");
    private static final Map<String, String> COMPOSITE_ANNOTATIONS = Map.of(
            "SequenceAgent", "sequence", "ParallelAgent", "parallel", "LoopAgent", "loop", "ConditionalAgent", "conditional",
            "SupervisorAgent", "supervisor", "ParallelMapperAgent", "parallelMapper", "PlannerAgent", "planner");
    private static final Set<String> BUILTIN_VARIABLES = Set.of("it", "current_date", "current_time", "current_date_time");

    @Override
    public Set<String> triggers() {
        return Set.of("dev.langchain4j.agentic");
    }

    @Override
    public void read(ParsedSource source, HandoffGraph.Builder graph) {
        Imports imports = Imports.of(source.unit());
        if (!imports.importsFrom(PKG)) return;
        new FileReading(source, imports, graph).run();
    }

    @Override
    public void link(List<ParsedSource> sources, HandoffGraph.Builder graph) {
        AgenticLinks.link(sources, graph);
        RouteCoverage.link(sources, graph);
    }

    /** Agent id of a type as written in a file. */
    static String agentId(Imports imports, String typeName) {
        return "lc4j:" + imports.resolve(typeName).orElse(typeName);
    }

    private static final class FileReading {
        private final ParsedSource source;
        private final Imports imports;
        private final HandoffGraph.Builder graph;

        FileReading(ParsedSource source, Imports imports, HandoffGraph.Builder graph) {
            this.source = source;
            this.imports = imports;
            this.graph = graph;
        }

        void run() {
            source.unit().walk(TypeDeclaration.class, this::type);
            source.unit().walk(MethodCallExpr.class, this::call);
        }

        private Location at(Node n) {
            return Locations.of(source, n);
        }

        private Optional<AnnotationExpr> annotation(com.github.javaparser.ast.nodeTypes.NodeWithAnnotations<?> n, String fqn) {
            for (AnnotationExpr a : n.getAnnotations()) if (imports.refersTo(a.getNameAsString(), fqn)) return Optional.of(a);
            return Optional.empty();
        }

        private String fqn(TypeDeclaration<?> t) {
            return t.getFullyQualifiedName().orElse(t.getNameAsString());
        }

        // ---- declarations -------------------------------------------------------------------

        private void type(TypeDeclaration<?> type) {
            String id = "lc4j:" + fqn(type);
            for (MethodDeclaration m : type.getMethods()) {
                Optional<AnnotationExpr> agent = annotation(m, PKG + ".Agent");
                Optional<String> composite = compositeAnnotation(m);
                Optional<AnnotationExpr> human = annotation(m, DECL + ".HumanInTheLoop");
                if (composite.isPresent()) {
                    compositeDeclaration(type, m, id, composite.get());
                } else if (human.isPresent()) {
                    humanMethod(type, m, human.get());
                } else if (agent.isPresent()) {
                    agentMethod(type, m, id, agent.get());
                }
                for (String cond : List.of("ExitCondition", "ActivationCondition", "Output")) {
                    annotation(m, DECL + "." + cond).ifPresent(a -> parameterReads(m, id + "#" + m.getNameAsString(), false));
                }
                annotation(m, DECL + ".ErrorHandler").ifPresent(a -> errorHandler(m, id, "@ErrorHandler"));
            }
        }

        private Optional<String> compositeAnnotation(MethodDeclaration m) {
            for (Map.Entry<String, String> e : COMPOSITE_ANNOTATIONS.entrySet()) {
                if (annotation(m, DECL + "." + e.getKey()).isPresent()) return Optional.of(e.getKey());
            }
            return Optional.empty();
        }

        private void agentMethod(TypeDeclaration<?> type, MethodDeclaration m, String id, AnnotationExpr agent) {
            boolean llm = type.isClassOrInterfaceDeclaration() && type.asClassOrInterfaceDeclaration().isInterface();
            String name = Literals.stringAttribute(agent, "name").filter(s -> !s.isBlank()).orElse(type.getNameAsString());
            graph.agent(new AgentNode(id, name, Framework.LANGCHAIN4J_AGENTIC, llm ? AgentNode.Kind.LLM : AgentNode.Kind.CODE,
                    m.getTypeAsString(), at(m.getName())));
            outputKey(agent, id, m.getTypeAsString(), AgenticKeyUse.Origin.OUTPUT_KEY);
            parameterReads(m, id, true);
            String prompt = promptText(m, type);
            Location anchor = null;
            List<String> variables = new ArrayList<>();
            List<Location> variableAt = new ArrayList<>();
            if (!prompt.isEmpty()) {
                graph.fact(new AgentPrompt(at(m.getName()), id, prompt));
                Node a = promptAnchor(m, type);
                anchor = at(a);
                for (Placeholders.Placeholder p : Placeholders.doubleBraced(prompt)) {
                    if (BUILTIN_VARIABLES.contains(p.name()) || variables.contains(p.name())) continue;
                    variables.add(p.name());
                    Location line = lineOf(a, p.name());
                    variableAt.add(line);
                    graph.fact(new AgenticKeyUse(line, p.name(), KeyAccess.Access.READ, id, null, AgenticKeyUse.Origin.PLACEHOLDER));
                }
            }
            // a template taken whole from a parameter (@UserMessage on a parameter) hides its variables
            boolean opaque = m.getParameters().stream().anyMatch(p -> annotation(p, "dev.langchain4j.service.UserMessage").isPresent());
            graph.fact(new AgenticDeclaration(at(m.getName()), id, opaque ? null : anchor, opaque ? List.of() : List.copyOf(variables),
                    opaque ? List.of() : List.copyOf(variableAt)));
        }

        /** The line of a prompt annotation that spells {@code {{name}}} (a text block spans many), else the annotation's. */
        private Location lineOf(Node annotation, String name) {
            Location at = at(annotation);
            int begin = annotation.getBegin().map(p -> p.line).orElse(0);
            int end = annotation.getEnd().map(p -> p.line).orElse(begin);
            String[] lines = source.text().split("\n", -1);
            java.util.regex.Pattern var = java.util.regex.Pattern.compile("\\{\\{\\s*" + java.util.regex.Pattern.quote(name) + "\\s*}}");
            for (int l = begin; l <= end && l >= 1 && l <= lines.length; l++) {
                java.util.regex.Matcher found = var.matcher(lines[l - 1]);
                if (found.find()) return l == at.line() ? at : new Location(at.file(), l, found.start() + 1);
            }
            return at;
        }

        private Node promptAnchor(MethodDeclaration m, TypeDeclaration<?> type) {
            Optional<AnnotationExpr> user = annotation(m, "dev.langchain4j.service.UserMessage");
            if (user.isPresent()) return user.get();
            return annotation(m, "dev.langchain4j.service.SystemMessage").map(a -> (Node) a).orElse(m.getName());
        }

        private String promptText(MethodDeclaration m, TypeDeclaration<?> type) {
            StringBuilder sb = new StringBuilder();
            for (String n : List.of("SystemMessage", "UserMessage")) {
                annotation(m, "dev.langchain4j.service." + n).flatMap(a -> Literals.stringAttribute(a, "value"))
                        .ifPresent(s -> sb.append(s).append('\n'));
            }
            return sb.toString();
        }

        /**
         * Template variables are filled from the agent method's arguments only, never straight from the
         * scope: a variable no parameter binds fails every run. It is recorded twice: as a read of the
         * scope key (a near-miss of a written key names the likely intent) and as a read in the
         * method's own template namespace, where only its parameters write.
         */
        private void placeholders(String prompt, Set<String> bound, String agent, Node anchor) {
            Set<String> unbound = new LinkedHashSet<>();
            for (Placeholders.Placeholder p : Placeholders.doubleBraced(prompt)) {
                String key = p.name();
                boolean open = !bound.contains(key) && !BUILTIN_VARIABLES.contains(key);
                use(anchor, key, KeyAccess.Access.READ, agent, null, AgenticKeyUse.Origin.PLACEHOLDER, false);
                if (open && unbound.add(key)) {
                    graph.fact(new KeyAccess(at(anchor), TEMPLATE_NAMESPACE + agent, key, KeyAccess.Access.READ, agent));
                }
            }
            for (String b : bound) {
                if (unbound.stream().anyMatch(u -> KeyNames.nearMiss(b, u))) {
                    graph.fact(new KeyAccess(at(anchor), TEMPLATE_NAMESPACE + agent, b, KeyAccess.Access.WRITE, "caller:" + agent));
                }
            }
        }

        private void outputKey(AnnotationExpr a, String agent, String type, AgenticKeyUse.Origin origin) {
            for (String attr : List.of("outputKey", "outputName")) {
                Literals.attribute(a, attr).ifPresent(v -> Literals.string(v).filter(s -> !s.isBlank())
                        .ifPresent(k -> use(v, k, origin == AgenticKeyUse.Origin.COMPOSITE_OUTPUT ? KeyAccess.Access.READ
                                : KeyAccess.Access.WRITE, agent, type, origin, true)));
            }
            Literals.classAttribute(a, "typedOutputKey").forEach(k -> use(a, Imports.simpleName(k),
                    origin == AgenticKeyUse.Origin.COMPOSITE_OUTPUT ? KeyAccess.Access.READ : KeyAccess.Access.WRITE,
                    agent, type, origin, keyClass(k), null));
        }

        /** Records the scope keys a method's parameters read; returns the names bound for its templates. */
        private Set<String> parameterReads(MethodDeclaration m, String agent, boolean templateNames) {
            Set<String> bound = new LinkedHashSet<>();
            for (Parameter p : m.getParameters()) {
                String t = p.getTypeAsString();
                if (imports.refersTo(t, PKG + ".scope.AgenticScope") || Imports.simpleName(t).equals("AgenticScope")) continue;
                if (annotation(p, "dev.langchain4j.service.MemoryId").isPresent()) continue;
                if (annotation(p, DECL + ".LoopCounter").isPresent()) continue;
                if (annotation(p, "dev.langchain4j.service.UserMessage").isPresent()) continue;
                // the framework's order (AgenticParameterNameResolver): @V, else @K's TypedKey name, else the Java name
                String key = p.getNameAsString();
                String keyType = null;
                Optional<AnnotationExpr> v = annotation(p, "dev.langchain4j.service.V");
                Optional<AnnotationExpr> k = annotation(p, DECL + ".K");
                if (v.isPresent()) key = Literals.stringAttribute(v.get(), "value").orElse(key);
                else if (k.isPresent()) {
                    Optional<String> c = Literals.classAttribute(k.get(), "value").stream().findFirst();
                    if (c.isPresent()) {
                        key = Imports.simpleName(c.get());
                        keyType = keyClass(c.get());
                    }
                }
                bound.add(key);
                use(p, key, KeyAccess.Access.READ, agent, t, AgenticKeyUse.Origin.PARAMETER, keyType, null);
            }
            return bound;
        }

        private void compositeDeclaration(TypeDeclaration<?> type, MethodDeclaration m, String id, String kind) {
            AnnotationExpr a = annotation(m, DECL + "." + kind).orElseThrow();
            List<String> subs = new ArrayList<>();
            for (String c : Literals.classAttribute(a, "subAgents")) subs.add(agentId(imports, c));
            // @SubAgent(type = X.class, outputName = "k"), the form before subAgents = {...}
            Literals.attribute(a, "subAgents").ifPresent(v -> v.walk(AnnotationExpr.class, sub -> {
                if (!Imports.simpleName(sub.getNameAsString()).equals("SubAgent")) return;
                List<String> t = Literals.classAttribute(sub, "type");
                if (t.isEmpty()) return;
                String subId = agentId(imports, t.get(0));
                subs.add(subId);
                outputKey(sub, subId, null, AgenticKeyUse.Origin.OUTPUT_KEY);
            }));
            // @ParallelMapperAgent(subAgent = X.class, itemsProvider = "items")
            for (String c : Literals.classAttribute(a, "subAgent")) subs.add(agentId(imports, c));
            Literals.stringAttribute(a, "itemsProvider").filter(s -> !s.isBlank()).ifPresent(k ->
                    use(Literals.attribute(a, "itemsProvider").map(x -> (Node) x).orElse(a), k, KeyAccess.Access.READ, id, null,
                            AgenticKeyUse.Origin.INPUT_KEY, true));
            boolean computed = type.getMethods().stream().anyMatch(o -> annotation(o, DECL + ".Output").isPresent());
            graph.fact(new AgenticComposite(at(m.getName()), id, COMPOSITE_ANNOTATIONS.get(kind), List.copyOf(subs), id, computed, false));
            graph.fact(new AgenticDeclaration(at(m.getName()), id, null, List.of(), List.of()));
            String name = Literals.stringAttribute(a, "name").filter(s -> !s.isBlank()).orElse(type.getNameAsString());
            graph.agent(new AgentNode(id, name, Framework.LANGCHAIN4J_AGENTIC, AgentNode.Kind.COMPOSITE, m.getTypeAsString(), at(m.getName())));
            graph.chain(new Chain(id, name, Framework.LANGCHAIN4J_AGENTIC, List.copyOf(subs), at(m.getName())));
            if (kind.equals("ParallelAgent")) graph.fact(new ParallelGroup(at(a), id, List.copyOf(subs)));
            if (kind.equals("SupervisorAgent") || kind.equals("PlannerAgent")) graph.fact(new Supervision(at(a), id, List.copyOf(subs)));
            outputKey(a, id, m.getTypeAsString(), AgenticKeyUse.Origin.COMPOSITE_OUTPUT);
            // the composite's own parameters: written by its caller when it is the root, read from the scope when nested
            parameterReads(m, id, false);
            if (kind.equals("LoopAgent")) {
                int bound = Literals.intAttribute(a, "maxIterations").orElse(10);
                graph.fact(new RetrySite(at(a), id, "@LoopAgent", OptionalInt.of(bound), true));
                // a gate reads the scope; a condition on the @LoopCounter alone is a count, not a gate
                if (type.getMethods().stream().anyMatch(o -> annotation(o, DECL + ".ExitCondition").isPresent()
                        && o.getParameters().stream().anyMatch(p -> annotation(p, DECL + ".LoopCounter").isEmpty()))) {
                    graph.fact(new LoopExit(at(a), id));
                }
            }
        }

        private void humanMethod(TypeDeclaration<?> type, MethodDeclaration m, AnnotationExpr a) {
            String id = "lc4j-human:" + fqn(type) + "#" + m.getNameAsString();
            graph.agent(new AgentNode(id, m.getNameAsString(), Framework.LANGCHAIN4J_AGENTIC, AgentNode.Kind.HUMAN,
                    m.getTypeAsString(), at(m.getName())));
            outputKey(a, id, m.getTypeAsString(), AgenticKeyUse.Origin.OUTPUT_KEY);
            parameterReads(m, id, false);
            graph.fact(new AgenticDeclaration(at(m.getName()), id, null, List.of(), List.of()));
            // a class's @HumanInTheLoop method is the agent a composite names by the class
            graph.fact(new AgenticDeclaration(at(m.getName()), "lc4j:" + fqn(type), null, List.of(), List.of()));
            Node body = m.getBody().map(b -> (Node) b).orElse(m);
            graph.fact(new HumanStep(at(a), id, "@HumanInTheLoop", HumanWaits.hasTimeout(body),
                    HumanWaits.timeoutApproves(body), HumanWaits.inputValidated(body), false));
        }

        private void errorHandler(Node handler, String scope, String kind) {
            graph.fact(new ErrorHandlerSite(at(handler), scope, kind, HandlerOutcomes.outcome(handler)));
            Optional<OptionalInt> bound = HandlerOutcomes.retryBound(handler);
            for (MethodCallExpr retry : HandlerOutcomes.retries(handler)) {
                graph.fact(new RetrySite(at(retry), scope, "ErrorRecoveryResult.retry",
                        bound.orElse(OptionalInt.empty()), bound.isPresent()));
            }
        }

        /** Scope accesses are recorded as {@link AgenticKeyUse}s; the scoped {@link KeyAccess} facts are derived in the link. */
        private void use(Node at, String key, KeyAccess.Access access, String agent, String type, AgenticKeyUse.Origin origin,
                         boolean generic) {
            use(at, key, access, agent, type, origin, null, null);
        }

        private void use(Node at, String key, KeyAccess.Access access, String agent, String type, AgenticKeyUse.Origin origin,
                         String keyType, String instance) {
            graph.fact(new AgenticKeyUse(at(at), key, access, agent, type, origin, keyType, instance));
        }

        /** A TypedKey class as this file names it: qualified when the file tells how. */
        private String keyClass(String written) {
            return imports.resolve(written).orElse(written);
        }

        // ---- builders and code ----------------------------------------------------------------

        private boolean isAgenticServices(MethodCallExpr call) {
            if (call.getScope().isEmpty()) return imports.staticallyImports(call.getNameAsString(), PKG + ".AgenticServices");
            return qualifiedName(call.getScope().get()).map(n -> imports.refersTo(n, PKG + ".AgenticServices")).orElse(false);
        }

        private void call(MethodCallExpr call) {
            String name = call.getNameAsString();
            if (isAgenticServices(call)) {
                if (COMPOSITE_BUILDERS.contains(name)) composite(call);
                else if (name.equals("agentBuilder")) agentBuilder(call);
                else if (name.equals("humanInTheLoopBuilder")) humanBuilder(call);
                else if (name.equals("agentAction")) agentAction(call);
                else if (name.equals("createAgenticSystem") && !call.getArguments().isEmpty()
                        && call.getArgument(0) instanceof ClassExpr c) {
                    String typeAgent = agentId(imports, c.getTypeAsString());
                    graph.fact(new CompositeType(at(call), typeAgent, typeAgent));
                }
                return;
            }
            if ((name.equals("readState") || name.equals("writeState") || name.equals("writeStateIfAbsent"))
                    && !call.getArguments().isEmpty() && call.getScope().isPresent()) {
                Optional<String> key = Literals.string(call.getArgument(0));
                String keyType = null;
                if (key.isEmpty() && call.getArgument(0) instanceof ClassExpr c) {
                    key = Optional.of(Imports.simpleName(c.getTypeAsString()));
                    keyType = keyClass(c.getTypeAsString());
                }
                if (key.isEmpty()) return;
                boolean write = !name.equals("readState");
                if (!write && call.getArguments().size() == 2) {
                    // readState(key, default): a missing key is a designed default, not a wiring gap
                    use(call, key.get(), KeyAccess.Access.READ, enclosingAgent(call), null, AgenticKeyUse.Origin.STATE_WITH_DEFAULT,
                            keyType, null);
                    return;
                }
                use(call, key.get(), write ? KeyAccess.Access.WRITE : KeyAccess.Access.READ, enclosingAgent(call),
                        write && call.getArguments().size() == 2 ? null : castType(call), AgenticKeyUse.Origin.STATE, keyType, null);
                return;
            }
            if ((name.equals("invoke") || name.equals("invokeWithAgenticScope")) && call.getArguments().size() == 1
                    && call.getScope().isPresent()) {
                callerKeys(call);
            }
        }

        private String castType(MethodCallExpr call) {
            Node p = call.getParentNode().orElse(null);
            while (p != null && p.getClass().getSimpleName().equals("EnclosedExpr")) p = p.getParentNode().orElse(null);
            return p instanceof com.github.javaparser.ast.expr.CastExpr c ? c.getTypeAsString() : null;
        }

        /** The composite a lambda belongs to (an {@code output}/{@code exitCondition} of a builder), else the file's code. */
        private String enclosingAgent(Node n) {
            Optional<MethodCallExpr> outer = n.findAncestor(MethodCallExpr.class);
            while (outer.isPresent()) {
                Optional<MethodCallExpr> root = chainRoot(outer.get());
                if (root.isPresent()) return root.get().getNameAsString().equals("humanInTheLoopBuilder") ? humanId(root.get()) : compositeId(root.get());
                outer = outer.get().findAncestor(MethodCallExpr.class);
            }
            // the body of a non-AI agent (an @Agent method taking the AgenticScope) or of a composite's condition method
            Optional<MethodDeclaration> method = n.findAncestor(MethodDeclaration.class);
            if (method.isPresent()) {
                Optional<TypeDeclaration> type = method.get().findAncestor(TypeDeclaration.class);
                if (type.isPresent()) {
                    String id = "lc4j:" + fqn(type.get());
                    if (annotation(method.get(), PKG + ".Agent").isPresent() || compositeAnnotation(method.get()).isPresent()) return id;
                    for (String cond : List.of("ExitCondition", "ActivationCondition", "Output")) {
                        if (annotation(method.get(), DECL + "." + cond).isPresent()) return id + "#" + method.get().getNameAsString();
                    }
                }
            }
            return "code:" + source.path();
        }

        private Optional<MethodCallExpr> chainRoot(MethodCallExpr m) {
            MethodCallExpr x = m;
            while (x.getScope().isPresent() && x.getScope().get() instanceof MethodCallExpr inner) x = inner;
            return isAgenticServices(x) && (COMPOSITE_BUILDERS.contains(x.getNameAsString())
                    || x.getNameAsString().equals("agentAction")
                    || x.getNameAsString().equals("agentBuilder") || x.getNameAsString().equals("humanInTheLoopBuilder"))
                    ? Optional.of(x) : Optional.empty();
        }

        private String compositeId(MethodCallExpr root) {
            if (root.getNameAsString().equals("agentBuilder")) {
                if (!root.getArguments().isEmpty() && root.getArgument(0) instanceof ClassExpr c) return agentId(imports, c.getTypeAsString());
                return "lc4j-untyped:" + source.path() + ":" + at(root).line();
            }
            return "lc4j-agentic:" + source.path() + ":" + at(root).line();
        }

        /** The composite an {@code invoke} call runs, when its receiver is a local built from a builder here. */
        private String invokeTarget(MethodCallExpr invoke) {
            Expression receiver = invoke.getScope().orElse(null);
            if (receiver == null) return null;
            Expression init = receiver;
            if (receiver instanceof NameExpr || receiver.isFieldAccessExpr()) init = LocalTypes.of(receiver).map(LocalTypes.Declaration::initializer).orElse(null);
            if (!(init instanceof MethodCallExpr m)) return null;
            MethodCallExpr x = m;
            while (x.getScope().isPresent() && x.getScope().get() instanceof MethodCallExpr inner) x = inner;
            if (!isAgenticServices(x)) return null;
            if (COMPOSITE_BUILDERS.contains(x.getNameAsString()) || x.getNameAsString().equals("agentBuilder")) return compositeId(x);
            if (x.getNameAsString().equals("createAgenticSystem") && !x.getArguments().isEmpty() && x.getArgument(0) instanceof ClassExpr c) {
                return agentId(imports, c.getTypeAsString());
            }
            return null;
        }

        private void callerKeys(MethodCallExpr invoke) {
            String target = invokeTarget(invoke);
            Expression arg = invoke.getArgument(0);
            if (arg instanceof NameExpr n) {
                Optional<LocalTypes.Declaration> d = LocalTypes.of(n);
                if (d.isEmpty() || d.get().initializer() == null) {
                    openInputs(invoke);
                    return;
                }
                arg = d.get().initializer();
                // map.put("k", v) calls on the same local count as caller-written keys too
                String var = n.getNameAsString();
                invoke.findAncestor(com.github.javaparser.ast.body.CallableDeclaration.class).ifPresent(body ->
                        body.walk(MethodCallExpr.class, put -> {
                            if (put.getNameAsString().equals("put") && put.getScope().map(s -> s.toString().equals(var)).orElse(false)
                                    && put.getArguments().size() == 2) {
                                Literals.string(put.getArgument(0)).ifPresent(k ->
                                        use(put, k, KeyAccess.Access.WRITE, "caller:" + source.path(), null, AgenticKeyUse.Origin.CALLER, null, target));
                            }
                        }));
            }
            if (arg instanceof MethodCallExpr m && m.getNameAsString().equals("of") && m.getScope().map(s -> s.toString().equals("Map")).orElse(false)) {
                for (int i = 0; i + 1 < m.getArguments().size(); i += 2) {
                    Optional<String> k = Literals.string(m.getArgument(i));
                    if (k.isEmpty()) {
                        openInputs(invoke);
                        return;
                    }
                    use(m.getArgument(i), k.get(), KeyAccess.Access.WRITE, "caller:" + source.path(), null, AgenticKeyUse.Origin.CALLER, null, target);
                }
            } else if (arg instanceof ObjectCreationExpr o && o.getTypeAsString().contains("Map") && o.getArguments().isEmpty()) {
                // new HashMap<>() then put(...): handled above
            } else {
                openInputs(invoke);
            }
        }

        /** An invocation whose input keys the source does not show: any key may be written there. */
        private void openInputs(MethodCallExpr invoke) {
            use(invoke, OPEN_KEY, KeyAccess.Access.WRITE, "caller:" + source.path(), null, AgenticKeyUse.Origin.CALLER, null, invokeTarget(invoke));
        }

        private void agentBuilder(MethodCallExpr root) {
            CallChain chain = CallChain.startingAt(root);
            boolean typed = !root.getArguments().isEmpty() && root.getArgument(0) instanceof ClassExpr;
            String id = compositeId(root);
            String returnType = null;
            if (!typed) {
                returnType = chain.argument("returnType").filter(e -> e instanceof ClassExpr).map(e -> ((ClassExpr) e).getTypeAsString()).orElse("Object");
                String name = chain.argument("name").flatMap(Literals::string).orElse(variableName(chain).orElse("untyped agent"));
                graph.agent(new AgentNode(id, name, Framework.LANGCHAIN4J_AGENTIC, AgentNode.Kind.LLM, returnType, at(root)));
                Set<String> bound = new LinkedHashSet<>();
                for (MethodCallExpr in : chain.all("inputKey")) {
                    if (in.getArguments().size() == 2) {
                        Optional<String> k = Literals.string(in.getArgument(1));
                        String t = in.getArgument(0) instanceof ClassExpr c ? c.getTypeAsString() : null;
                        k.ifPresent(key -> {
                            bound.add(key);
                            use(in, key, KeyAccess.Access.READ, id, t, AgenticKeyUse.Origin.INPUT_KEY, true);
                        });
                    }
                }
                StringBuilder prompt = new StringBuilder();
                for (String m : List.of("systemMessage", "userMessage")) {
                    chain.argument(m).flatMap(Literals::string).ifPresent(s -> prompt.append(s).append('\n'));
                }
                if (!prompt.isEmpty()) {
                    graph.fact(new AgentPrompt(at(root), id, prompt.toString()));
                    Node anchor = chain.first("userMessage").map(x -> (Node) x).orElse(root);
                    placeholders(prompt.toString(), bound, id, anchor);
                }
                graph.fact(new AgenticDeclaration(at(root), id, null, List.of(), List.of()));
            } else {
                graph.fact(new BuiltAgent(at(root), id, chain.has("tools") ? toolTypes(chain) : List.of()));
            }
            // keys set on this builder belong to this built instance: they override the type's @Agent(outputKey)
            String instance = typed ? instanceKey(root) : null;
            chain.first("outputKey").ifPresent(ok -> keyArgument(ok, id, KeyAccess.Access.WRITE, AgenticKeyUse.Origin.OUTPUT_KEY, instance));
            chain.first("outputName").ifPresent(ok -> keyArgument(ok, id, KeyAccess.Access.WRITE, AgenticKeyUse.Origin.OUTPUT_KEY, instance));
        }

        /**
         * {@code AgenticServices.agentAction(scope -> ...)}: plain Java run as a sub-agent, no model call. Its
         * {@code readState}/{@code writeState} calls are its inputs and outputs in the composite's scope.
         */
        private void agentAction(MethodCallExpr root) {
            String id = compositeId(root);
            String name = variableName(CallChain.startingAt(root)).orElse("agentAction");
            graph.agent(new AgentNode(id, name, Framework.LANGCHAIN4J_AGENTIC, AgentNode.Kind.CODE, null, at(root)));
            graph.fact(new AgenticDeclaration(at(root), id, null, List.of(), List.of()));
        }

        private String instanceKey(MethodCallExpr builder) {
            return source.path() + ":" + at(builder).line();
        }

        private List<String> toolTypes(CallChain chain) {
            List<String> out = new ArrayList<>();
            for (MethodCallExpr t : chain.all("tools")) {
                for (Expression a : t.getArguments()) {
                    if (a instanceof ObjectCreationExpr o) out.add("lc4j-tool:" + imports.resolve(o.getTypeAsString()).orElse(o.getTypeAsString()));
                    else if (a instanceof NameExpr || a.isFieldAccessExpr()) {
                        LocalTypes.of(a).map(LocalTypes.Declaration::type).filter(x -> x != null && !x.equals("var"))
                                .ifPresent(x -> out.add("lc4j-tool:" + imports.resolve(x).orElse(x)));
                    }
                }
            }
            return out;
        }

        private void keyArgument(MethodCallExpr call, String agent, KeyAccess.Access access, AgenticKeyUse.Origin origin) {
            keyArgument(call, agent, access, origin, null);
        }

        private void keyArgument(MethodCallExpr call, String agent, KeyAccess.Access access, AgenticKeyUse.Origin origin, String instance) {
            if (call.getArguments().size() != 1) return;
            Expression a = call.getArgument(0);
            Optional<String> key = Literals.string(a);
            String keyType = null;
            if (key.isEmpty() && a instanceof ClassExpr c) {
                key = Optional.of(Imports.simpleName(c.getTypeAsString()));
                keyType = keyClass(c.getTypeAsString());
            }
            String kt = keyType;
            key.filter(k -> !k.isBlank()).ifPresent(k -> use(a, k, access, agent, null, origin, kt, instance));
        }

        private Optional<String> variableName(CallChain chain) {
            Node p = chain.last().getParentNode().orElse(null);
            if (p instanceof VariableDeclarator d) return Optional.of(d.getNameAsString());
            if (p instanceof com.github.javaparser.ast.expr.AssignExpr a) return Optional.of(a.getTarget().toString());
            return Optional.empty();
        }

        private void composite(MethodCallExpr root) {
            CallChain chain = CallChain.startingAt(root);
            String id = compositeId(root);
            String kind = root.getNameAsString().replace("Builder", "");
            String name = chain.argument("name").flatMap(Literals::string).orElse(variableName(chain).orElse(kind));
            List<String> subs = new ArrayList<>();
            for (MethodCallExpr s : chain.all("subAgents")) for (Expression a : s.getArguments()) subAgent(a).ifPresent(subs::add);
            for (MethodCallExpr s : chain.all("subAgent")) for (Expression a : s.getArguments()) subAgent(a).ifPresent(subs::add);
            // tools handed to sub-agents built here run inside this composite too (its retries re-run them)
            for (MethodCallExpr s : chain.all("subAgents")) for (Expression a : s.getArguments()) subs.addAll(subAgentTools(a));
            // agents of composites nested here run inside this one too: their failures reach its error handler
            for (MethodCallExpr s : chain.all("subAgents")) {
                for (Expression a : s.getArguments()) {
                    for (String nested : nestedMembers(a, 0)) if (!subs.contains(nested)) subs.add(nested);
                }
            }
            String type = null;
            if (!root.getArguments().isEmpty() && root.getArgument(0) instanceof ClassExpr c) {
                type = c.getTypeAsString();
                graph.fact(new CompositeType(at(root), agentId(imports, type), id));
            }
            graph.agent(new AgentNode(id, name, Framework.LANGCHAIN4J_AGENTIC, AgentNode.Kind.COMPOSITE, type, at(root)));
            graph.chain(new Chain(id, name, Framework.LANGCHAIN4J_AGENTIC, List.copyOf(subs), at(root)));
            List<String> direct = new ArrayList<>();
            for (String n : List.of("subAgents", "subAgent")) {
                for (MethodCallExpr s : chain.all(n)) for (Expression a : s.getArguments()) subAgentRef(a, 0).ifPresent(direct::add);
            }
            boolean observed = chain.all("listener").stream().flatMap(l -> l.getArguments().stream())
                    .map(x -> x instanceof NameExpr ? LocalTypes.of(x).map(LocalTypes.Declaration::initializer).orElse(null) : x)
                    .filter(x -> x instanceof ObjectCreationExpr || x instanceof LambdaExpr)
                    .anyMatch(x -> x.findAll(MethodCallExpr.class).stream().anyMatch(c -> c.getNameAsString().equals("output")
                            && c.getArguments().isEmpty()));
            graph.fact(new AgenticComposite(at(root), id, kind, List.copyOf(direct),
                    type == null ? null : agentId(imports, type), chain.has("output"), observed));
            graph.fact(new AgenticDeclaration(at(root), id, null, List.of(), List.of()));
            chain.first("itemsProvider").ifPresent(ip -> keyArgument(ip, id, KeyAccess.Access.READ, AgenticKeyUse.Origin.INPUT_KEY));
            if (root.getNameAsString().equals("parallelBuilder")) graph.fact(new ParallelGroup(at(root), id, branches(chain)));
            if (root.getNameAsString().equals("conditionalBuilder")) asyncBranches(chain, id, root);
            if (root.getNameAsString().equals("supervisorBuilder") || root.getNameAsString().equals("plannerBuilder")) {
                graph.fact(new Supervision(at(root), id, List.copyOf(subs)));
            }
            // without output(..) the composite returns the key's value (a read); with output(..) it computes its
            // result and stores it under the key (a write)
            boolean computed = chain.has("output");
            KeyAccess.Access resultAccess = computed ? KeyAccess.Access.WRITE : KeyAccess.Access.READ;
            AgenticKeyUse.Origin resultOrigin = computed ? AgenticKeyUse.Origin.OUTPUT_KEY : AgenticKeyUse.Origin.COMPOSITE_OUTPUT;
            for (String resultName : List.of("outputKey", "outputName")) {
                chain.first(resultName).ifPresent(ok -> keyArgument(ok, id, resultAccess, resultOrigin));
            }
            chain.first("errorHandler").filter(e -> e.getArguments().size() == 1).ifPresent(e -> {
                Expression h = e.getArgument(0);
                Node handler = h instanceof MethodReferenceExpr ref ? referencedMethod(ref).orElse(h) : h;
                errorHandler(handler, id, "errorHandler");
            });
            if (root.getNameAsString().equals("loopBuilder")) {
                Optional<MethodCallExpr> max = chain.first("maxIterations");
                boolean known = max.isPresent() || (!chain.built() && enclosingMentions(root, "maxIterations"));
                OptionalInt bound = max.flatMap(m -> m.getArguments().isEmpty() ? Optional.empty() : Literals.integer(m.getArgument(0)))
                        .map(OptionalInt::of).orElse(OptionalInt.empty());
                graph.fact(new RetrySite(at(root), id, "loopBuilder", bound, known));
                // without maxIterations the builder's bound is Integer.MAX_VALUE (LoopAgentServiceImpl): it never runs
                // out, so exhaustion is no path (retry-unbounded reports the missing bound instead)
                if (max.isPresent() && chain.first("exitCondition").filter(AgenticFrontend::readsScope).isPresent()) {
                    graph.fact(new LoopExit(at(root), id));
                }
            }
        }

        private Optional<Node> referencedMethod(MethodReferenceExpr ref) {
            String name = ref.getIdentifier();
            for (MethodDeclaration m : source.unit().findAll(MethodDeclaration.class)) {
                if (m.getNameAsString().equals(name)) return Optional.of(m);
            }
            return Optional.empty();
        }

        private boolean enclosingMentions(Node n, String method) {
            return n.findAncestor(com.github.javaparser.ast.body.CallableDeclaration.class)
                    .map(b -> b.findAll(MethodCallExpr.class).stream().anyMatch(m -> m.getNameAsString().equals(method)))
                    .orElse(false);
        }

        private Optional<String> subAgent(Expression a) {
            if (a instanceof LambdaExpr || a.isStringLiteralExpr()) return Optional.empty();
            if (a instanceof ClassExpr c) return Optional.of(agentId(imports, c.getTypeAsString()));
            if (a instanceof ObjectCreationExpr o) return Optional.of(agentId(imports, o.getTypeAsString()));
            if (a instanceof MethodCallExpr m) {
                MethodCallExpr x = m;
                while (x.getScope().isPresent() && x.getScope().get() instanceof MethodCallExpr inner) x = inner;
                if (isAgenticServices(x)) {
                    if (x.getNameAsString().equals("humanInTheLoopBuilder")) return Optional.of(humanId(x));
                    return Optional.of(compositeId(x));
                }
                return Optional.empty();
            }
            Optional<LocalTypes.Declaration> d = LocalTypes.of(a);
            if (d.isEmpty()) return Optional.empty();
            Expression init = d.get().initializer();
            if (init instanceof MethodCallExpr m) return subAgent(m);
            if (init instanceof ObjectCreationExpr o) return Optional.of(agentId(imports, o.getTypeAsString()));
            String t = d.get().type();
            if (t != null && !t.equals("var") && !Imports.simpleName(t).equals("UntypedAgent") && !Imports.simpleName(t).equals("Object")) {
                return Optional.of(agentId(imports, t));
            }
            return Optional.empty();
        }

        /**
         * A sub-agent as a composite references it: for an agent built by {@code agentBuilder(X.class)}, its
         * id with the builder call ({@code id@path:line}), whose own keys (an outputKey set there) go with it.
         */
        private Optional<String> subAgentRef(Expression a, int depth) {
            if (depth > 8) return Optional.empty();
            Expression init = a;
            if (a instanceof NameExpr || a.isFieldAccessExpr()) init = LocalTypes.of(a).map(LocalTypes.Declaration::initializer).orElse(null);
            if (init instanceof MethodCallExpr m) {
                MethodCallExpr x = m;
                while (x.getScope().isPresent() && x.getScope().get() instanceof MethodCallExpr inner) x = inner;
                if (isAgenticServices(x) && x.getNameAsString().equals("agentBuilder") && !x.getArguments().isEmpty()
                        && x.getArgument(0) instanceof ClassExpr c) {
                    return Optional.of(agentId(imports, c.getTypeAsString()) + "@" + instanceKey(x));
                }
            }
            return subAgent(a);
        }

        /**
         * A conditional's branches built with {@code async(true)}: every branch whose condition holds is started
         * without waiting for the others, so two of them run at once. Branches guarded by complementary
         * comparisons of one value ({@code x >= 0.8} and {@code x < 0.8}) never both run and are left out.
         */
        private void asyncBranches(CallChain chain, String id, MethodCallExpr root) {
            List<String> async = new ArrayList<>();
            List<Expression> conditions = new ArrayList<>();
            for (MethodCallExpr s : chain.all("subAgents")) {
                if (s.getArguments().size() < 2 || !(s.getArgument(0) instanceof LambdaExpr condition)) continue;
                for (int i = 1; i < s.getArguments().size(); i++) {
                    Expression a = s.getArgument(i);
                    if (!builtAsync(a)) continue;
                    subAgent(a).ifPresent(agent -> {
                        async.add(agent);
                        conditions.add(condition);
                    });
                }
            }
            // one group per pair that can run together
            for (int i = 0; i < async.size(); i++) {
                for (int j = i + 1; j < async.size(); j++) {
                    if (async.get(i).equals(async.get(j)) || complementary(conditions.get(i), conditions.get(j))) continue;
                    graph.fact(new ParallelGroup(at(root), id, List.of(async.get(i), async.get(j))));
                }
            }
        }

        private boolean builtAsync(Expression a) {
            Expression init = a;
            if (a instanceof NameExpr || a.isFieldAccessExpr()) init = LocalTypes.of(a).map(LocalTypes.Declaration::initializer).orElse(null);
            if (!(init instanceof MethodCallExpr m)) return false;
            MethodCallExpr x = m;
            while (x.getScope().isPresent() && x.getScope().get() instanceof MethodCallExpr inner) x = inner;
            if (!isAgenticServices(x)) return false;
            return CallChain.startingAt(x).first("async").map(c -> c.getArguments().size() == 1
                    && c.getArgument(0).isBooleanLiteralExpr() && c.getArgument(0).asBooleanLiteralExpr().getValue()).orElse(false);
        }

        /** Two conditions whose only comparisons test one expression against one bound in opposite directions. */
        private static boolean complementary(Expression a, Expression b) {
            List<com.github.javaparser.ast.expr.BinaryExpr> x = comparisons(a);
            List<com.github.javaparser.ast.expr.BinaryExpr> y = comparisons(b);
            if (x.size() != 1 || y.size() != 1) return false;
            var p = x.get(0);
            var q = y.get(0);
            if (!p.getLeft().equals(q.getLeft()) || !p.getRight().equals(q.getRight())) return false;
            return opposite(p.getOperator()) == q.getOperator();
        }

        private static List<com.github.javaparser.ast.expr.BinaryExpr> comparisons(Expression e) {
            return e.findAll(com.github.javaparser.ast.expr.BinaryExpr.class).stream().filter(b -> opposite(b.getOperator()) != null).toList();
        }

        private static com.github.javaparser.ast.expr.BinaryExpr.Operator opposite(com.github.javaparser.ast.expr.BinaryExpr.Operator o) {
            return switch (o) {
                case LESS -> com.github.javaparser.ast.expr.BinaryExpr.Operator.GREATER_EQUALS;
                case GREATER_EQUALS -> com.github.javaparser.ast.expr.BinaryExpr.Operator.LESS;
                case GREATER -> com.github.javaparser.ast.expr.BinaryExpr.Operator.LESS_EQUALS;
                case LESS_EQUALS -> com.github.javaparser.ast.expr.BinaryExpr.Operator.GREATER;
                case EQUALS -> com.github.javaparser.ast.expr.BinaryExpr.Operator.NOT_EQUALS;
                case NOT_EQUALS -> com.github.javaparser.ast.expr.BinaryExpr.Operator.EQUALS;
                default -> null;
            };
        }

        /** The sub-agents of a builder, without the tools of each (a branch is an agent, its tools go with it). */
        private List<String> branches(CallChain chain) {
            List<String> out = new ArrayList<>();
            for (MethodCallExpr s : chain.all("subAgents")) for (Expression a : s.getArguments()) subAgent(a).ifPresent(out::add);
            return out;
        }

        /** Members (agents and deeper composites) of a composite built in this file and passed as a sub-agent. */
        private List<String> nestedMembers(Expression a, int depth) {
            if (depth > 8) return List.of();
            Expression init = a;
            if (a instanceof NameExpr || a.isFieldAccessExpr()) init = LocalTypes.of(a).map(LocalTypes.Declaration::initializer).orElse(null);
            if (!(init instanceof MethodCallExpr m)) return List.of();
            MethodCallExpr x = m;
            while (x.getScope().isPresent() && x.getScope().get() instanceof MethodCallExpr inner) x = inner;
            if (!isAgenticServices(x) || !COMPOSITE_BUILDERS.contains(x.getNameAsString())) return List.of();
            List<String> out = new ArrayList<>();
            CallChain inner = CallChain.startingAt(x);
            for (String n : List.of("subAgents", "subAgent")) {
                for (MethodCallExpr s : inner.all(n)) {
                    for (Expression arg : s.getArguments()) {
                        // agents only: a nested composite's tools stay with it, so its side effects are
                        // reported once, at the composite that runs them
                        subAgent(arg).ifPresent(out::add);
                        out.addAll(nestedMembers(arg, depth + 1));
                    }
                }
            }
            return out;
        }

        private List<String> subAgentTools(Expression a) {
            Expression init = a;
            if (a instanceof NameExpr || a.isFieldAccessExpr()) {
                init = LocalTypes.of(a).map(LocalTypes.Declaration::initializer).orElse(null);
            }
            if (!(init instanceof MethodCallExpr m)) return List.of();
            MethodCallExpr x = m;
            while (x.getScope().isPresent() && x.getScope().get() instanceof MethodCallExpr inner) x = inner;
            if (!isAgenticServices(x) || !x.getNameAsString().equals("agentBuilder")) return List.of();
            return toolTypes(CallChain.startingAt(x));
        }

        private String humanId(MethodCallExpr root) {
            return "lc4j-human:" + source.path() + ":" + at(root).line();
        }

        private void humanBuilder(MethodCallExpr root) {
            CallChain chain = CallChain.startingAt(root);
            String id = humanId(root);
            String name = chain.argument("description").flatMap(Literals::string).orElse("human in the loop");
            graph.agent(new AgentNode(id, name, Framework.LANGCHAIN4J_AGENTIC, AgentNode.Kind.HUMAN, "Object", at(root)));
            graph.fact(new AgenticDeclaration(at(root), id, null, List.of(), List.of()));
            chain.first("outputKey").ifPresent(ok -> keyArgument(ok, id, KeyAccess.Access.WRITE, AgenticKeyUse.Origin.OUTPUT_KEY));
            chain.first("outputName").ifPresent(ok -> keyArgument(ok, id, KeyAccess.Access.WRITE, AgenticKeyUse.Origin.OUTPUT_KEY));
            for (MethodCallExpr in : chain.all("inputKey")) {
                if (in.getArguments().size() == 2) {
                    Literals.string(in.getArgument(1)).ifPresent(k -> use(in, k, KeyAccess.Access.READ, id,
                            in.getArgument(0) instanceof ClassExpr c ? c.getTypeAsString() : null, AgenticKeyUse.Origin.INPUT_KEY, true));
                }
            }
            // the form before inputKey(type, name): inputName("key")
            for (MethodCallExpr in : chain.all("inputName")) keyArgument(in, id, KeyAccess.Access.READ, AgenticKeyUse.Origin.INPUT_KEY);
            Node provider = chain.argument("responseProvider").or(() -> chain.argument("responseReader"))
                    .map(e -> (Node) e).orElse(root);
            if (provider instanceof MethodReferenceExpr ref) provider = referencedMethod(ref).orElse(provider);
            graph.fact(new HumanStep(at(root), id, "humanInTheLoopBuilder", HumanWaits.hasTimeout(provider),
                    HumanWaits.timeoutApproves(provider), HumanWaits.inputValidated(provider), HumanWaits.insideCatchAll(root)));
        }
    }

    /**
     * A name or a dotted field access as its identifiers spell it ({@code dev.langchain4j.agentic.AgenticServices}):
     * comments between the parts, which printing the expression would keep, play no part.
     */
    static Optional<String> qualifiedName(Expression e) {
        if (e instanceof NameExpr n) return Optional.of(n.getNameAsString());
        if (e instanceof com.github.javaparser.ast.expr.FieldAccessExpr f) {
            return qualifiedName(f.getScope()).map(s -> s + "." + f.getNameAsString());
        }
        return Optional.empty();
    }

    /** The key an open invocation writes: any key at all may arrive there. */
    public static final String OPEN_KEY = KeyNames.OPEN_KEY;

    /**
     * Whether an {@code exitCondition(..)} gates on the scope: its lambda uses the scope parameter (a
     * {@code (scope, iteration) -> iteration >= 3} only counts). Anything but a lambda is taken as a gate.
     */
    private static boolean readsScope(MethodCallExpr exit) {
        if (exit.getArguments().isEmpty()) return false;
        Expression last = exit.getArgument(exit.getArguments().size() - 1);
        if (!(last instanceof LambdaExpr l) || l.getParameters().isEmpty()) return true;
        String scope = l.getParameter(0).getNameAsString();
        return l.getBody().findAll(NameExpr.class).stream().anyMatch(n -> n.getNameAsString().equals(scope));
    }
}
