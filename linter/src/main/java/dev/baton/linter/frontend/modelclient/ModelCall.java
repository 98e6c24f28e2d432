package dev.baton.linter.frontend.modelclient;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import dev.baton.linter.frontend.javasyntax.Imports;
import dev.baton.linter.frontend.javasyntax.Literals;
import dev.baton.linter.frontend.javasyntax.LocalTypes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One call that sends a prompt to a model and returns its answer: a call of an official SDK's client
 * or of LangChain4j's {@code ChatModel}, or a hand-written HTTP request to a model endpoint.
 *
 * @param call       the call whose value holds the answer (the response object, or the text itself)
 * @param family     which API it is, and so how its text is reached ({@link ReplyPaths})
 * @param outputType the answer's type when the SDK binds it ({@code "String"} for text, a class for
 *                   structured outputs), or {@code null} when the answer is text inside a response object
 */
record ModelCall(MethodCallExpr call, Family family, String outputType) {

    enum Family {
        OPENAI_CHAT, OPENAI_RESPONSES, ANTHROPIC, GENAI, LANGCHAIN4J_CHAT_RESPONSE, LANGCHAIN4J_RESPONSE, LANGCHAIN4J_TEXT,
        /** an HTTP response whose body is the provider's JSON envelope */
        HTTP_OKHTTP, HTTP_JDK, HTTP_SPRING
    }

    static final String OPENAI = "com.openai";
    static final String ANTHROPIC = "com.anthropic";
    static final String GENAI = "com.google.genai";
    private static final List<String> LC4J_MODELS = List.of("dev.langchain4j.model.chat.ChatModel",
            "dev.langchain4j.model.chat.ChatLanguageModel");
    /** Paths of the chat-completions, messages, responses and generateContent endpoints (OpenAI-compatible servers included). */
    private static final Pattern ENDPOINT = Pattern.compile("(?s).*(/chat/completions|/v1/messages|/v1/responses|:generateContent)\\s*(\\?.*)?");

    /** The model calls in a method body, in source order. */
    static List<ModelCall> in(Node body, Imports imports, boolean httpEvidence) {
        List<ModelCall> out = new ArrayList<>();
        // the SDKs' own packages: a project of its own under com.anthropic (a hand-written client) is not the SDK
        boolean openai = imports.importsFrom(OPENAI + ".client") || imports.importsFrom(OPENAI + ".models");
        boolean anthropic = imports.importsFrom(ANTHROPIC + ".client") || imports.importsFrom(ANTHROPIC + ".models");
        boolean genai = imports.importsFrom(GENAI);
        boolean lc4j = imports.importsFrom("dev.langchain4j.model");
        for (MethodCallExpr c : body.findAll(MethodCallExpr.class)) {
            String name = c.getNameAsString();
            Expression scope = c.getScope().orElse(null);
            if (scope == null) continue;
            if (name.equals("create") && c.getArguments().size() >= 1) {
                List<String> path = accessors(scope);
                if (openai && endsWith(path, "chat", "completions")) {
                    out.add(new ModelCall(c, Family.OPENAI_CHAT, structured(c.getArgument(0), "responseFormat", "StructuredChatCompletionCreateParams")));
                } else if (openai && endsWith(path, "responses")) {
                    out.add(new ModelCall(c, Family.OPENAI_RESPONSES, structured(c.getArgument(0), "text", "StructuredResponseCreateParams")));
                } else if (anthropic && endsWith(path, "messages")) {
                    out.add(new ModelCall(c, Family.ANTHROPIC, structured(c.getArgument(0), "outputConfig", "StructuredMessageCreateParams")));
                }
            } else if (genai && name.equals("generateContent") && scope instanceof FieldAccessExpr f && f.getNameAsString().equals("models")
                    && !(f.getScope() instanceof FieldAccessExpr inner && inner.getNameAsString().equals("async"))) {
                out.add(new ModelCall(c, Family.GENAI, null));
            } else if (lc4j && (name.equals("chat") || name.equals("generate")) && c.getArguments().size() >= 1 && isLc4jModel(scope, imports)) {
                if (c.getArguments().size() == 1 && isText(c.getArgument(0))) out.add(new ModelCall(c, Family.LANGCHAIN4J_TEXT, "String"));
                else out.add(new ModelCall(c, name.equals("chat") ? Family.LANGCHAIN4J_CHAT_RESPONSE : Family.LANGCHAIN4J_RESPONSE, null));
            } else if (httpEvidence) {
                http(c).ifPresent(out::add);
            }
        }
        out.sort(Comparator.comparing(m -> m.call().getBegin().get()));
        return out;
    }

