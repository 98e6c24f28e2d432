package dev.baton.linter.frontend.modelclient;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import dev.baton.linter.frontend.Frontend;
import dev.baton.linter.frontend.ParsedSource;
import dev.baton.linter.frontend.javasyntax.Imports;
import dev.baton.linter.frontend.javasyntax.Literals;
import dev.baton.linter.frontend.javasyntax.LocalTypes;
import dev.baton.linter.frontend.javasyntax.Locations;
import dev.baton.linter.frontend.javasyntax.OutputDecision;
import dev.baton.linter.frontend.javasyntax.OutputFlow;
import dev.baton.linter.graph.AgentNode;
import dev.baton.linter.graph.Fact;
import dev.baton.linter.graph.Framework;
import dev.baton.linter.graph.HandoffGraph;
import dev.baton.linter.graph.facts.ReceiveSite;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Model calls written against a model's own client rather than an agent framework: the official
 * OpenAI ({@code com.openai}: chat completions, responses, structured outputs), Anthropic
 * ({@code com.anthropic}: messages) and Google Gen AI ({@code com.google.genai}:
 * {@code models.generateContent}) Java SDKs, LangChain4j's {@code ChatModel.chat} called directly, and
 * hand-written HTTP requests (OkHttp, {@code java.net.http}, Spring {@code RestClient}) recognised by the
 * request they build ({@link ModelCall}). Each call is a model agent with id
 * {@code model:<class>#<method>/<n>}.
 *
 * <p>The answer is found where the code reads it out of the response ({@link ReplyPaths}) and followed
 * ({@link OutputFlow}) through the method and the same-class helpers it is passed to: a decision on it is
 * an {@link OutputDecision}, a binding of it a {@link ReceiveSite}, judged by the existing rules. A
 * method that returns the answer is an agent itself ({@code model:<class>#<method>}) and its callers in
 * other classes are followed too ({@link #link}).
 *
 * <p>Structured outputs: OpenAI's {@code responseFormat(X.class)} / {@code text(X.class)} and
 * Anthropic's {@code outputConfig(X.class)} send a JSON schema derived from {@code X} with
 * {@code strict: true} (the provider constrains the answer to it) and bind the answer with the SDK's
 * own Jackson mapper, which throws on a truncated or non-conforming document
 * ({@code OpenAIInvalidDataException}): a typed answer validated against the class it is bound to. Gen
 * AI's {@code responseSchema} is a separate schema the code writes and {@code text()} stays text: what
 * the code binds it to is a receive of its own.
 */
public final class ModelClientFrontend implements Frontend {
    static final String PREFIX = "model:";
    private static final int HELPER_DEPTH = 3;
    /** A sniff of formatting (a code fence, a brace), not of meaning. */
    private static final Pattern FORMATTING = Pattern.compile("(?s)```.*|[^\\p{L}\\p{N}]*");

    @Override
    public Set<String> triggers() {
        return Set.of(ModelCall.OPENAI, ModelCall.ANTHROPIC, ModelCall.GENAI, "dev.langchain4j.model", "/chat/completions",
                "/v1/messages", "/v1/responses", ":generateContent", "\\\"messages\\\"", "\"messages\"");
    }

    @Override
    public void read(ParsedSource source, HandoffGraph.Builder graph) {
        Imports imports = Imports.of(source.unit());
        boolean sdk = imports.importsFrom(ModelCall.OPENAI) || imports.importsFrom(ModelCall.ANTHROPIC)
                || imports.importsFrom(ModelCall.GENAI) || imports.importsFrom("dev.langchain4j.model");
        boolean http = ModelCall.importsHttpClient(imports) && ModelCall.mayCallHttp(source.text());
        if (!sdk && !http) return;
        for (TypeDeclaration<?> type : source.unit().findAll(TypeDeclaration.class)) {
            String fqcn = type.getFullyQualifiedName().orElse(type.getNameAsString());
            Map<String, List<MethodDeclaration>> byName = methodsByName(type);
            for (MethodDeclaration m : type.getMethods()) {
                if (m.getBody().isEmpty() || m.findAncestor(TypeDeclaration.class).orElse(null) != type || isTest(m, imports)) continue;
                List<ModelCall> calls = ModelCall.in(m.getBody().get(), imports, http);
                if (!calls.isEmpty()) readCalls(source, type, fqcn, m, calls, byName, graph);
            }
        }
    }

    private static final Set<String> TEST_ANNOTATIONS = Set.of("Test", "ParameterizedTest", "RepeatedTest", "TestFactory", "TestTemplate");

    /**
     * A JUnit or TestNG test method: its model call is the test exercising the model, and what it does with
     * the answer (an assertion) hands nothing to another agent.
     */
    private static boolean isTest(MethodDeclaration m, Imports imports) {
        if (!imports.importsFrom("org.junit") && !imports.importsFrom("org.testng")) return false;
        return m.getAnnotations().stream().anyMatch(a -> TEST_ANNOTATIONS.contains(Imports.simpleName(a.getNameAsString())));
    }

    private static Map<String, List<MethodDeclaration>> methodsByName(TypeDeclaration<?> type) {
        Map<String, List<MethodDeclaration>> byName = new HashMap<>();
        for (MethodDeclaration m : type.getMethods()) {
            if (m.getBody().isPresent()) byName.computeIfAbsent(m.getNameAsString(), k -> new ArrayList<>()).add(m);
        }
        return byName;
    }

    private void readCalls(ParsedSource source, TypeDeclaration<?> type, String fqcn, MethodDeclaration method, List<ModelCall> calls,
                           Map<String, List<MethodDeclaration>> byName, HandoffGraph.Builder graph) {
        String methodId = PREFIX + fqcn + "#" + method.getNameAsString();
        Map<MethodCallExpr, ModelCall> sites = new IdentityHashMap<>();
        Map<ModelCall, String> ids = new IdentityHashMap<>();
        for (int i = 0; i < calls.size(); i++) {
            ModelCall c = calls.get(i);
            String id = methodId + "/" + (i + 1);
            sites.put(c.call(), c);
            ids.put(c, id);
            graph.agent(new AgentNode(id, type.getNameAsString() + "." + method.getNameAsString() + " model call"
                    + (calls.size() > 1 ? " #" + (i + 1) : ""), Framework.MODEL_CLIENT, AgentNode.Kind.LLM, answerType(c),
                    Locations.of(source, c.call().getName())));
            if (!answerType(c).equals("String")) {
                graph.fact(new ReceiveSite(Locations.of(source, c.call().getName()), id, id, structuredMechanism(c), answerType(c),
                        true, null));
            }
        }
        Set<MethodDeclaration> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        follow(source, method, new ReplyPaths(sites, Map.of()), ids, byName, visited, 0, graph);
        // a method that returns the answer is the model call for its callers
        returnedAnswer(method, new ReplyPaths(sites, Map.of()), ids).ifPresent(p -> {
            String id = methodId;
            graph.agent(new AgentNode(id, type.getNameAsString() + "." + method.getNameAsString(), Framework.MODEL_CLIENT,
                    AgentNode.Kind.LLM, p.javaType(), Locations.of(source, method.getName())));
            graph.fact(new ReplyReturned(Locations.of(source, method.getName()), type.getNameAsString(), method.getNameAsString(),
                    method.getParameters().size(), id, p.javaType()));
        });
    }

    private static String answerType(ModelCall c) {
        return c.outputType() == null ? "String" : c.outputType();
    }

    private static String structuredMechanism(ModelCall c) {
        return switch (c.family()) {
            case OPENAI_CHAT, OPENAI_RESPONSES -> "OpenAI structured outputs";
            case ANTHROPIC -> "Anthropic structured outputs";
            default -> c.family().name();
        };
    }

    /** The answer {@code method} returns, when a return statement (outside lambdas) hands it back. */
    private static Optional<OutputFlow.Producer> returnedAnswer(MethodDeclaration method, ReplyPaths paths, Map<ModelCall, String> ids) {
        if (method.getType().isVoidType()) return Optional.empty();
        OutputFlow.Result flow = OutputFlow.analyze(method, resolver(paths, ids, Map.of()));
        for (ReturnStmt r : method.getBody().get().findAll(ReturnStmt.class)) {
            if (r.getExpression().isEmpty() || r.findAncestor(LambdaExpr.class).map(l -> l.isDescendantOf(method)).orElse(false)) continue;
            Optional<OutputFlow.Producer> p = carried(r.getExpression().get(), paths, ids, flow);
            if (p.isPresent()) return Optional.of(new OutputFlow.Producer(p.get().agent(), method.getTypeAsString()));
        }
        return Optional.empty();
    }

    /** The answer an expression carries: the answer itself, a local holding it, a trimmed copy. */
    private static Optional<OutputFlow.Producer> carried(Expression e, ReplyPaths paths, Map<ModelCall, String> ids, OutputFlow.Result flow) {
        while (e.isEnclosedExpr()) e = e.asEnclosedExpr().getInner();
        Optional<ModelCall> direct = paths.answer(e);
        if (direct.isPresent()) return Optional.of(new OutputFlow.Producer(ids.get(direct.get()), answerType(direct.get())));
        if (e instanceof NameExpr n) return LocalTypes.of(n).flatMap(d -> Optional.ofNullable(flow.origins().get(d.declaration())));
        if (e instanceof MethodCallExpr m && m.getArguments().isEmpty() && m.getScope().isPresent()
                && Set.of("trim", "strip", "toString", "stripLeading", "stripTrailing").contains(m.getNameAsString())) {
            return carried(m.getScope().get(), paths, ids, flow);
        }
        return Optional.empty();
    }

    private static OutputFlow.Resolver resolver(ReplyPaths paths, Map<ModelCall, String> ids, Map<Parameter, OutputFlow.Producer> params) {
        return new OutputFlow.Resolver() {
            @Override
            public Optional<OutputFlow.Producer> producerOf(Expression e) {
                return paths.answer(e).map(c -> new OutputFlow.Producer(ids.get(c), answerType(c)));
            }

            @Override
            public Optional<String> consumerOf(MethodCallExpr call) {
                return Optional.empty();
            }

            @Override
            public Optional<OutputFlow.Producer> parameter(Parameter p) {
                return Optional.ofNullable(params.get(p));
            }
        };
    }

    /**
     * Follows the answers through {@code method} and, with the parameters that receive an answer or a
     * part of the response on its way to one ({@code textOf(message)}), through the same-class helpers.
     */
    private void follow(ParsedSource source, MethodDeclaration method, ReplyPaths paths, Map<ModelCall, String> ids,
                        Map<String, List<MethodDeclaration>> byName, Set<MethodDeclaration> visited, int depth, HandoffGraph.Builder graph) {
        if (!visited.add(method) || method.getBody().isEmpty()) return;
        Map<Parameter, OutputFlow.Producer> answers = new IdentityHashMap<>();
        paths.parameterAnswers().forEach((p, r) -> {
            if (ReplyPaths.isAnswer(r)) answers.put(p, new OutputFlow.Producer(ids.get(r.call()), answerType(r.call())));
        });
        OutputFlow.Result flow = OutputFlow.analyze(method, resolver(paths, ids, answers));
        emit(source, flow, graph);
        if (depth >= HELPER_DEPTH) return;
        for (MethodCallExpr c : method.getBody().get().findAll(MethodCallExpr.class)) {
            if (c.getScope().isPresent() && !(c.getScope().get() instanceof ThisExpr)) continue;
            for (MethodDeclaration callee : byName.getOrDefault(c.getNameAsString(), List.of())) {
                if (callee.getParameters().size() != c.getArguments().size() || visited.contains(callee)) continue;
                Map<Parameter, ReplyPaths.Reply> passed = new IdentityHashMap<>();
                for (int i = 0; i < c.getArguments().size(); i++) {
                    Expression a = c.getArgument(i);
                    Optional<ReplyPaths.Reply> r = paths.derive(a, 0);
                    if (r.isEmpty()) {
                        Optional<OutputFlow.Producer> p = carried(a, paths, ids, flow);
                        if (p.isPresent()) r = replyOf(p.get(), ids);
                    }
                    if (r.isPresent()) passed.put(callee.getParameter(i), r.get());
                }
                if (!passed.isEmpty()) follow(source, callee, paths.with(passed), ids, byName, visited, depth + 1, graph);
            }
        }
    }

    /** The answer a producer stands for, as a walked path (a local that holds the answer, passed on). */
    private static Optional<ReplyPaths.Reply> replyOf(OutputFlow.Producer p, Map<ModelCall, String> ids) {
        for (Map.Entry<ModelCall, String> e : ids.entrySet()) {
            if (e.getValue().equals(p.agent())) return Optional.of(ReplyPaths.answered(e.getKey()));
        }
        return Optional.empty();
    }

    private static void emit(ParsedSource source, OutputFlow.Result flow, HandoffGraph.Builder graph) {
        for (OutputFlow.Decision d : flow.decisions()) {
            if (formattingCheck(d.node())) continue;
            graph.fact(new OutputDecision(Locations.of(source, d.node()), d.producer().agent(), d.producer().javaType(),
                    d.operation(), d.node().toString()));
        }
        for (OutputFlow.Binding b : flow.bindings()) {
            graph.fact(new ReceiveSite(Locations.of(source, b.call()), null, b.producer().agent(), b.mechanism(), b.targetType(),
                    false, b.mapper() != null ? b.mapper() : b.call().getScope().map(Expression::toString).orElse(null)));
        }
    }

    /** {@code startsWith("```")}, {@code indexOf('{')}: a check of the answer's formatting before parsing, not a decision on it. */
    private static boolean formattingCheck(Node decision) {
        if (!(decision instanceof MethodCallExpr m) || m.getArguments().isEmpty()) return false;
        Expression a = m.getArgument(0);
        if (a instanceof CharLiteralExpr c) return !Character.isLetterOrDigit(c.asChar());
        return Literals.string(a).map(s -> FORMATTING.matcher(s).matches()).orElse(false);
    }

    /**
     * Callers of a method that returns an answer ({@link ReplyReturned}): {@code llm.complete(prompt)} on a
     * field or local declared with the owner's type, or an unqualified call in the owner itself.
     */
    @Override
    public void link(List<ParsedSource> sources, HandoffGraph.Builder graph) {
        List<ReplyReturned> wrappers = new ArrayList<>();
        for (Fact f : graph.facts()) if (f instanceof ReplyReturned r) wrappers.add(r);
        if (wrappers.isEmpty()) return;
        Set<String> names = new java.util.HashSet<>();
        for (ReplyReturned r : wrappers) names.add(r.method());
        for (ParsedSource source : sources) {
            if (names.stream().noneMatch(n -> source.text().contains(n + "("))) continue;
            for (TypeDeclaration<?> type : source.unit().findAll(TypeDeclaration.class)) {
                for (MethodDeclaration m : type.getMethods()) {
                    if (m.getBody().isEmpty() || m.findAncestor(TypeDeclaration.class).orElse(null) != type) continue;
                    Map<MethodCallExpr, ReplyReturned> calls = new IdentityHashMap<>();
                    for (MethodCallExpr c : m.getBody().get().findAll(MethodCallExpr.class)) {
                        if (!names.contains(c.getNameAsString())) continue;
                        wrapperOf(c, type, wrappers).ifPresent(w -> calls.put(c, w));
                    }
                    if (calls.isEmpty()) continue;
                    OutputFlow.Result flow = OutputFlow.analyze(m, new OutputFlow.Resolver() {
                        @Override
                        public Optional<OutputFlow.Producer> producerOf(Expression e) {
                            if (e instanceof MethodCallExpr c && calls.containsKey(c)) {
                                return Optional.of(new OutputFlow.Producer(calls.get(c).agent(), calls.get(c).javaType()));
                            }
                            return Optional.empty();
                        }

                        @Override
                        public Optional<String> consumerOf(MethodCallExpr call) {
                            return Optional.empty();
                        }
                    });
                    emit(source, flow, graph);
                }
            }
        }
    }

    private static Optional<ReplyReturned> wrapperOf(MethodCallExpr c, TypeDeclaration<?> inType, List<ReplyReturned> wrappers) {
        String owner;
        if (c.getScope().isEmpty() || c.getScope().get() instanceof ThisExpr) {
            owner = inType.getNameAsString();
        } else {
            owner = LocalTypes.of(c.getScope().get()).map(LocalTypes.Declaration::type).map(Imports::rawName).map(Imports::simpleName).orElse(null);
        }
        if (owner == null) return Optional.empty();
        for (ReplyReturned w : wrappers) {
            if (w.owner().equals(owner) && w.method().equals(c.getNameAsString()) && w.arity() == c.getArguments().size()) return Optional.of(w);
        }
        return Optional.empty();
    }
}
