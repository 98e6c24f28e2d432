package dev.baton.linter.frontend.embabel;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import dev.baton.linter.frontend.Frontend;
import dev.baton.linter.frontend.ParsedSource;
import dev.baton.linter.frontend.javasyntax.Imports;
import dev.baton.linter.frontend.javasyntax.Literals;
import dev.baton.linter.frontend.javasyntax.Locations;
import dev.baton.linter.frontend.javasyntax.OutputDecision;
import dev.baton.linter.frontend.javasyntax.OutputFlow;
import dev.baton.linter.frontend.javasyntax.OutputForwarding;
import dev.baton.linter.frontend.javasyntax.StructureRequest;
import dev.baton.linter.frontend.javasyntax.SideEffectVerbs;
import dev.baton.linter.graph.AgentNode;
import dev.baton.linter.graph.Chain;
import dev.baton.linter.graph.ContractRef;
import dev.baton.linter.graph.Edge;
import dev.baton.linter.graph.Fact;
import dev.baton.linter.graph.Framework;
import dev.baton.linter.graph.HandoffGraph;
import dev.baton.linter.graph.Location;
import dev.baton.linter.graph.PayloadKind;
import dev.baton.linter.graph.facts.ErrorHandlerSite;
import dev.baton.linter.graph.facts.HumanStep;
import dev.baton.linter.graph.facts.ReceiveSite;
import dev.baton.linter.graph.facts.RetrySite;
import dev.baton.linter.graph.facts.SideEffect;
import dev.baton.linter.graph.facts.SwallowedFailure;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Embabel: an {@code @Agent} class is a chain, each {@code @Action} method an agent with id
 * {@code embabel:<class>/<method>}; actions hand over by type on the blackboard (a parameter of
 * type {@code T} receives what another action returned as {@code T}). Reads retry policies
 * ({@code ActionQos} defaults to 5 attempts, not idempotent), {@code createObject} validation and
 * {@code WaitFor.*} human steps.
 */
public final class EmbabelFrontend implements Frontend {
    private static final String PREFIX = "embabel:";
    private static final String ANNOTATIONS = "com.embabel.agent.api.annotation.";
    /** {@code ActionQos().maxAttempts}. */
    private static final int DEFAULT_ATTEMPTS = 5;
    private static final Set<String> CONTEXT_TYPES = Set.of("Ai", "OperationContext", "ActionContext", "ProcessContext",
            "Blackboard", "InputActionContext", "TransformationActionContext");
    private static final Set<String> LLM_CALLS = Set.of("createObject", "createObjectIfPossible", "generateText", "fromPrompt",
            "fromTemplate", "fromMessages", "respond", "evaluateCondition");
    private static final Set<String> CREATE = Set.of("createObject", "createObjectIfPossible");
    @Override
    public Set<String> triggers() {
        // constrained records usually live in files of their own: reading them tells createObject's validation apart
        return Set.of("com.embabel.agent", "jakarta.validation.constraints", "javax.validation.constraints");
    }

    @Override
    public void read(ParsedSource source, HandoffGraph.Builder graph) {
        CompilationUnit unit = source.unit();
        if (!SideEffectVerbs.importsPackage(unit, "com.embabel.agent")) return;
        Imports imports = Imports.of(unit);
        for (TypeDeclaration<?> type : agentTypes(unit, imports)) {
            readAgent(source, imports, type, annotation(type.getAnnotations(), imports, "Agent").orElse(null), graph);
        }
    }

    /** {@code @Agent} and {@code @EmbabelComponent} classes and records (a record is a valid agent bean). */
    private static List<TypeDeclaration<?>> agentTypes(CompilationUnit unit, Imports imports) {
        List<TypeDeclaration<?>> out = new ArrayList<>();
        for (TypeDeclaration<?> type : unit.findAll(TypeDeclaration.class)) {
            if (!(type instanceof ClassOrInterfaceDeclaration) && !(type instanceof RecordDeclaration)) continue;
            if (annotation(type.getAnnotations(), imports, "Agent").isPresent()
                    || annotation(type.getAnnotations(), imports, "EmbabelComponent").isPresent()) {
                out.add(type);
            }
        }
        return out;
    }