    private static boolean endsWith(List<String> path, String... tail) {
        if (path.size() < tail.length) return false;
        for (int i = 0; i < tail.length; i++) if (!path.get(path.size() - tail.length + i).equals(tail[i])) return false;
        return true;
    }

    /** The names of the no-argument calls a scope is made of: {@code client.chat().completions()} → chat, completions. */
    private static List<String> accessors(Expression scope) {
        List<String> out = new ArrayList<>();
        Expression e = scope;
        while (e instanceof MethodCallExpr m && m.getArguments().isEmpty()) {
            out.add(0, m.getNameAsString());
            e = m.getScope().orElse(null);
        }
        return e == null ? List.of() : out;
    }

    /**
     * The class a structured-output request binds the answer to: {@code responseFormat(Book.class)} in the
     * request's builder chain (inline or in the local it was built into), or the type argument of a
     * declared {@code StructuredChatCompletionCreateParams<Book>}. {@code null} when the request is plain (text).
     */
    private static String structured(Expression params, String method, String structuredType) {
        Expression e = params;
        for (int hop = 0; hop < 3 && e != null; hop++) {
            if (e instanceof MethodCallExpr m) {
                for (Expression x = m; x instanceof MethodCallExpr c; x = c.getScope().orElse(null)) {
                    if (c.getNameAsString().equals(method) && c.getArguments().size() == 1 && c.getArgument(0) instanceof ClassExpr k) {
                        return k.getTypeAsString();
                    }
                }
                return null;
            }
            if (!(e instanceof NameExpr) && !(e instanceof FieldAccessExpr)) return null;
            Optional<LocalTypes.Declaration> d = LocalTypes.of(e);
            if (d.isEmpty()) return null;
            String type = d.get().type();
            if (type != null && Imports.rawName(type).endsWith(structuredType)) {
                int lt = type.indexOf('<');
                return lt > 0 && type.endsWith(">") ? type.substring(lt + 1, type.length() - 1).strip() : "Object";
            }
            e = d.get().initializer();
        }
        return null;
    }

    private static boolean isLc4jModel(Expression scope, Imports imports) {
        if (!(scope instanceof NameExpr) && !(scope instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr)) return false;
        return LocalTypes.of(scope).map(LocalTypes.Declaration::type)
                .map(t -> LC4J_MODELS.stream().anyMatch(m -> imports.refersTo(Imports.rawName(t), m)))
                .orElse(false);
    }

    /** Whether a prompt argument is text ({@code chat(String)}) rather than a request or messages. */
    private static boolean isText(Expression a) {
        if (a.isStringLiteralExpr() || a.isTextBlockLiteralExpr()) return true;
        if (a instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) return isText(b.getLeft()) || isText(b.getRight());
        if (a instanceof MethodCallExpr m && Set.of("formatted", "format", "toString", "trim", "strip").contains(m.getNameAsString())) {
            return m.getNameAsString().equals("format") ? m.getScope().map(s -> s.toString().equals("String")).orElse(false) : true;
        }
        if (a instanceof MethodCallExpr m && m.getScope().isEmpty()) {
            // a same-class helper that builds the prompt
            Optional<TypeDeclaration> owner = m.findAncestor(TypeDeclaration.class);
            if (owner.isEmpty()) return false;
            for (Object o : owner.get().getMethodsByName(m.getNameAsString())) {
                if (((MethodDeclaration) o).getTypeAsString().equals("String")) return true;
            }
            return false;
        }
        if (a instanceof NameExpr || a instanceof FieldAccessExpr) {
            return LocalTypes.of(a).map(d -> "String".equals(d.type())).orElse(false);
        }
        return false;
    }

    // ---- hand-written HTTP requests ----

