package dev.baton.linter.frontend.modelclient;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import dev.baton.linter.frontend.javasyntax.Imports;
import dev.baton.linter.frontend.javasyntax.Literals;
import dev.baton.linter.frontend.javasyntax.LocalTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a model's answer is inside what its client returns, and whether an expression has reached it.
 *
 * <p>Each API's answer is a path of accessors from the response: OpenAI chat completions
 * {@code choices → message → content} ({@code Optional<String>}), Responses
 * {@code output → message → content → outputText → text}, Anthropic {@code content → text → text}
 * (a block's {@code Optional<TextBlock>}, then its {@code String}), Gen AI {@code text()} (or
 * {@code candidates → content → parts → text}), LangChain4j {@code aiMessage → text}. List and
 * {@code Optional} plumbing ({@code get(0)}, {@code stream()}, {@code flatMap(b -> b.text().stream())},
 * {@code map(TextBlock::text)}, {@code orElse}, {@code collect(joining())}) carries no name of the path
 * and is skipped; any other accessor ({@code usage()}, {@code id()}) leaves the path: it is not the answer.
 * A hand-written HTTP call's body is the provider's JSON envelope, and the answer is reached by keys
 * ({@code choices/0/message/content}) read from its parsed tree. An expression is the answer only when
 * the whole path has been walked and the value is unwrapped; nothing is guessed.
 */
final class ReplyPaths {
    private static final int MAX_DEPTH = 24;
    private static final Set<String> ELEMENT = Set.of("getFirst", "getLast", "stream", "findFirst", "findAny", "filter", "sorted",
            "limit", "skip", "distinct", "getAsJsonObject", "getAsJsonArray", "getAsJsonPrimitive", "iterator", "next", "peek");
    private static final Set<String> UNWRAP = Set.of("orElse", "orElseThrow", "orElseGet");
    private static final Set<String> KEYED = Set.of("get", "path", "getJSONObject", "getJSONArray", "optJSONObject", "optJSONArray",
            "getAsJsonObject", "getAsJsonArray", "required", "getObject", "getArray");
    private static final Set<String> KEYED_TEXT = Set.of("getString", "optString");
    private static final Set<String> TREE_TEXT = Set.of("asText", "textValue", "getAsString", "asString", "stringValue");
    private static final List<List<String>> ENVELOPE_TEXT = List.of(List.of("choices", "message", "content"), List.of("content", "text"),
            List.of("candidates", "content", "parts", "text"), List.of("output", "content", "text"), List.of("output_text"));

    /** Where an expression is on the way from a model call to its answer. */
    enum State { CALL, STEP, PLUMB, UNWRAPPED, TREE }

    /** @param steps the path's names walked so far (JSON keys once in the envelope's tree) */
    record Reply(ModelCall call, List<String> steps, State state, boolean answered) {
        Reply(ModelCall call, List<String> steps, State state) {
            this(call, steps, state, false);
        }

        Reply then(String step, State s) {
            List<String> next = new ArrayList<>(steps);
            if (step != null) next.add(step);
            return new Reply(call, List.copyOf(next), s);
        }

        Reply in(State s) {
            return new Reply(call, steps, s);
        }
    }

    /** The whole answer of a call, already read out (a helper's parameter that receives it). */
    static Reply answered(ModelCall call) {
        return new Reply(call, List.of(), State.UNWRAPPED, true);
    }

    /** These paths with more parameters that hold (a part of) a response: a helper's, reached with them. */
    ReplyPaths with(Map<Parameter, Reply> more) {
        Map<Parameter, Reply> all = new java.util.IdentityHashMap<>(parameters);
        all.putAll(more);
        return new ReplyPaths(calls, all);
    }

    Map<Parameter, Reply> parameterAnswers() {
        return parameters;
    }

    private final Map<MethodCallExpr, ModelCall> calls;
    private final Map<Parameter, Reply> parameters;

    ReplyPaths(Map<MethodCallExpr, ModelCall> calls, Map<Parameter, Reply> parameters) {
        this.calls = calls;
        this.parameters = parameters;
    }