    /** The {@code @Action} methods of an agent type. */
    private static List<MethodDeclaration> actionMethods(TypeDeclaration<?> type, Imports imports) {
        return type.getMethods().stream().filter(m -> annotation(m.getAnnotations(), imports, "Action").isPresent()).toList();
    }

    /**
     * The methods of the agent type an action calls, directly or through each other, that are not
     * actions themselves (private helpers such as {@code generateFrontMatter}): their LLM calls are
     * the action's.
     */
    private static List<MethodDeclaration> helpers(TypeDeclaration<?> type, MethodDeclaration action, Imports imports) {
        Map<String, List<MethodDeclaration>> byName = new HashMap<>();
        for (MethodDeclaration m : type.getMethods()) {
            if (m.getBody().isPresent() && annotation(m.getAnnotations(), imports, "Action").isEmpty()) {
                byName.computeIfAbsent(m.getNameAsString(), k -> new ArrayList<>()).add(m);
            }
        }
        List<MethodDeclaration> out = new ArrayList<>();
        java.util.ArrayDeque<MethodDeclaration> work = new java.util.ArrayDeque<>(List.of(action));
        Set<MethodDeclaration> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        seen.add(action);
        while (!work.isEmpty()) {
            MethodDeclaration m = work.poll();
            if (m.getBody().isEmpty()) continue;
            for (MethodCallExpr c : m.getBody().get().findAll(MethodCallExpr.class)) {
                if (c.getScope().isPresent() && !(c.getScope().get() instanceof com.github.javaparser.ast.expr.ThisExpr)) continue;
                for (MethodDeclaration callee : byName.getOrDefault(c.getNameAsString(), List.of())) {
                    if (callee.getParameters().size() == c.getArguments().size() && seen.add(callee)) {
                        out.add(callee);
                        work.add(callee);
                    }
                }
            }
        }
        return out;
    }

    private static Optional<AnnotationExpr> annotation(List<AnnotationExpr> annotations, Imports imports, String simple) {
        return annotations.stream().filter(a -> imports.refersTo(a.getNameAsString(), ANNOTATIONS + simple)).findFirst();
    }

    private record Action(String id, MethodDeclaration method, String returnType) {
    }

    private void readAgent(ParsedSource source, Imports imports, TypeDeclaration<?> type, AnnotationExpr agentAnn,
                           HandoffGraph.Builder graph) {
        String fqcn = type.getFullyQualifiedName().orElse(type.getNameAsString());
        String chainId = PREFIX + fqcn;
        String agentPolicy = agentAnn == null ? null : policy(agentAnn);
        List<Action> actions = new ArrayList<>();
        // a helper called by several actions is read once, for the first of them
        Set<MethodDeclaration> claimed = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (MethodDeclaration m : actionMethods(type, imports)) {
            Optional<AnnotationExpr> action = annotation(m.getAnnotations(), imports, "Action");
            String id = chainId + "/" + m.getNameAsString();
            actions.add(new Action(id, m, m.getTypeAsString()));
            Location loc = Locations.of(source, m.getName());
            List<MethodDeclaration> helpers = helpers(type, m, imports);
            graph.agent(new AgentNode(id, type.getNameAsString() + "." + m.getNameAsString(), Framework.EMBABEL, kindOf(m, helpers),
                    m.getTypeAsString(), loc));

            String actionPolicy = policy(action.get());
            String effective = actionPolicy != null ? actionPolicy : agentPolicy;
            boolean fireOnce = "FIRE_ONCE".equals(effective);
            boolean expression = Literals.stringAttribute(action.get(), "actionRetryPolicyExpression").isPresent()
                    || (agentAnn != null && Literals.stringAttribute(agentAnn, "actionRetryPolicyExpression").isPresent());
            if (!fireOnce) {
                graph.fact(new RetrySite(Locations.of(source, action.get()), id,
                        expression ? "actionRetryPolicyExpression" : "ActionRetryPolicy.DEFAULT",
                        expression ? OptionalInt.empty() : OptionalInt.of(DEFAULT_ATTEMPTS), true));
            }
            boolean readOnly = Literals.booleanAttribute(action.get(), "readOnly").orElse(false);
            if (!readOnly && (SideEffectVerbs.isSideEffecting(m.getNameAsString(), m.getParameters().size())
                    || dev.baton.linter.frontend.javasyntax.SideEffects.beyondLocalFiles(m).isPresent())) {
                graph.fact(new SideEffect(loc, id, m.getNameAsString(), fireOnce || SideEffectVerbs.guarded(m)));
            }
            readBody(source, id, m, true, graph);
            for (MethodDeclaration h : helpers) if (claimed.add(h)) readBody(source, id, h, false, graph);
        }
        graph.chain(new Chain(chainId, type.getNameAsString(), Framework.EMBABEL, actions.stream().map(Action::id).toList(),
                Locations.of(source, type.getName())));
        // the GOAP planner owns action failures: a failed or null action is retried per its policy, then replanned,
        // and the process ends FAILED/STUCK where the caller sees it
        graph.fact(new ErrorHandlerSite(Locations.of(source, type.getName()), chainId, "planner", ErrorHandlerSite.Outcome.UNKNOWN));
        readHandoffs(source, actions, graph);
    }