    /**
     * An HTTP call whose request shows it goes to a model: its URL (a literal, a constant, a concatenation
     * holding one) ends with a model endpoint's path, or its body is JSON with both {@code "model"} and
     * {@code "messages"}. OkHttp {@code newCall(request).execute()}, {@code java.net.http}
     * {@code send(request, ..)}, Spring {@code RestClient} {@code post()…retrieve().body(String.class)}.
     */
    private static Optional<ModelCall> http(MethodCallExpr c) {
        String name = c.getNameAsString();
        Expression scope = c.getScope().orElse(null);
        if (name.equals("execute") && c.getArguments().isEmpty() && scope instanceof MethodCallExpr nc
                && nc.getNameAsString().equals("newCall") && nc.getArguments().size() == 1) {
            return requestEvidence(nc.getArgument(0)) ? Optional.of(new ModelCall(c, Family.HTTP_OKHTTP, null)) : Optional.empty();
        }
        if (name.equals("send") && c.getArguments().size() == 2 && c.getArgument(1).toString().contains("ofString")) {
            return requestEvidence(c.getArgument(0)) ? Optional.of(new ModelCall(c, Family.HTTP_JDK, null)) : Optional.empty();
        }
        if (name.equals("body") && c.getArguments().size() == 1 && c.getArgument(0) instanceof ClassExpr k
                && k.getTypeAsString().equals("String") && scope instanceof MethodCallExpr r && r.getNameAsString().equals("retrieve")) {
            List<MethodCallExpr> chain = new ArrayList<>();
            for (Expression x = r; x instanceof MethodCallExpr m; x = m.getScope().orElse(null)) chain.add(m);
            boolean post = chain.stream().anyMatch(m -> m.getNameAsString().equals("post") && m.getArguments().isEmpty());
            if (post && chain.stream().anyMatch(ModelCall::carriesEvidence)) return Optional.of(new ModelCall(c, Family.HTTP_SPRING, null));
        }
        return Optional.empty();
    }

    /** The request expression (inline, or the local or field it was built into) shows a model endpoint or a chat body. */
    private static boolean requestEvidence(Expression request) {
        Expression e = request;
        for (int hop = 0; hop < 3 && e != null; hop++) {
            if (e instanceof NameExpr || e instanceof FieldAccessExpr) {
                e = LocalTypes.of(e).map(LocalTypes.Declaration::initializer).orElse(null);
                continue;
            }
            for (Expression x = e; x instanceof MethodCallExpr m; x = m.getScope().orElse(null)) {
                if (carriesEvidence(m)) return true;
                if (m.getScope().orElse(null) instanceof ObjectCreationExpr o && o.getArguments().size() == 1 && evidence(o.getArgument(0))) return true;
            }
            return false;
        }
        return false;
    }

    /** {@code url(..)}, {@code uri(..)}, {@code newBuilder(uri)}, {@code post(body)}, {@code POST(body)}, {@code body(json)} naming a model. */
    private static boolean carriesEvidence(MethodCallExpr m) {
        if (!Set.of("url", "uri", "newBuilder", "post", "POST", "body", "bodyValue").contains(m.getNameAsString())) return false;
        for (Expression a : m.getArguments()) if (evidence(a)) return true;
        return false;
    }

    private static boolean evidence(Expression a) {
        return endpoint(a, 0) || chatBody(a, 0);
    }

