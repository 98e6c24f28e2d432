package dev.baton.linter.frontend.jakarta;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.ThrowStmt;
import dev.baton.linter.frontend.Frontend;
import dev.baton.linter.frontend.ParsedSource;
import dev.baton.linter.frontend.javasyntax.HandlerOutcomes;
import dev.baton.linter.frontend.javasyntax.Imports;
import dev.baton.linter.frontend.javasyntax.Literals;
import dev.baton.linter.frontend.javasyntax.LocalTypes;
import dev.baton.linter.frontend.javasyntax.Locations;
import dev.baton.linter.frontend.javasyntax.OutputDecision;
import dev.baton.linter.frontend.javasyntax.OutputFlow;
import dev.baton.linter.frontend.javasyntax.SideEffectVerbs;
import dev.baton.linter.frontend.javasyntax.SideEffects;
import dev.baton.linter.frontend.javasyntax.StructureRequest;
import dev.baton.linter.graph.AgentNode;
import dev.baton.linter.graph.Chain;
import dev.baton.linter.graph.ContractRef;
import dev.baton.linter.graph.Edge;
import dev.baton.linter.graph.Framework;
import dev.baton.linter.graph.HandoffGraph;
import dev.baton.linter.graph.Location;
import dev.baton.linter.graph.PayloadKind;
import dev.baton.linter.graph.facts.ErrorHandlerSite;
import dev.baton.linter.graph.facts.ReceiveSite;
import dev.baton.linter.graph.facts.SideEffect;
import dev.baton.linter.graph.facts.SwallowedFailure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Jakarta Agentic ({@code jakarta.ai.agent}, a draft API): an {@code @Agent} class is a chain whose
 * phases ({@code @Trigger}, {@code @Decision}, {@code @Action}, {@code @Outcome}, in {@code order}
 * or declaration order) and {@code @HandleException} handlers are code agents with id
 * {@code jakarta:<class>#<method>}; every call on a {@code LargeLanguageModel} (its {@code query}
 * overloads, or a member renamed in a later draft) is a model agent with id
 * {@code jakarta:<class>#<method>/<n>}, in any class (a REST resource that queries the model too).
 *
 * <p>A model call's text output is followed through the method and the same-class helpers it is
 * passed to: a decision on it ({@code contains}, a regex, {@code parseInt}) is an
 * {@link OutputDecision}; a JSON-B {@code fromJson}, a Jackson {@code readValue}, an org.json
 * {@code new JSONObject(..)} or a JSON-P {@code Json.createReader(..)} of it is a {@link ReceiveSite};
 * in a workflow phase, a decision or a line-splitting parse makes the output a handoff from the
 * model call to the phase ({@link Edge.Channel#RETURN_VALUE}).
 *
 * <p>{@code @HandleException}: per the API's javadoc a handler that returns normally lets the
 * workflow continue (recovery), one that throws stops it; with no matching handler the exception
 * propagates out of the event firing to whoever fired it. A handler that only returns normally is a
 * {@link SwallowedFailure}; one that writes a literal into workflow state is a fabricating
 * {@link ErrorHandlerSite}. Syntax only, names resolved through imports.
 */
public final class JakartaAgenticFrontend implements Frontend {
    static final String PREFIX = "jakarta:";
    private static final String API = "jakarta.ai.agent";
    private static final String MODEL = API + ".LargeLanguageModel";
    private static final List<String> PHASES = List.of("Trigger", "Decision", "Action", "Outcome");
    private static final String HANDLER = "HandleException";
    /** Members of the model facade that are not model calls; any other member is (the API is a draft: names move). */
    private static final Set<String> NOT_CALLS = Set.of("unwrap", "toString", "hashCode", "equals", "getClass");
    private static final Set<String> LINE_PARSERS = Set.of("split", "lines", "splitAsStream");
    private static final Set<String> BINDERS = Set.of("fromJson", "readValue");
    /** A sniff of formatting (a code fence, a brace), not of meaning: no letter or digit besides a fence's language tag. */
    private static final Pattern FORMATTING = Pattern.compile("(?s)```.*|[^\\p{L}\\p{N}]*");
    private static final Pattern FAILURE_WORDS = Pattern.compile("(?i).*(error|fail|unavailable|not available|n/a|unknown|could not"
            + "|couldn't|cannot|can't|unable|exception|try again|went wrong|placeholder).*", Pattern.DOTALL);
    private static final int HELPER_DEPTH = 3;

    @Override
    public Set<String> triggers() {
        return Set.of(API);
    }

    @Override
    public void read(ParsedSource source, HandoffGraph.Builder graph) {
        CompilationUnit unit = source.unit();
        if (!SideEffectVerbs.importsPackage(unit, API)) return;
        Imports imports = Imports.of(unit);
        for (TypeDeclaration<?> type : unit.findAll(TypeDeclaration.class)) readType(source, imports, type, graph);
    }

    private static Optional<AnnotationExpr> annotation(List<AnnotationExpr> annotations, Imports imports, String simple) {
        return annotations.stream().filter(a -> imports.refersTo(a.getNameAsString(), API + "." + simple)).findFirst();
    }

    private static Optional<String> phaseOf(MethodDeclaration m, Imports imports) {
        for (String p : PHASES) if (annotation(m.getAnnotations(), imports, p).isPresent()) return Optional.of(p);
        return Optional.empty();
    }

    private void readType(ParsedSource source, Imports imports, TypeDeclaration<?> type, HandoffGraph.Builder graph) {
        String fqcn = type.getFullyQualifiedName().orElse(type.getNameAsString());
        String simple = type.getNameAsString();
        List<MethodDeclaration> own = type.getMethods().stream()
                .filter(m -> m.findAncestor(TypeDeclaration.class).orElse(null) == type).toList();
        Optional<AnnotationExpr> agent = annotation(type.getAnnotations(), imports, "Agent");
        List<MethodDeclaration> phases = new ArrayList<>();
        List<MethodDeclaration> handlers = new ArrayList<>();
        for (MethodDeclaration m : own) {
            if (phaseOf(m, imports).isPresent()) phases.add(m);
            else if (annotation(m.getAnnotations(), imports, HANDLER).isPresent()) handlers.add(m);
        }
        boolean workflow = agent.isPresent() || !phases.isEmpty();
        // phases run by their order attribute when one is given, else in declaration order
        List<MethodDeclaration> ordered = new ArrayList<>(phases);
        ordered.sort(Comparator.comparingInt(m -> order(m, imports)));
        Set<MethodDeclaration> workflowMethods = Collections.newSetFromMap(new IdentityHashMap<>());
        if (workflow) {
            workflowMethods.addAll(phases);
            workflowMethods.addAll(handlers);
        }
        Map<String, List<MethodDeclaration>> byName = new HashMap<>();
        for (MethodDeclaration m : own) if (m.getBody().isPresent()) byName.computeIfAbsent(m.getNameAsString(), k -> new ArrayList<>()).add(m);

        String chainId = PREFIX + fqcn;
        List<String> members = new ArrayList<>();
        for (MethodDeclaration m : workflow ? concat(ordered, handlers) : List.<MethodDeclaration>of()) {
            String id = methodId(fqcn, m);
            members.add(id);
            String phase = phaseOf(m, imports).orElse(HANDLER);
            graph.agent(new AgentNode(id, simple + "." + m.getNameAsString() + " (@" + phase + ")", Framework.JAKARTA_AGENTIC,
                    AgentNode.Kind.CODE, m.getTypeAsString(), Locations.of(source, m.getName())));
            if (phase.equals("Action") || phase.equals("Outcome")) sideEffects(source, m, id, graph);
        }
        for (MethodDeclaration m : own) {
            if (m.getBody().isEmpty()) continue;
            List<MethodCallExpr> sites = modelCalls(m.getBody().get(), imports);
            if (sites.isEmpty()) continue;
            members.addAll(readCalls(source, simple, fqcn, m, sites, workflowMethods.contains(m), byName, graph));
        }
        if (!workflow) return;
        String name = agent.flatMap(a -> Literals.stringAttribute(a, "name")).orElse(simple);
        Location at = Locations.of(source, type.getName());
        graph.chain(new Chain(chainId, name, Framework.JAKARTA_AGENTIC, List.copyOf(members), at));
        // a failure no handler matches propagates out of the event firing, to whoever fired it
        graph.fact(new ErrorHandlerSite(at, chainId, "container", ErrorHandlerSite.Outcome.UNKNOWN));
        for (MethodDeclaration h : handlers) readHandler(source, chainId, h, graph);
    }

    private static List<MethodDeclaration> concat(List<MethodDeclaration> a, List<MethodDeclaration> b) {
        List<MethodDeclaration> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static int order(MethodDeclaration m, Imports imports) {
        for (String p : PHASES) {
            Optional<AnnotationExpr> a = annotation(m.getAnnotations(), imports, p);
            if (a.isPresent()) return Literals.intAttribute(a.get(), "order").orElse(Integer.MAX_VALUE);
        }
        return Integer.MAX_VALUE;
    }

    private static String methodId(String fqcn, MethodDeclaration m) {
        return PREFIX + fqcn + "#" + m.getNameAsString();
    }

    /** Calls on a {@code LargeLanguageModel} (field, parameter or local), in source order. */
    static List<MethodCallExpr> modelCalls(Node body, Imports imports) {
        List<MethodCallExpr> out = new ArrayList<>();
        for (MethodCallExpr c : body.findAll(MethodCallExpr.class)) {
            if (c.getArguments().isEmpty() || NOT_CALLS.contains(c.getNameAsString()) || c.getScope().isEmpty()) continue;
            Expression s = c.getScope().get();
            if (!(s instanceof NameExpr) && !(s.isFieldAccessExpr() && s.asFieldAccessExpr().getScope() instanceof ThisExpr)) continue;
            Optional<LocalTypes.Declaration> d = LocalTypes.of(s);
            if (d.isPresent() && d.get().type() != null && imports.refersTo(d.get().type(), MODEL)) out.add(c);
        }
        out.sort(Comparator.comparing(c -> c.getBegin().get()));
        return out;
    }

    /** {@code query(prompt, X.class, ..)} returns an X bound by the implementation; every other overload returns text. */
    private static String outputType(MethodCallExpr site) {
        if (site.getArguments().size() >= 2 && site.getArgument(1) instanceof ClassExpr c) return c.getTypeAsString();
        return "String";
    }

    /** What was learnt about the model calls of one method, the helpers included. */
    private static final class Uses {
        final Map<String, EnumSet<Edge.Use>> uses = new LinkedHashMap<>();
        final Map<String, Node> firstEvidence = new LinkedHashMap<>();

        void add(String producer, Edge.Use use, Node evidence) {
            uses.computeIfAbsent(producer, k -> EnumSet.noneOf(Edge.Use.class)).add(use);
            Node prior = firstEvidence.get(producer);
            if (prior == null || evidence.getBegin().get().isBefore(prior.getBegin().get())) firstEvidence.put(producer, evidence);
        }
    }

    private List<String> readCalls(ParsedSource source, String simple, String fqcn, MethodDeclaration method,
                                   List<MethodCallExpr> sites, boolean workflowMethod,
                                   Map<String, List<MethodDeclaration>> byName, HandoffGraph.Builder graph) {
        String methodId = methodId(fqcn, method);
        Map<MethodCallExpr, String> ids = new IdentityHashMap<>();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < sites.size(); i++) {
            MethodCallExpr site = sites.get(i);
            String id = methodId + "/" + (i + 1);
            ids.put(site, id);
            out.add(id);
            graph.agent(new AgentNode(id, simple + "." + method.getNameAsString() + " model call" + (sites.size() > 1 ? " #" + (i + 1) : ""),
                    Framework.JAKARTA_AGENTIC, AgentNode.Kind.LLM, outputType(site), Locations.of(source, site.getName())));
            if (!outputType(site).equals("String")) {
                graph.fact(new ReceiveSite(Locations.of(source, site.getName()), workflowMethod ? methodId : id, id,
                        "LargeLanguageModel." + site.getNameAsString(), outputType(site), false, null));
            }
        }
        Uses uses = new Uses();
        Set<MethodDeclaration> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        follow(source, method, Map.of(), null, ids, workflowMethod ? methodId : null, byName, uses, visited, 0, graph);
        if (!workflowMethod) return out;
        for (Map.Entry<String, EnumSet<Edge.Use>> u : uses.uses.entrySet()) {
            String producer = u.getKey();
            MethodCallExpr site = ids.entrySet().stream().filter(e -> e.getValue().equals(producer)).map(Map.Entry::getKey).findFirst().orElseThrow();
            EnumSet<Edge.Use> set = EnumSet.copyOf(u.getValue());
            if (StructureRequest.asked(Literals.constantText(site))) set.add(Edge.Use.STRUCTURE_REQUESTED);
            String type = outputType(site);
            PayloadKind payload = PayloadKind.of(type);
            Location at = Locations.of(source, uses.firstEvidence.get(producer));
            graph.edge(new Edge(producer + "->" + methodId, producer, methodId, Edge.Channel.RETURN_VALUE, null, payload,
                    payload == PayloadKind.TYPED ? new ContractRef(type, null, at) : null, null, Set.copyOf(set), at));
        }
        return out;
    }

    /**
     * Follows the model calls' outputs through {@code method} and, with the parameters that receive
     * them, through the same-class helpers it passes them to ({@code isFraud(output)}).
     *
     * @param entry the call in the phase method through which a helper was reached, or {@code null} in the phase itself
     */
    private void follow(ParsedSource source, MethodDeclaration method, Map<Parameter, OutputFlow.Producer> params,
                        MethodCallExpr entry, Map<MethodCallExpr, String> ids, String consumer,
                        Map<String, List<MethodDeclaration>> byName, Uses uses, Set<MethodDeclaration> visited, int depth,
                        HandoffGraph.Builder graph) {
        if (!visited.add(method) || method.getBody().isEmpty()) return;
        OutputFlow.Result flow = OutputFlow.analyze(method, new OutputFlow.Resolver() {
            @Override
            public Optional<OutputFlow.Producer> producerOf(Expression e) {
                if (e instanceof MethodCallExpr m && ids.containsKey(m)) return Optional.of(new OutputFlow.Producer(ids.get(m), outputType(m)));
                return Optional.empty();
            }

            @Override
            public Optional<String> consumerOf(MethodCallExpr call) {
                return Optional.ofNullable(ids.get(call));
            }

            @Override
            public Optional<OutputFlow.Producer> parameter(Parameter p) {
                return Optional.ofNullable(params.get(p));
            }
        });
        for (OutputFlow.Decision d : flow.decisions()) {
            if (formattingCheck(d.node())) continue;
            graph.fact(new OutputDecision(Locations.of(source, d.node()), d.producer().agent(), d.producer().javaType(),
                    d.operation(), d.node().toString()));
            boolean parse = d.operation().contains(".") || d.operation().startsWith("new ");
            uses.add(d.producer().agent(), parse ? Edge.Use.PARSED : Edge.Use.BRANCHED, entry != null ? entry : d.node());
        }
        Set<MethodCallExpr> bound = Collections.newSetFromMap(new IdentityHashMap<>());
        for (OutputFlow.Binding b : flow.bindings()) {
            bound.add(b.call());
            graph.fact(new ReceiveSite(Locations.of(source, b.call()), consumer, b.producer().agent(), b.mechanism(), b.targetType(),
                    false, b.mapper() != null ? b.mapper() : b.call().getScope().map(Expression::toString).orElse(null)));
        }
        Node body = method.getBody().get();
        for (MethodCallExpr c : body.findAll(MethodCallExpr.class)) {
            // fromJson(extractJson(raw), X.class): the text bound is cut out of the model's reply
            if (BINDERS.contains(c.getNameAsString()) && !bound.contains(c) && c.getArguments().size() >= 2
                    && c.getArgument(0) instanceof MethodCallExpr inner) {
                Optional<OutputFlow.Producer> p = inner.getArguments().stream().map(a -> tainted(a, flow, ids)).flatMap(Optional::stream).findFirst();
                if (p.isPresent()) {
                    String target = c.getArgument(1) instanceof ClassExpr ce ? ce.getTypeAsString() : null;
                    Expression scope = c.getScope().orElse(null);
                    String mapper = scope == null ? null : scope instanceof NameExpr n ? n.getNameAsString()
                            : scope.isFieldAccessExpr() ? scope.asFieldAccessExpr().getNameAsString() : scope.toString();
                    graph.fact(new ReceiveSite(Locations.of(source, c), consumer, p.get().agent(),
                            (scope == null ? "" : mechanismOwner(scope) + ".") + c.getNameAsString(), target, false, mapper));
                }
            }
            // raw.split("\n"): structure cut out of prose by line or separator
            if (LINE_PARSERS.contains(c.getNameAsString()) && c.getScope().isPresent()) {
                tainted(c.getScope().get(), flow, ids).ifPresent(p -> uses.add(p.agent(), Edge.Use.PARSED, entry != null ? entry : c));
            }
            // the model's text parsed into a JSON tree: org.json's new JSONObject(raw) (below), JSON-P's Json.createReader(new StringReader(raw))
            if (c.getNameAsString().equals("createReader") && c.getArguments().size() == 1 && c.getArgument(0) instanceof ObjectCreationExpr r
                    && Imports.simpleName(r.getTypeAsString()).equals("StringReader") && r.getArguments().size() == 1) {
                tainted(r.getArgument(0), flow, ids).ifPresent(p -> treeReceive(source, c, "Json.createReader", consumer, p, graph));
            }
        }
        for (ObjectCreationExpr o : body.findAll(ObjectCreationExpr.class)) {
            if (Imports.simpleName(o.getTypeAsString()).equals("JSONObject") && o.getArguments().size() == 1) {
                tainted(o.getArgument(0), flow, ids).ifPresent(p -> treeReceive(source, o, "new JSONObject", consumer, p, graph));
            }
        }
        if (depth >= HELPER_DEPTH) return;
        for (MethodCallExpr c : body.findAll(MethodCallExpr.class)) {
            if (c.getScope().isPresent() && !(c.getScope().get() instanceof ThisExpr)) continue;
            for (MethodDeclaration callee : byName.getOrDefault(c.getNameAsString(), List.of())) {
                if (callee.getParameters().size() != c.getArguments().size() || visited.contains(callee)) continue;
                Map<Parameter, OutputFlow.Producer> passed = new IdentityHashMap<>();
                for (int i = 0; i < c.getArguments().size(); i++) {
                    Parameter p = callee.getParameter(i);
                    tainted(c.getArgument(i), flow, ids).ifPresent(pr -> passed.put(p, new OutputFlow.Producer(pr.agent(), p.getTypeAsString())));
                }
                if (!passed.isEmpty()) {
                    follow(source, callee, passed, entry != null ? entry : c, ids, consumer, byName, uses, visited, depth + 1, graph);
                }
            }
        }
    }

    /**
     * A JSON tree built from the model's text: its keys are read by name later, so the receive site is
     * the variable that holds it (for lenient-binding's defaults check), else the expression itself.
     */
    private static void treeReceive(ParsedSource source, Expression parse, String mechanism, String consumer, OutputFlow.Producer p,
                                     HandoffGraph.Builder graph) {
        Node holder = parse;
        while (true) {
            Node inner = holder;
            if (!(inner.getParentNode().orElse(null) instanceof MethodCallExpr m) || !m.getScope().map(s -> s == inner).orElse(false)) break;
            holder = m;
        }
        String variable = null;
        if (holder.getParentNode().orElse(null) instanceof com.github.javaparser.ast.body.VariableDeclarator v) variable = v.getNameAsString();
        else if (holder.getParentNode().orElse(null) instanceof AssignExpr a && a.getTarget() instanceof NameExpr n) variable = n.getNameAsString();
        graph.fact(new ReceiveSite(Locations.of(source, parse), consumer, p.agent(), mechanism, null, false, variable));
    }

    private static String mechanismOwner(Expression scope) {
        if (scope instanceof NameExpr || scope.isFieldAccessExpr()) {
            return LocalTypes.of(scope).map(LocalTypes.Declaration::type).map(Imports::simpleName).orElse(scope.toString());
        }
        return scope.toString();
    }

    /** The model output an expression carries in this flow: a model call, a local or parameter it reached, a trimmed copy. */
    private static Optional<OutputFlow.Producer> tainted(Expression e, OutputFlow.Result flow, Map<MethodCallExpr, String> ids) {
        while (e.isEnclosedExpr()) e = e.asEnclosedExpr().getInner();
        if (e.isCastExpr()) return tainted(e.asCastExpr().getExpression(), flow, ids);
        if (e.isConditionalExpr()) {
            Expression otherwise = e.asConditionalExpr().getElseExpr();
            return tainted(e.asConditionalExpr().getThenExpr(), flow, ids).or(() -> tainted(otherwise, flow, ids));
        }
        if (e instanceof MethodCallExpr m) {
            if (ids.containsKey(m)) return Optional.of(new OutputFlow.Producer(ids.get(m), outputType(m)));
            if (m.getArguments().isEmpty() && m.getScope().isPresent()
                    && Set.of("trim", "strip", "toLowerCase", "toUpperCase", "toString", "stripLeading", "stripTrailing").contains(m.getNameAsString())) {
                return tainted(m.getScope().get(), flow, ids);
            }
            return Optional.empty();
        }
        if (e instanceof NameExpr n) {
            return LocalTypes.of(n).flatMap(d -> Optional.ofNullable(flow.origins().get(d.declaration())));
        }
        return Optional.empty();
    }

    /** {@code startsWith("```")}, {@code indexOf('{')}: a check of the reply's formatting before parsing, not a decision on it. */
    private static boolean formattingCheck(Node decision) {
        if (!(decision instanceof MethodCallExpr m) || m.getArguments().isEmpty()) return false;
        Expression a = m.getArgument(0);
        if (a instanceof CharLiteralExpr c) return !Character.isLetterOrDigit(c.asChar());
        return Literals.string(a).map(s -> FORMATTING.matcher(s).matches()).orElse(false);
    }

    /**
     * Side effects of a phase, read from what its code does ({@link SideEffects}: a file written, a process
     * run, a mutating HTTP call, a repository write, a message sent, following same-class calls) or
     * declared with {@code @SideEffect}: one fact per phase, at its name. A phase's or a call's name alone
     * ({@code publish}, {@code store.publish(draft)}) says nothing certain: a draft published to a review
     * store or a progress report is not an act on the world, so names are not read.
     */
    private static void sideEffects(ParsedSource source, MethodDeclaration m, String id, HandoffGraph.Builder graph) {
        SideEffects.of(m).ifPresent(what -> graph.fact(new SideEffect(Locations.of(source, m.getName()), id,
                m.getNameAsString() + " (" + what + ")", SideEffectVerbs.guarded(m))));
    }

    /**
     * A {@code @HandleException} method: it stops the workflow when it throws, escalates when it hands
     * the failure to a person, invents a result when it writes a literal into workflow state
     * ({@code lesson.setObjectives(List.of("Review the chapter"))}), and otherwise lets the workflow
     * continue after the failure as if the phase had succeeded.
     */
    private static void readHandler(ParsedSource source, String chainId, MethodDeclaration h, HandoffGraph.Builder graph) {
        if (h.getBody().isEmpty()) return;
        ErrorHandlerSite.Outcome outcome = HandlerOutcomes.outcome(h);
        boolean throwsSomewhere = !h.getBody().get().findAll(ThrowStmt.class).isEmpty();
        Optional<Node> invented = throwsSomewhere || outcome == ErrorHandlerSite.Outcome.ESCALATE ? Optional.empty() : inventedState(h);
        if (invented.isPresent()) {
            graph.fact(new ErrorHandlerSite(Locations.of(source, invented.get()), chainId, "@HandleException method '"
                    + h.getNameAsString() + "'", ErrorHandlerSite.Outcome.FABRICATE));
            return;
        }
        graph.fact(new ErrorHandlerSite(Locations.of(source, h.getName()), chainId, "@HandleException", outcome));
        if (throwsSomewhere || outcome == ErrorHandlerSite.Outcome.ESCALATE || outcome == ErrorHandlerSite.Outcome.RETHROW) return;
        String caught = h.getParameters().isEmpty() ? "the exception" : h.getParameter(0).getTypeAsString();
        graph.fact(new SwallowedFailure(Locations.of(source, h.getName()), chainId, "@HandleException method '" + h.getNameAsString()
                + "' handles " + caught + " and returns normally, which in Jakarta Agentic means the failure was recovered: "
                + "the workflow goes on to its next phases (and the caller sees success) without the failed phase's result. "
                + "Rethrow the exception (or throw a typed, owned error) to stop the workflow, or escalate it to a person; "
                + "return normally only after repairing the state the next phases read.", "@HandleException " + chainId + "#" + h.getNameAsString()));
    }

    /**
     * A setter call or assignment in the handler whose value is built only from literals, reads like
     * prose (it has a space) and says nothing of the failure.
     */
    private static Optional<Node> inventedState(MethodDeclaration h) {
        for (Node n : h.getBody().get().findAll(Node.class)) {
            Expression value = null;
            if (n instanceof MethodCallExpr c && c.getScope().isPresent() && c.getArguments().size() == 1
                    && c.getNameAsString().startsWith("set") && c.getNameAsString().length() > 3) {
                value = c.getArgument(0);
            } else if (n instanceof AssignExpr a && a.getOperator() == AssignExpr.Operator.ASSIGN) {
                value = a.getValue();
            }
            if (value == null || !HandlerOutcomes.madeOfLiterals(value)) continue;
            // invented content reads like prose ("No material findings."); a code such as "DONE" is a state, not a result
            String text = Literals.constantText(value).strip();
            if (!text.contains(" ") || FAILURE_WORDS.matcher(text).matches()) continue;
            return Optional.of(n);
        }
        return Optional.empty();
    }
}