    private static String policy(AnnotationExpr a) {
        return Literals.attribute(a, "actionRetryPolicy").map(Expression::toString)
                .map(s -> s.substring(s.lastIndexOf('.') + 1)).orElse(null);
    }

    private static AgentNode.Kind kindOf(MethodDeclaration m, List<MethodDeclaration> helpers) {
        if (m.getBody().isEmpty()) return AgentNode.Kind.CODE;
        if (m.getBody().get().findAll(MethodCallExpr.class).stream().anyMatch(EmbabelFrontend::isWaitFor)) return AgentNode.Kind.HUMAN;
        List<MethodDeclaration> all = new ArrayList<>(helpers);
        all.add(0, m);
        for (MethodDeclaration x : all) {
            if (x.getBody().isPresent() && x.getBody().get().findAll(MethodCallExpr.class).stream()
                    .anyMatch(c -> LLM_CALLS.contains(c.getNameAsString()))) {
                return AgentNode.Kind.LLM;
            }
        }
        return AgentNode.Kind.CODE;
    }

    private static boolean isWaitFor(MethodCallExpr c) {
        return c.getScope().map(s -> s.toString().equals("WaitFor")).orElse(false);
    }

    private void readBody(ParsedSource source, String action, MethodDeclaration method, boolean isAction, HandoffGraph.Builder graph) {
        if (method.getBody().isEmpty()) return;
        Node body = method.getBody().get();
        for (MethodCallExpr c : body.findAll(MethodCallExpr.class)) {
            if (isWaitFor(c)) {
                boolean freeText = c.getNameAsString().equals("formSubmission") && c.getArguments().size() == 2
                        && c.getArgument(1) instanceof ClassExpr ce && ce.getTypeAsString().equals("String");
                // WaitFor suspends the process durably (status WAITING): no thread waits on the human
                graph.fact(new HumanStep(Locations.of(source, c), action, "WaitFor." + c.getNameAsString(), true, false,
                        !freeText, insideCatchAll(c)));
            }
            createdType(c).ifPresent(t -> {
                ResultUse use = ResultUse.of(c, method);
                boolean ifPossible = c.getNameAsString().equals("createObjectIfPossible");
                graph.fact(new ObjectCreation(Locations.of(source, c.getName()), action,
                        CREATE.contains(c.getNameAsString()) ? c.getNameAsString() : "creating." + c.getNameAsString(), t,
                        validationOff(c), ifPossible, use.checked(), isAction && ifPossible && use.returnedUnchecked()));
            });
        }
    }

    /** The type an LLM call binds its answer to: {@code createObject(.., X.class)}, {@code creating(X.class).fromPrompt(..)}. */
    static Optional<String> createdType(MethodCallExpr c) {
        if (CREATE.contains(c.getNameAsString()) && c.getArguments().size() == 2 && c.getArgument(1) instanceof ClassExpr ce) {
            return Optional.of(ce.getTypeAsString());
        }
        if (c.getNameAsString().equals("fromPrompt") || c.getNameAsString().equals("fromTemplate")) return creatingType(c);
        return Optional.empty();
    }