    /** A URL expression ending with a model endpoint: {@code URI.create(BASE + "/v1/chat/completions")}, a constant holding it. */
    private static boolean endpoint(Expression e, int depth) {
        if (e == null || depth > 3) return false;
        if (e instanceof MethodCallExpr m) {
            // URI.create(url), url.toString(), String.format("%s/chat/completions", base)
            for (Expression a : m.getArguments()) if (endpoint(a, depth + 1)) return true;
            return m.getScope().map(s -> !(s instanceof NameExpr n && Character.isUpperCase(n.getNameAsString().charAt(0))) && endpoint(s, depth + 1)).orElse(false);
        }
        // BASE + "/v1/chat/completions", "https://../models/" + MODEL + ":generateContent?key=" + key: the constant parts in order
        if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) return ENDPOINT.matcher(urlText(b, depth)).matches();
        if (e instanceof ObjectCreationExpr o) return o.getArguments().stream().anyMatch(a -> endpoint(a, depth + 1));
        Optional<String> text = Literals.string(e);
        if (text.isPresent()) return ENDPOINT.matcher(text.get()).matches();
        if (e instanceof NameExpr || e instanceof FieldAccessExpr) {
            Optional<LocalTypes.Declaration> d = LocalTypes.of(e);
            if (d.isEmpty() && e instanceof FieldAccessExpr f) d = constant(f);
            return d.map(x -> endpoint(x.initializer(), depth + 1)).orElse(false);
        }
        return false;
    }

    /** The text of a URL concatenation: literals and constants as written, anything else as a placeholder. */
    private static String urlText(Expression e, int depth) {
        if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) return urlText(b.getLeft(), depth) + urlText(b.getRight(), depth);
        Optional<String> text = Literals.string(e);
        if (text.isPresent()) return text.get();
        if (depth < 3 && (e instanceof NameExpr || e instanceof FieldAccessExpr)) {
            Optional<LocalTypes.Declaration> d = LocalTypes.of(e);
            if (d.isEmpty() && e instanceof FieldAccessExpr f) d = constant(f);
            Expression init = d.map(LocalTypes.Declaration::initializer).orElse(null);
            if (init != null && (Literals.string(init).isPresent() || init instanceof BinaryExpr)) return urlText(init, depth + 1);
        }
        return "{}";
    }

    /** {@code Owner.CONSTANT} declared in the same file. */
    private static Optional<LocalTypes.Declaration> constant(FieldAccessExpr f) {
        Optional<com.github.javaparser.ast.CompilationUnit> unit = f.findCompilationUnit();
        if (unit.isEmpty()) return Optional.empty();
        for (TypeDeclaration<?> t : unit.get().findAll(TypeDeclaration.class)) {
            if (!t.getNameAsString().equals(Imports.simpleName(f.getScope().toString()))) continue;
            for (FieldDeclaration fd : t.getFields()) {
                for (VariableDeclarator v : fd.getVariables()) {
                    if (v.getNameAsString().equals(f.getNameAsString())) {
                        return Optional.of(new LocalTypes.Declaration(v.getNameAsString(), v.getTypeAsString(), v.getInitializer().orElse(null), v));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A request body that is a chat request: its constant text (a JSON literal or template) has both a
     * {@code "model"} and a {@code "messages"} key, or it is a map or JSON object filled with both keys.
     */
    private static boolean chatBody(Expression e, int depth) {
        if (e == null || depth > 3) return false;
        String text = Literals.constantText(e);
        if (text.contains("\"messages\"") && text.contains("\"model\"")) return true;
        if (e instanceof NameExpr || e instanceof FieldAccessExpr) {
            Optional<LocalTypes.Declaration> d = LocalTypes.of(e);
            if (d.isEmpty()) return false;
            if (d.get().initializer() != null && chatBody(d.get().initializer(), depth + 1)) return true;
            // body.put("model", ..); body.put("messages", ..) on the local
            Optional<MethodDeclaration> m = e.findAncestor(MethodDeclaration.class);
            if (m.isEmpty()) return false;
            boolean model = false;
            boolean messages = false;
            for (MethodCallExpr put : m.get().findAll(MethodCallExpr.class)) {
                if (!Set.of("put", "set", "addProperty", "add").contains(put.getNameAsString()) || put.getArguments().size() != 2) continue;
                if (!(put.getScope().orElse(null) instanceof NameExpr n) || !n.getNameAsString().equals(d.get().name())) continue;
                String key = Literals.string(put.getArgument(0)).orElse("");
                model |= key.equals("model");
                messages |= key.equals("messages");
            }
            return model && messages;
        }
        if (e instanceof MethodCallExpr m && m.getNameAsString().equals("of") && m.getScope().map(s -> s.toString().equals("Map")).orElse(false)) {
            // Map.of("model", .., "messages", ..): the keys are the even arguments
            Set<String> keys = new java.util.HashSet<>();
            for (int i = 0; i < m.getArguments().size(); i += 2) Literals.string(m.getArgument(i)).ifPresent(keys::add);
            if (keys.contains("model") && keys.contains("messages")) return true;
        }
        if (e instanceof MethodCallExpr m) {
            // RequestBody.create(json, MEDIA_TYPE), BodyPublishers.ofString(mapper.writeValueAsString(body)), body.toString()
            for (Expression a : m.getArguments()) if (chatBody(a, depth + 1)) return true;
            return m.getScope().map(s -> chatBody(s, depth + 1)).orElse(false);
        }
        return false;
    }

    /** Whether the file imports one of the HTTP clients {@link #http} reads: the text is searched only then. */
    static boolean importsHttpClient(Imports imports) {
        return imports.importsFrom("okhttp3") || imports.importsFrom("java.net.http")
                || imports.importsFrom("org.springframework.web.client");
    }

    /** Whether the file holds the constant text a hand-written model request needs as evidence. */
    static boolean mayCallHttp(String text) {
        return text.contains("/chat/completions") || text.contains("/v1/messages") || text.contains("/v1/responses")
                || text.contains(":generateContent") || (text.contains("\"messages\"") || text.contains("\\\"messages\\\""));
    }
}
