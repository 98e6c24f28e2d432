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
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    private AgentCalls(Map<String, Set<String>> agentMethods) {
        this.agentMethods = agentMethods;
    }

    /**
     * Helper methods such as {@code generate(task)} and {@code evaluate(draft)} that wrap a model call:
     * calling them from the same class is calling the agent.
     */
    private void findWrappers(List<ParsedSource> sources) {
        for (ParsedSource s : sources) {
            for (TypeDeclaration<?> t : s.unit().findAll(TypeDeclaration.class)) {
                Set<String> names = new HashSet<>();
                boolean grew = true;
                while (grew) {
                    grew = false;
                    wrappers.put(t, names);
                    for (MethodDeclaration m : t.getMethods()) {
                        if (names.contains(m.getNameAsString()) || m.getBody().isEmpty()) continue;
                        if (callsAgent(m.getBody().get())) {
                            names.add(m.getNameAsString());
                            grew = true;
                        }
                    }
                }
            }
        }
    }

    static AgentCalls of(LintContext context) {
        Map<String, Set<String>> methods = new HashMap<>();
        for (ParsedSource s : context.sources()) {
            for (ClassOrInterfaceDeclaration c : s.unit().findAll(ClassOrInterfaceDeclaration.class)) {
                if (!c.isInterface()) continue;
                boolean service = c.getAnnotations().stream().anyMatch(a -> SERVICE_TYPE_MARKERS.contains(simple(a)))
                        || c.getMethods().stream().anyMatch(m -> m.getAnnotations().stream().anyMatch(a -> SERVICE_MARKERS.contains(simple(a))));
                if (service) methods.computeIfAbsent(c.getNameAsString(), k -> new HashSet<>()).add(ANY);
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
        calls.findWrappers(context.sources());
        return calls;
    }

    private static String simple(AnnotationExpr a) {
        return Imports.simpleName(a.getNameAsString());
    }

    /** Whether the code under {@code node} calls an agent or parses an agent's output. */
    boolean covers(Node node) {
        return node.findFirst(MethodCallExpr.class, m -> isAgentCall(m) || isParseOfAgentOutput(m)).isPresent();
    }

    boolean callsAgent(Node node) {
        return node.findFirst(MethodCallExpr.class, this::isAgentCall).isPresent();
    }

    boolean isAgentCall(MethodCallExpr m) {
        String name = m.getNameAsString();
        if (SPRING_TERMINALS.contains(name) && m.getScope().orElse(null) instanceof MethodCallExpr call
                && call.getNameAsString().equals("call") && chainHas(call, "prompt")) {
            return true;
        }
        if (EMBABEL.contains(name) && m.getScope().isPresent()) return true;
        if ((name.equals("fromPrompt") || name.equals("fromTemplate")) && m.getScope().orElse(null) instanceof MethodCallExpr c
                && chainHas(c, "creating")) {
            return true;
        }
        if (m.getScope().isEmpty() || m.getScope().get() instanceof ThisExpr) {
            Optional<TypeDeclaration> owner = m.findAncestor(TypeDeclaration.class);
            return owner.isPresent() && wrappers.getOrDefault(owner.get(), Set.of()).contains(name);
        }
        Optional<String> type = LocalTypes.of(m.getScope().get()).map(LocalTypes.Declaration::type).map(Imports::simpleName);
        if (type.isEmpty()) return false;
        String t = type.get();
        if (MODEL_TYPES.contains(t) && (name.equals("chat") || name.equals("generate"))) return true;
        if (RUNNER_TYPES.contains(t) && (name.equals("runAsync") || name.equals("run"))) return true;
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