    /**
     * What the method does with an LLM call's result: checks it in code (an {@code if} on it that
     * throws), null-checks it, returns it unchecked.
     */
    record ResultUse(boolean checked, boolean returnedUnchecked) {
        static ResultUse of(MethodCallExpr call, MethodDeclaration method) {
            Node parent = call.getParentNode().orElse(null);
            if (parent instanceof com.github.javaparser.ast.stmt.ReturnStmt r && r.findAncestor(LambdaExpr.class).isEmpty()) {
                return new ResultUse(false, true);
            }
            String local = null;
            if (parent instanceof com.github.javaparser.ast.body.VariableDeclarator v) local = v.getNameAsString();
            else if (parent instanceof com.github.javaparser.ast.expr.AssignExpr a && a.getTarget() instanceof com.github.javaparser.ast.expr.NameExpr n) {
                local = n.getNameAsString();
            }
            if (local == null || method.getBody().isEmpty()) return new ResultUse(false, false);
            String name = local;
            Node body = method.getBody().get();
            boolean checked = body.findAll(com.github.javaparser.ast.stmt.IfStmt.class).stream()
                    .anyMatch(i -> mentions(i.getCondition(), name) && !i.getThenStmt().findAll(ThrowStmt.class).isEmpty()
                            || mentions(i.getCondition(), name) && i.getThenStmt() instanceof ThrowStmt);
            // a guard that changes the outcome: an if on the value that throws or returns, or requireNonNull;
            // a null test that only shapes a log line (x != null ? x.size() : 0) guards nothing
            boolean guarded = checked || body.findAll(com.github.javaparser.ast.stmt.IfStmt.class).stream()
                    .anyMatch(i -> mentions(i.getCondition(), name) && (exits(i.getThenStmt()) || i.getElseStmt().map(ResultUse::exits).orElse(false)))
                    || body.findAll(MethodCallExpr.class).stream().anyMatch(m -> m.getNameAsString().equals("requireNonNull")
                            && m.getArguments().stream().anyMatch(a -> isName(a, name)));
            boolean returned = body.findAll(com.github.javaparser.ast.stmt.ReturnStmt.class).stream()
                    .anyMatch(r -> r.getExpression().map(e -> isName(e, name)).orElse(false)
                            && r.findAncestor(LambdaExpr.class).isEmpty());
            return new ResultUse(checked, returned && !guarded);
        }

        private static boolean exits(com.github.javaparser.ast.stmt.Statement s) {
            return s instanceof ThrowStmt || s instanceof com.github.javaparser.ast.stmt.ReturnStmt
                    || !s.findAll(ThrowStmt.class).isEmpty() || !s.findAll(com.github.javaparser.ast.stmt.ReturnStmt.class).isEmpty();
        }

        private static boolean mentions(Expression e, String name) {
            return isName(e, name) || e.findFirst(com.github.javaparser.ast.expr.NameExpr.class, n -> n.getNameAsString().equals(name)).isPresent();
        }

        private static boolean isName(Expression e, String name) {
            return e instanceof com.github.javaparser.ast.expr.NameExpr n && n.getNameAsString().equals(name);
        }
    }

    private static Optional<String> creatingType(MethodCallExpr c) {
        Expression e = c.getScope().orElse(null);
        while (e instanceof MethodCallExpr m) {
            if (m.getNameAsString().equals("creating") && m.getArguments().size() == 1 && m.getArgument(0) instanceof ClassExpr ce) {
                return Optional.of(ce.getTypeAsString());
            }
            e = m.getScope().orElse(null);
        }
        return Optional.empty();
    }

    private static boolean validationOff(MethodCallExpr c) {
        Expression e = c;
        while (e instanceof MethodCallExpr m) {
            if (m.getNameAsString().equals("withoutValidation")) return true;
            if (m.getNameAsString().equals("withValidation") && m.getArguments().size() == 1
                    && m.getArgument(0).toString().equals("false")) {
                return true;
            }
            e = m.getScope().orElse(null);
        }
        return false;
    }

