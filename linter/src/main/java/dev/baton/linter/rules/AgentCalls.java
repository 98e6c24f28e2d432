package dev.baton.linter.rules;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import dev.baton.linter.frontend.ParsedSource;
import dev.baton.linter.frontend.javasyntax.Imports;
import dev.baton.linter.frontend.javasyntax.LocalTypes;
import dev.baton.linter.graph.AgentNode;
import dev.baton.linter.rule.LintContext;

import java.util.HashMap;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Recognises, in any Java code, a call that runs an agent (a model call, an AI service, a framework
 * agent) or parses such a call's output. Used by the code-pattern rules so they work the same on
 * plain Java, LangChain4j, Spring AI, ADK and Embabel code.
 */
final class AgentCalls {
    private static final Set<String> SPRING_TERMINALS = Set.of("content", "entity", "responseEntity", "chatResponse");
    private static final Set<String> EMBABEL = Set.of("createObject", "createObjectIfPossible", "generateText");
    private static final Set<String> MODEL_TYPES = Set.of("ChatModel", "ChatLanguageModel", "StreamingChatModel",
            "StreamingChatLanguageModel");
    private static final Set<String> RUNNER_TYPES = Set.of("Runner", "InMemoryRunner");
    private static final Set<String> PARSERS = Set.of("readValue", "readTree", "fromJson", "parseInt", "parseLong",
            "parseDouble", "parseFloat", "parseBoolean", "treeToValue", "convertValue", "convert");
    private static final Set<String> SERVICE_MARKERS = Set.of("UserMessage", "SystemMessage", "Agent");
    private static final Set<String> SERVICE_TYPE_MARKERS = Set.of("AiService", "RegisterAiService");
    private static final String ANY = "*";

    /** type simple name → agent method names ({@code *} for every method of an AI-service interface) */
    private final Map<String, Set<String>> agentMethods;
    /** class declaration → names of its own methods that call an agent, directly or through each other */
    private final Map<TypeDeclaration<?>, Set<String>> wrappers = new IdentityHashMap<>();

    private final boolean anyServiceMethod;
    private final Set<String> serviceMethodNames = new HashSet<>();
    private static final Set<String> TYPED_CALLS = Set.of("chat", "generate", "runAsync", "run", "invoke", "query");

    /** {@code Type#method} of every method that is itself an agent (a human step, a code agent, an agent method with a body) */
    private final Set<String> agentBodies = new HashSet<>();

    /**
     * Positions ({@code path:line:col} of the method name) of the model calls a frontend recognised by
     * what they build rather than by a name (SDK clients, hand-written HTTP requests: frontend.modelclient).
     */
    private final Set<String> modelCallSites = new HashSet<>();
    private final Map<com.github.javaparser.ast.CompilationUnit, String> paths = new IdentityHashMap<>();

    private AgentCalls(Map<String, Set<String>> agentMethods) {
        this.agentMethods = agentMethods;
        agentMethods.values().forEach(serviceMethodNames::addAll);
        this.anyServiceMethod = serviceMethodNames.contains(ANY);
    }

    /**
     * Helper methods such as {@code generate(task)} and {@code evaluate(draft)} that wrap a model call:
     * calling them from the same class is calling the agent.
     */
    private void findWrappers(List<ParsedSource> sources) {
        for (ParsedSource s : sources) {
            for (TypeDeclaration<?> t : s.unit().findAll(TypeDeclaration.class)) {
                Set<String> names = new HashSet<>();
                Map<String, Set<String>> callees = new HashMap<>();
                for (MethodDeclaration m : t.getMethods()) {
                    if (m.getBody().isEmpty()) continue;
                    Set<String> own = callees.computeIfAbsent(m.getNameAsString(), k -> new HashSet<>());
                    for (MethodCallExpr c : m.getBody().get().findAll(MethodCallExpr.class)) {
                        // a failure caught by a catch-all that does not throw never reaches the method's callers
                        if (containedIn(c, m)) continue;
                        if (c.getScope().isEmpty() || c.getScope().get() instanceof ThisExpr) own.add(c.getNameAsString());
                        else if (isDirectAgentCall(c)) names.add(m.getNameAsString());
                    }
                }
                boolean grew = !names.isEmpty();
                while (grew) {
                    grew = false;
                    for (Map.Entry<String, Set<String>> e : callees.entrySet()) {
                        if (!names.contains(e.getKey()) && e.getValue().stream().anyMatch(names::contains)) {
                            names.add(e.getKey());
                            grew = true;
                        }
                    }
                }
                if (!names.isEmpty()) wrappers.put(t, names);
            }
        }
    }