    /** The model answer this expression is, with the type it has: text ({@code "String"}) or the bound class. */
    Optional<ModelCall> answer(Expression e) {
        if (!(e instanceof MethodCallExpr) && !(e instanceof NameExpr)) return Optional.empty();
        return derive(e, 0).filter(ReplyPaths::isAnswer).map(Reply::call);
    }

    static boolean isAnswer(Reply r) {
        if (r.answered()) return true;
        ModelCall c = r.call();
        boolean typed = c.outputType() != null && !c.outputType().equals("String");
        return switch (c.family()) {
            case LANGCHAIN4J_TEXT -> r.steps().isEmpty() && r.state() == State.CALL;
            case OPENAI_CHAT -> r.steps().equals(List.of("choices", "message", "content")) && r.state() == State.UNWRAPPED;
            case OPENAI_RESPONSES -> typed
                    ? r.steps().equals(List.of("output", "message", "content", "outputText")) && r.state() == State.UNWRAPPED
                    : r.steps().equals(List.of("output", "message", "content", "outputText", "text")) && ended(r);
            case ANTHROPIC -> r.steps().equals(List.of("content", "text", "text")) && ended(r);
            case GENAI -> r.steps().equals(List.of("text")) && ended(r)
                    || r.steps().equals(List.of("candidates", "content", "parts", "text")) && r.state() == State.UNWRAPPED;
            case LANGCHAIN4J_CHAT_RESPONSE -> r.steps().equals(List.of("aiMessage", "text")) && ended(r);
            case LANGCHAIN4J_RESPONSE -> r.steps().equals(List.of("content", "text")) && ended(r);
            case HTTP_OKHTTP, HTTP_JDK, HTTP_SPRING -> r.state() == State.UNWRAPPED && r.steps().size() > envelope(c.family()).size()
                    && r.steps().subList(0, envelope(c.family()).size()).equals(envelope(c.family()))
                    && ENVELOPE_TEXT.contains(r.steps().subList(envelope(c.family()).size(), r.steps().size()));
        };
    }

    private static boolean ended(Reply r) {
        return r.state() == State.STEP || r.state() == State.UNWRAPPED;
    }

    /** The accessors from an HTTP call to its body text; a marker "{}" stands for the parse into a tree. */
    private static List<String> envelope(ModelCall.Family f) {
        return switch (f) {
            case HTTP_OKHTTP -> List.of("body", "string", "{}");
            case HTTP_JDK -> List.of("body", "{}");
            default -> List.of("{}");
        };
    }

    private static Set<String> vocabulary(ModelCall.Family f) {
        return switch (f) {
            case OPENAI_CHAT -> Set.of("choices", "message", "content");
            case OPENAI_RESPONSES -> Set.of("output", "message", "content", "outputText", "text");
            case ANTHROPIC, LANGCHAIN4J_RESPONSE -> Set.of("content", "text");
            case GENAI -> Set.of("text", "candidates", "content", "parts");
            case LANGCHAIN4J_CHAT_RESPONSE -> Set.of("aiMessage", "text");
            case HTTP_OKHTTP -> Set.of("body", "string");
            case HTTP_JDK -> Set.of("body");
            default -> Set.of();
        };
    }

    private static String normal(String name) {
        return switch (name) {
            case "asMessage" -> "message";
            case "asText" -> "text";
            case "asOutputText" -> "outputText";
            default -> name;
        };
    }