    static boolean insideCatchAll(Node n) {
        Node child = n;
        Node p = n.getParentNode().orElse(null);
        while (p != null && !(p instanceof MethodDeclaration) && !(p instanceof LambdaExpr)) {
            if (p instanceof TryStmt t && t.getTryBlock() == child) {
                for (CatchClause c : t.getCatchClauses()) {
                    String type = c.getParameter().getTypeAsString();
                    if (type.equals("Exception") || type.equals("RuntimeException") || type.equals("Throwable")) return true;
                }
            }
            child = p;
            p = p.getParentNode().orElse(null);
        }
        return false;
    }

    /** Blackboard handoffs inside one agent class: an action's parameter of type T from the actions returning T. */
    private void readHandoffs(ParsedSource source, List<Action> actions, HandoffGraph.Builder graph) {
        Map<String, List<Action>> producers = new HashMap<>();
        for (Action a : actions) producers.computeIfAbsent(Imports.simpleName(a.returnType()), k -> new ArrayList<>()).add(a);
        for (Action consumer : actions) {
            MethodDeclaration m = consumer.method();
            Map<Parameter, OutputFlow.Producer> inputs = new LinkedHashMap<>();
            for (Parameter p : m.getParameters()) {
                String t = Imports.simpleName(p.getTypeAsString());
                if (CONTEXT_TYPES.contains(t)) continue;
                for (Action producer : producers.getOrDefault(t, List.of())) {
                    if (producer != consumer) inputs.putIfAbsent(p, new OutputFlow.Producer(producer.id(), p.getTypeAsString()));
                }
            }
            if (inputs.isEmpty() || m.getBody().isEmpty()) {
                for (Map.Entry<Parameter, OutputFlow.Producer> in : inputs.entrySet()) {
                    addEdges(source, in.getKey(), producers, consumer, EnumSet.noneOf(Edge.Use.class), graph, actions);
                }
                continue;
            }
            OutputFlow.Result flow = OutputFlow.analyze(m, new OutputFlow.Resolver() {
                @Override
                public Optional<OutputFlow.Producer> producerOf(Expression e) {
                    return Optional.empty();
                }

                @Override
                public Optional<String> consumerOf(MethodCallExpr call) {
                    return LLM_CALLS.contains(call.getNameAsString()) || call.getNameAsString().equals("withSystemPrompt")
                            ? Optional.of(consumer.id()) : Optional.empty();
                }

                @Override
                public Optional<OutputFlow.Producer> parameter(Parameter p) {
                    return Optional.ofNullable(inputs.get(p));
                }
            });
            for (OutputFlow.Decision d : flow.decisions()) {
                graph.fact(new OutputDecision(Locations.of(source, d.node()), d.producer().agent(), d.producer().javaType(),
                        d.operation(), d.node().toString()));
            }
            // which parts of each input this action uses when it prompts a model: the whole value, or only some accessors
            boolean prompts = m.getBody().get().findFirst(MethodCallExpr.class, c -> LLM_CALLS.contains(c.getNameAsString())).isPresent();
            for (Map.Entry<Parameter, OutputFlow.Producer> in : prompts ? inputs.entrySet() : Map.<Parameter, OutputFlow.Producer>of().entrySet()) {
                String name = in.getKey().getNameAsString();
                List<String> accessors = new ArrayList<>();
                boolean whole = false;
                MethodCallExpr first = null;
                for (com.github.javaparser.ast.expr.NameExpr n : m.getBody().get().findAll(com.github.javaparser.ast.expr.NameExpr.class,
                        x -> x.getNameAsString().equals(name))) {
                    if (n.getParentNode().orElse(null) instanceof MethodCallExpr call && call.getScope().map(sc -> sc == n).orElse(false)
                            && call.getArguments().isEmpty()) {
                        if (!accessors.contains(call.getNameAsString())) accessors.add(call.getNameAsString());
                        if (first == null) first = call;
                    } else {
                        whole = true;
                    }
                }
                if (first == null) continue;
                graph.fact(new OutputForwarding(Locations.of(source, first.getName()), in.getValue().agent(), in.getValue().javaType(),
                        consumer.id(), List.copyOf(accessors), whole));
            }
            for (Map.Entry<Parameter, OutputFlow.Producer> in : inputs.entrySet()) {
                EnumSet<Edge.Use> uses = EnumSet.noneOf(Edge.Use.class);
                String type = in.getValue().javaType();
                boolean interpolated = flow.forwards().stream().anyMatch(f -> f.origin() == in.getKey())
                        || interpolatedInPrompt(m, in.getKey().getNameAsString());
                if (interpolated) uses.add(Edge.Use.INTERPOLATED);
                for (OutputFlow.Decision d : flow.decisions()) {
                    if (d.producer() == in.getValue()) uses.add(d.operation().contains(".") ? Edge.Use.PARSED : Edge.Use.BRANCHED);
                }
                for (OutputFlow.Binding b : flow.bindings()) {
                    if (b.producer() == in.getValue()) uses.add(Edge.Use.PARSED);
                }
                addEdges(source, in.getKey(), producers, consumer, uses, graph, actions);
            }
        }
    }