    private static final Set<String> CATCH_ALL = Set.of("Exception", "Throwable", "java.lang.Exception", "java.lang.Throwable");

    /**
     * Whether a call's failure stays inside {@code m}: the call is in the try block of a try (in {@code m},
     * not in a lambda) with a catch of {@code Exception} or {@code Throwable} whose body throws nothing.
     */
    private static boolean containedIn(MethodCallExpr c, MethodDeclaration m) {
        Node child = c;
        for (Node p = c.getParentNode().orElse(null); p != null && p != m; child = p, p = p.getParentNode().orElse(null)) {
            if (p instanceof com.github.javaparser.ast.expr.LambdaExpr) return false;
            if (p instanceof com.github.javaparser.ast.stmt.TryStmt t && t.getTryBlock() == child) {
                for (com.github.javaparser.ast.stmt.CatchClause k : t.getCatchClauses()) {
                    if (CATCH_ALL.contains(k.getParameter().getTypeAsString())
                            && k.getBody().findAll(com.github.javaparser.ast.stmt.ThrowStmt.class).isEmpty()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** One analysis per lint run, shared by the rules that need it (rules run on the same context). */
    private static final Map<LintContext, AgentCalls> PER_RUN = Collections.synchronizedMap(new WeakHashMap<>());

    static AgentCalls of(LintContext context) {
        return PER_RUN.computeIfAbsent(context, AgentCalls::analyse);
    }

    private static AgentCalls analyse(LintContext context) {
        Map<String, Set<String>> methods = new HashMap<>();
        for (ParsedSource s : context.sources()) {
            for (ClassOrInterfaceDeclaration c : s.unit().findAll(ClassOrInterfaceDeclaration.class)) {
                if (!c.isInterface()) continue;
                boolean service = c.getAnnotations().stream().anyMatch(a -> SERVICE_TYPE_MARKERS.contains(simple(a)))
                        || c.getMethods().stream().anyMatch(m -> m.getAnnotations().stream().anyMatch(a -> SERVICE_MARKERS.contains(simple(a))));
                if (service) {
                    Set<String> names = methods.computeIfAbsent(c.getNameAsString(), k -> new HashSet<>());
                    c.getMethods().forEach(m -> names.add(m.getNameAsString()));
                    // inherited methods (an interface extending another) are not listed: any method then counts
                    if (!c.getExtendedTypes().isEmpty()) names.add(ANY);
                }
            }
        }
        for (AgentNode a : context.graph().agents().values()) {
            if (a.kind() == AgentNode.Kind.TOOL || a.kind() == AgentNode.Kind.CODE) continue;
            int hash = a.id().indexOf('#');
            if (hash <= 0) continue;
            String owner = a.id().substring(0, hash);
            owner = owner.substring(Math.max(owner.lastIndexOf(':'), owner.lastIndexOf('.')) + 1);
            String method = a.id().substring(hash + 1);
            int cut = method.indexOf('/');
            if (cut >= 0) continue; // a call site inside a method, not a method that is an agent
            methods.computeIfAbsent(owner, k -> new HashSet<>()).add(method);
        }
        AgentCalls calls = new AgentCalls(methods);
        for (AgentNode a : context.graph().agents().values()) {
            if (a.kind() == AgentNode.Kind.TOOL || a.kind() == AgentNode.Kind.COMPOSITE) continue;
            int hash = a.id().indexOf('#');
            if (hash <= 0 || a.id().indexOf('/', hash) >= 0) continue;
            String owner = a.id().substring(0, hash);
            owner = owner.substring(Math.max(owner.lastIndexOf(':'), Math.max(owner.lastIndexOf('.'), owner.lastIndexOf('$'))) + 1);
            calls.agentBodies.add(owner + "#" + a.id().substring(hash + 1));
        }
        for (AgentNode a : context.graph().agents().values()) {
            if (a.framework() == dev.baton.linter.graph.Framework.MODEL_CLIENT && a.kind() == AgentNode.Kind.LLM && a.id().contains("/")) {
                calls.modelCallSites.add(a.location().toString());
            }
        }
        if (!calls.modelCallSites.isEmpty()) for (ParsedSource s : context.sources()) calls.paths.put(s.unit(), s.path());
        calls.findWrappers(context.sources());
        return calls;
    }

    private static String simple(AnnotationExpr a) {
        return Imports.simpleName(a.getNameAsString());
    }

    /**
     * Whether {@code node} lies in the body of a method that is itself an agent of the graph (a
     * {@code @HumanInTheLoop} method, a code agent): what that body returns is the agent's output,
     * read by the next agent. Tools are not agents here: a tool's error text goes back to the model
     * that called it, which is how the frameworks report tool failures.
     */
    boolean insideAgentBody(Node node) {
        Optional<MethodDeclaration> m = node.findAncestor(MethodDeclaration.class);
        if (m.isEmpty()) return false;
        Optional<TypeDeclaration> type = m.get().findAncestor(TypeDeclaration.class);
        return type.isPresent() && agentBodies.contains(type.get().getNameAsString() + "#" + m.get().getNameAsString());
    }

    /** Whether the code under {@code node} calls an agent or parses an agent's output. */
    boolean covers(Node node) {
        return node.findFirst(MethodCallExpr.class, m -> isAgentCall(m) || isParseOfAgentOutput(m)).isPresent();
    }

    boolean callsAgent(Node node) {
        return node.findFirst(MethodCallExpr.class, this::isAgentCall).isPresent();
    }

    boolean isAgentCall(MethodCallExpr m) {
        if (m.getScope().isEmpty() || m.getScope().get() instanceof ThisExpr) {
            if (wrappers.isEmpty()) return false;
            Optional<TypeDeclaration> owner = m.findAncestor(TypeDeclaration.class);
            return owner.isPresent() && wrappers.getOrDefault(owner.get(), Set.of()).contains(m.getNameAsString());
        }
        return isDirectAgentCall(m);
    }

    private boolean isDirectAgentCall(MethodCallExpr m) {
        String name = m.getNameAsString();
        if (!modelCallSites.isEmpty() && m.getName().getBegin().isPresent()) {
            String path = m.findCompilationUnit().map(paths::get).orElse(null);
            var at = m.getName().getBegin().get();
            if (path != null && modelCallSites.contains(path + ":" + at.line + ":" + at.column)) return true;
        }
        if (SPRING_TERMINALS.contains(name) && m.getScope().orElse(null) instanceof MethodCallExpr call
                && call.getNameAsString().equals("call") && chainHas(call, "prompt")) {
            return true;
        }
        if (EMBABEL.contains(name) && m.getScope().isPresent()) return true;
        if ((name.equals("fromPrompt") || name.equals("fromTemplate")) && m.getScope().orElse(null) instanceof MethodCallExpr c
                && chainHas(c, "creating")) {
            return true;
        }
        if (m.getScope().isEmpty()) return false;
        Expression scope = m.getScope().get();
        // only a variable or field has a declared type to look up; skip the lookup for names no agent has
        if (!(scope instanceof NameExpr) && !(scope.isFieldAccessExpr() && scope.asFieldAccessExpr().getScope() instanceof ThisExpr)) {
            return false;
        }
        if (!anyServiceMethod && !TYPED_CALLS.contains(name) && !serviceMethodNames.contains(name)) return false;
        Optional<String> type = LocalTypes.of(m.getScope().get()).map(LocalTypes.Declaration::type).map(Imports::simpleName);
        if (type.isEmpty()) return false;
        String t = type.get();
        if (MODEL_TYPES.contains(t) && (name.equals("chat") || name.equals("generate"))) return true;
        if (RUNNER_TYPES.contains(t) && (name.equals("runAsync") || name.equals("run"))) return true;
        // Jakarta Agentic's model facade
        if (t.equals("LargeLanguageModel") && name.equals("query")) return true;
        if (t.equals("UntypedAgent") && name.equals("invoke")) return true;
        Set<String> ms = agentMethods.get(t);
        return ms != null && (ms.contains(ANY) || ms.contains(name));
    }

    /** {@code readValue(x, ..)}, {@code Integer.parseInt(x)}... where {@code x} is an agent's output. */
    boolean isParseOfAgentOutput(MethodCallExpr m) {
        if (!PARSERS.contains(m.getNameAsString())) return false;
        for (Expression arg : m.getArguments()) {
            if (arg instanceof MethodCallExpr inner && isAgentCall(inner)) return true;
            if (arg instanceof NameExpr n) {
                Optional<LocalTypes.Declaration> d = LocalTypes.of(n);
                if (d.isPresent() && d.get().initializer() != null && callsAgent(d.get().initializer())) return true;
            }
        }
        return false;
    }

    private static boolean chainHas(MethodCallExpr m, String name) {
        Expression e = m;
        while (e instanceof MethodCallExpr c) {
            if (c.getNameAsString().equals(name)) return true;
            e = c.getScope().orElse(null);
        }
        return false;
    }
}