    Optional<Reply> derive(Expression e, int depth) {
        if (e == null || depth > MAX_DEPTH) return Optional.empty();
        if (e instanceof EnclosedExpr en) return derive(en.getInner(), depth + 1);
        if (e instanceof CastExpr c) return derive(c.getExpression(), depth + 1);
        if (e instanceof MethodCallExpr m) {
            ModelCall site = calls.get(m);
            if (site != null) return Optional.of(new Reply(site, List.of(), State.CALL));
            Optional<Reply> parsed = parse(m, depth);
            if (parsed.isPresent()) return parsed;
            if (m.getScope().isEmpty()) return Optional.empty();
            Optional<Reply> base = derive(m.getScope().get(), depth + 1);
            return base.flatMap(b -> step(b, m, depth));
        }
        if (e instanceof ObjectCreationExpr o) return parse(o, depth);
        if (e instanceof NameExpr n) {
            Optional<LocalTypes.Declaration> d = LocalTypes.of(n).or(() -> tryResource(n));
            if (d.isEmpty()) return Optional.empty();
            Node decl = d.get().declaration();
            if (decl instanceof Parameter p) return Optional.ofNullable(parameters.get(p));
            if (!(decl instanceof VariableDeclarator v)) return Optional.empty();
            if (v.getInitializer().isPresent()) return derive(v.getInitializer().get(), depth + 1);
            // for (ContentBlock block : message.content())
            if (v.getParentNode().flatMap(Node::getParentNode).orElse(null) instanceof ForEachStmt f) {
                return derive(f.getIterable(), depth + 1).map(r -> r.in(State.PLUMB));
            }
        }
        return Optional.empty();
    }