    /** A parameter spliced into prompt text that is built before the LLM call (a local prompt variable). */
    private static boolean interpolatedInPrompt(MethodDeclaration m, String name) {
        return m.getBody().map(b -> SideEffectVerbs.code(b).matches("(?s).*(\\+\\s*" + Pattern.quote(name) + "\\b|formatted\\([^)]*\\b"
                + Pattern.quote(name) + "\\b|format\\([^)]*\\b" + Pattern.quote(name) + "\\b).*")).orElse(false)
                && m.getBody().get().findAll(MethodCallExpr.class).stream().anyMatch(c -> LLM_CALLS.contains(c.getNameAsString()));
    }

    private void addEdges(ParsedSource source, Parameter p, Map<String, List<Action>> producers, Action consumer,
                          EnumSet<Edge.Use> uses, HandoffGraph.Builder graph, List<Action> actions) {
        String type = p.getTypeAsString();
        PayloadKind payload = PayloadKind.of(type);
        for (Action producer : producers.getOrDefault(Imports.simpleName(type), List.of())) {
            if (producer == consumer) continue;
            EnumSet<Edge.Use> u = uses.isEmpty() ? EnumSet.noneOf(Edge.Use.class) : EnumSet.copyOf(uses);
            if (asksForStructure(producer.method())) u.add(Edge.Use.STRUCTURE_REQUESTED);
            String id = producer.id() + "->" + consumer.id() + ":" + type;
            graph.edge(new Edge(id, producer.id(), consumer.id(), Edge.Channel.BLACKBOARD_TYPE, type, payload,
                    payload == PayloadKind.TYPED ? new ContractRef(type, null, Locations.of(source, p)) : null, null,
                    Set.copyOf(u), Locations.of(source, p)));
        }
    }

    private static boolean asksForStructure(MethodDeclaration m) {
        StringBuilder text = new StringBuilder();
        m.walk(Expression.class, e -> Literals.string(e).ifPresent(s -> text.append(s).append('\n')));
        return StructureRequest.asked(text);
    }

    /** An action anywhere in the sources: what it returns, whether it calls a model, where it is. */
    private record ActionInfo(String id, String returnType, boolean llm, MethodDeclaration method,
                              List<MethodDeclaration> helpers, ParsedSource source) {
    }

    private static List<ActionInfo> actions(List<ParsedSource> sources) {
        List<ActionInfo> out = new ArrayList<>();
        for (ParsedSource s : sources) {
            if (!SideEffectVerbs.importsPackage(s.unit(), "com.embabel.agent")) continue;
            Imports imports = Imports.of(s.unit());
            for (TypeDeclaration<?> type : agentTypes(s.unit(), imports)) {
                String chainId = PREFIX + type.getFullyQualifiedName().orElse(type.getNameAsString());
                for (MethodDeclaration m : actionMethods(type, imports)) {
                    List<MethodDeclaration> helpers = helpers(type, m, imports);
                    out.add(new ActionInfo(chainId + "/" + m.getNameAsString(), m.getTypeAsString(),
                            kindOf(m, helpers) == AgentNode.Kind.LLM, m, helpers, s));
                }
            }
        }
        return out;
    }

    @Override
    public void link(List<ParsedSource> sources, HandoffGraph.Builder graph) {
        List<ObjectCreation> creations = new ArrayList<>();
        for (Fact f : graph.facts()) if (f instanceof ObjectCreation o) creations.add(o);
        List<ActionInfo> actions = actions(sources);
        if (creations.isEmpty() && actions.isEmpty()) return;
        ModelTypes types = new ModelTypes(sources);
        // the blackboard is shared by the actions of every agent on the platform: a type one returns can reach another
        Map<String, List<ActionInfo>> producers = new HashMap<>();
        for (ActionInfo a : actions) producers.computeIfAbsent(Imports.simpleName(a.returnType()), k -> new ArrayList<>()).add(a);
        for (ObjectCreation o : creations) {
            String type = Imports.simpleName(o.targetType());
            // a type from a library (PersonImpl) may carry constraints the sources do not show: stay silent
            if (!o.validationOff() && !types.declared(type)) continue;
            // createObjectIfPossible calls no validator (0.5.0): constraints on the type are not checked there
            boolean validated = !o.validationOff() && (o.checkedInCode() || !o.ifPossible() && types.validatesItself(type));
            graph.fact(new ReceiveSite(o.location(), o.agent(), o.agent(), o.mechanism(), o.targetType(), validated, null));
            if (o.nullReturned() && producers.getOrDefault(type, List.of()).stream().allMatch(a -> a.id().equals(o.agent()))) {
                graph.fact(new SwallowedFailure(o.location(), o.agent(), "createObjectIfPossible returns null when the model "
                        + "cannot or will not produce " + type + " (Embabel logs a warning and goes on); the action returns that "
                        + "null, nothing is bound, and no other action produces " + type + ", so the run ends stuck with the cause "
                        + "lost: use createObject (a failure is a typed exception the planner retries) or check for null and "
                        + "throw a typed, owned error.", "createObjectIfPossible|" + type + "|" + o.agent()));
            }
        }
        for (ActionInfo a : actions) {
            Map<Node, VerdictDecisions.Typed> roots = new java.util.IdentityHashMap<>();
            for (Parameter p : a.method().getParameters()) {
                String t = Imports.simpleName(p.getTypeAsString());
                if (CONTEXT_TYPES.contains(t)) continue;
                producers.getOrDefault(t, List.of()).stream().filter(ActionInfo::llm).filter(x -> !x.id().equals(a.id()))
                        .map(ActionInfo::id).sorted().findFirst()
                        .ifPresent(producer -> roots.put(p, new VerdictDecisions.Typed(p.getTypeAsString(), producer, 0)));
            }
            List<MethodDeclaration> bodies = new ArrayList<>(a.helpers());
            bodies.add(0, a.method());
            for (MethodDeclaration m : bodies) {
                if (m.getBody().isEmpty()) continue;
                for (VariableDeclarator v : m.getBody().get().findAll(VariableDeclarator.class)) {
                    if (!(v.getInitializer().orElse(null) instanceof MethodCallExpr init)) continue;
                    Optional<String> created = createdType(init);
                    if (created.isEmpty()) continue;
                    String declared = v.getTypeAsString().equals("var") ? created.get() : v.getTypeAsString();
                    roots.put(v, new VerdictDecisions.Typed(declared, a.id(), 0));
                }
            }
            for (MethodDeclaration m : bodies) {
                if (m.getBody().isEmpty()) continue;
                for (VerdictDecisions.Found d : VerdictDecisions.find(m.getBody().get(), types, roots)) {
                    graph.fact(new OutputDecision(Locations.of(a.source(), d.node()), d.producer(), d.type(), d.operation(),
                            d.node().toString()));
                }
            }
        }
    }

    /**
     * A {@code createObject}/{@code createObjectIfPossible}/{@code creating(X).fromPrompt} call, resolved
     * into a {@link ReceiveSite} once every file's types are known.
     */
    public record ObjectCreation(Location location, String agent, String mechanism, String targetType, boolean validationOff,
                                 boolean ifPossible, boolean checkedInCode, boolean nullReturned) implements Fact {
    }
}