    /** {@code try (Response response = call.execute()) { .. response .. }}: a resource of an enclosing try. */
    private static Optional<LocalTypes.Declaration> tryResource(NameExpr n) {
        Node child = n;
        for (Node p = n.getParentNode().orElse(null); p != null; child = p, p = p.getParentNode().orElse(null)) {
            if (p instanceof com.github.javaparser.ast.body.CallableDeclaration<?>) return Optional.empty();
            if (!(p instanceof com.github.javaparser.ast.stmt.TryStmt t) || t.getTryBlock() != child) continue;
            for (Expression r : t.getResources()) {
                if (!(r instanceof com.github.javaparser.ast.expr.VariableDeclarationExpr v)) continue;
                for (VariableDeclarator d : v.getVariables()) {
                    if (d.getNameAsString().equals(n.getNameAsString())) {
                        return Optional.of(new LocalTypes.Declaration(d.getNameAsString(), d.getTypeAsString(), d.getInitializer().orElse(null), d));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** One call applied to a partial answer. */
    private Optional<Reply> step(Reply base, MethodCallExpr m, int depth) {
        String name = m.getNameAsString();
        int args = m.getArguments().size();
        if (base.state() == State.TREE || base.steps().contains("{}")) return treeStep(base, m);
        boolean joining = name.equals("collect") && args == 1 && m.getArgument(0).toString().contains("joining");
        if (isAnswer(base)) {
            // a stream of the answer's pieces joined or picked; string operations on the answer are OutputFlow's part
            if (joining || UNWRAP.contains(name) || args == 0 && name.equals("get")) return Optional.of(base.in(State.UNWRAPPED));
            if (ELEMENT.contains(name) && !name.equals("strip")) return Optional.of(base);
            return Optional.empty();
        }
        Set<String> vocabulary = vocabulary(base.call().family());
        if (args == 0 && vocabulary.contains(normal(name))) return Optional.of(base.then(normal(name), State.STEP));
        if (args == 0 && name.equals("get") || UNWRAP.contains(name)) return Optional.of(base.in(State.UNWRAPPED));
        if (ELEMENT.contains(name) || name.equals("get") && args == 1) return Optional.of(base.in(State.PLUMB));
        if (joining) return Optional.of(base.in(State.UNWRAPPED));
        if ((name.equals("map") || name.equals("flatMap")) && args == 1) return mapped(base, m.getArgument(0), vocabulary, depth);
        return Optional.empty();
    }

    /** {@code map(TextBlock::text)}, {@code flatMap(block -> block.text().stream())}: the function's path, applied to each element. */
    private Optional<Reply> mapped(Reply base, Expression fn, Set<String> vocabulary, int depth) {
        if (fn instanceof MethodReferenceExpr r) {
            String name = normal(r.getIdentifier());
            return vocabulary.contains(name) ? Optional.of(base.then(name, State.STEP)) : Optional.empty();
        }
        if (!(fn instanceof LambdaExpr l) || l.getParameters().size() != 1) return Optional.empty();
        Expression body = l.getExpressionBody().orElseGet(() -> l.getBody().findFirst(ReturnStmt.class)
                .flatMap(ReturnStmt::getExpression).orElse(null));
        if (body == null) return Optional.empty();
        String param = l.getParameter(0).getNameAsString();
        List<MethodCallExpr> chain = new ArrayList<>();
        Expression x = body;
        while (x instanceof MethodCallExpr c) {
            chain.add(0, c);
            x = c.getScope().orElse(null);
        }
        if (!(x instanceof NameExpr n) || !n.getNameAsString().equals(param)) return Optional.empty();
        Reply r = base.in(State.PLUMB);
        for (MethodCallExpr c : chain) {
            Optional<Reply> next = step(r, c, depth + 1);
            if (next.isEmpty()) return Optional.empty();
            r = next.get();
        }
        return Optional.of(r);
    }

    /**
     * The envelope's body parsed into a JSON tree: Jackson {@code readTree}, Gson {@code JsonParser.parseString}
     * or {@code fromJson(body, JsonObject.class)}, org.json {@code new JSONObject(body)}.
     */
    private Optional<Reply> parse(Expression e, int depth) {
        Expression arg;
        if (e instanceof MethodCallExpr m && (m.getNameAsString().equals("readTree") || m.getNameAsString().equals("parseString")
                || m.getNameAsString().equals("parse")) && m.getArguments().size() == 1) {
            arg = m.getArgument(0);
        } else if (e instanceof MethodCallExpr m && m.getNameAsString().equals("fromJson") && m.getArguments().size() == 2
                && m.getArgument(1).toString().startsWith("JsonObject")) {
            arg = m.getArgument(0);
        } else if (e instanceof ObjectCreationExpr o && Imports.simpleName(o.getTypeAsString()).equals("JSONObject") && o.getArguments().size() == 1) {
            arg = o.getArgument(0);
        } else {
            return Optional.empty();
        }
        return derive(arg, depth + 1).filter(r -> isEnvelope(r)).map(r -> r.then("{}", State.TREE));
    }

    private static boolean isEnvelope(Reply r) {
        List<String> env = envelope(r.call().family());
        return switch (r.call().family()) {
            case HTTP_OKHTTP, HTTP_JDK, HTTP_SPRING -> r.steps().equals(env.subList(0, env.size() - 1))
                    && (r.state() == State.STEP || r.state() == State.CALL);
            default -> false;
        };
    }

    /** A key read from the envelope's tree: {@code get("choices")}, {@code path("content")}, {@code getString("text")}, {@code at("/choices/0/message/content")}. */
    private static Optional<Reply> treeStep(Reply base, MethodCallExpr m) {
        String name = m.getNameAsString();
        int args = m.getArguments().size();
        if (args == 1 && (KEYED.contains(name) || KEYED_TEXT.contains(name))) {
            Optional<String> key = Literals.string(m.getArgument(0));
            if (key.isEmpty()) {
                // an index into an array: get(0), getJSONObject(0)
                return m.getArgument(0).isIntegerLiteralExpr() ? Optional.of(base.in(State.TREE)) : Optional.empty();
            }
            return Optional.of(base.then(key.get(), KEYED_TEXT.contains(name) ? State.UNWRAPPED : State.TREE));
        }
        if (args == 2 && name.equals("optString")) {
            return Literals.string(m.getArgument(0)).map(k -> base.then(k, State.UNWRAPPED));
        }
        if (args == 1 && name.equals("at")) {
            Optional<String> pointer = Literals.string(m.getArgument(0));
            if (pointer.isEmpty()) return Optional.empty();
            Reply r = base;
            for (String part : pointer.get().split("/")) if (!part.isEmpty() && !part.chars().allMatch(Character::isDigit)) r = r.then(part, State.TREE);
            return Optional.of(r.in(State.TREE));
        }
        // asText(), asText("") with a default for a missing node
        if (args <= 1 && TREE_TEXT.contains(name) && base.state() == State.TREE) return Optional.of(base.in(State.UNWRAPPED));
        if (args == 0 && ELEMENT.contains(name)) return Optional.of(base);
        return Optional.empty();
    }
}
