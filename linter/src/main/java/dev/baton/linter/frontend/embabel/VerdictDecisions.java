package dev.baton.linter.frontend.embabel;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.SwitchStmt;
import dev.baton.linter.frontend.javasyntax.Imports;
import dev.baton.linter.frontend.javasyntax.LocalTypes;
import dev.baton.linter.graph.PayloadKind;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decisions on a free-text component of a model's typed output: {@code "VERIFIED".equalsIgnoreCase(
 * finding.verdict())} where {@code finding} is an element of {@code report.findings()} and
 * {@code report} what an LLM action produced. The value is followed from its root (an action's
 * input produced by an LLM action, or a local holding an LLM call's result) through record
 * accessors, collection streams and for-each loops, by the component types the sources declare.
 * A comparison counts only against a string literal: that is a sentinel read out of prose.
 */
final class VerdictDecisions {
    private static final Set<String> SNIFFS = Set.of("equals", "equalsIgnoreCase", "contains", "startsWith", "endsWith",
            "matches", "contentEquals");
    /** Stream steps that keep the element type. */
    private static final Set<String> KEEPS_ELEMENTS = Set.of("filter", "sorted", "distinct", "limit", "skip", "peek",
            "takeWhile", "dropWhile");
    /** Stream or collection operations whose lambda receives one element. */
    private static final Set<String> ELEMENT_LAMBDAS = Set.of("filter", "anyMatch", "allMatch", "noneMatch", "map", "forEach",
            "flatMap", "peek", "mapToInt", "mapToLong", "mapToDouble", "takeWhile", "dropWhile", "removeIf");

    /** A value of a known type that came from an agent. */
    record Typed(String type, String producer, int accessors) {
    }

    /** A decision found: where, on what, from whom. */
    record Found(Node node, String producer, String type, String operation) {
    }

    private final ModelTypes types;
    /** declaring node (parameter or declarator) of a root → the typed value it holds */
    private final Map<Node, Typed> roots;
    private final Map<Node, Optional<Typed>> memo = new IdentityHashMap<>();

    private VerdictDecisions(ModelTypes types, Map<Node, Typed> roots) {
        this.types = types;
        this.roots = roots;
    }

    static List<Found> find(Node body, ModelTypes types, Map<Node, Typed> roots) {
        if (roots.isEmpty()) return List.of();
        VerdictDecisions d = new VerdictDecisions(types, roots);
        List<Found> out = new ArrayList<>();
        body.walk(MethodCallExpr.class, c -> d.decision(c).ifPresent(out::add));
        body.walk(SwitchStmt.class, s -> d.onText(s.getSelector()).ifPresent(t -> out.add(new Found(s.getSelector(), t.producer(), t.type(), "switch"))));
        body.walk(SwitchExpr.class, s -> d.onText(s.getSelector()).ifPresent(t -> out.add(new Found(s.getSelector(), t.producer(), t.type(), "switch"))));
        return out;
    }

    private Optional<Found> decision(MethodCallExpr c) {
        if (!SNIFFS.contains(c.getNameAsString()) || c.getArguments().size() != 1 || c.getScope().isEmpty()) return Optional.empty();
        Expression scope = c.getScope().get();
        Expression arg = c.getArgument(0);
        Expression value;
        if (scope.isStringLiteralExpr() || scope.isTextBlockLiteralExpr()) value = arg;
        else if (arg.isStringLiteralExpr() || arg.isTextBlockLiteralExpr()) value = scope;
        else return Optional.empty();
        return onText(value).map(t -> new Found(c, t.producer(), t.type(), c.getNameAsString()));
    }

    /** A free-text component reached through at least one accessor of an agent's typed output. */
    private Optional<Typed> onText(Expression e) {
        return typeOf(e, 0).filter(t -> t.accessors() > 0 && PayloadKind.of(t.type()) == PayloadKind.PROSE);
    }

    private Optional<Typed> typeOf(Expression e, int depth) {
        if (e == null || depth > 12) return Optional.empty();
        if (e instanceof EnclosedExpr en) return typeOf(en.getInner(), depth + 1);
        if (e instanceof NameExpr n) {
            Optional<LocalTypes.Declaration> d = LocalTypes.of(n);
            return d.isEmpty() ? Optional.empty() : declared(d.get(), depth);
        }
        if (e instanceof MethodCallExpr m && m.getScope().isPresent() && m.getArguments().isEmpty()) {
            Optional<Typed> owner = typeOf(m.getScope().get(), depth + 1);
            if (owner.isEmpty()) return Optional.empty();
            String name = m.getNameAsString();
            if (name.equals("trim") || name.equals("strip") || name.equals("toLowerCase") || name.equals("toUpperCase")) {
                return owner;
            }
            return types.component(Imports.rawName(owner.get().type()), name)
                    .map(t -> new Typed(t, owner.get().producer(), owner.get().accessors() + 1));
        }
        return Optional.empty();
    }

    private Optional<Typed> declared(LocalTypes.Declaration d, int depth) {
        Node decl = d.declaration();
        Typed root = roots.get(decl);
        if (root != null) return Optional.of(root);
        if (memo.containsKey(decl)) return memo.get(decl);
        memo.put(decl, Optional.empty()); // a cycle resolves to nothing
        Optional<Typed> t = Optional.empty();
        if (decl instanceof Parameter p && p.getParentNode().orElse(null) instanceof LambdaExpr l) {
            t = lambdaElement(l, depth);
        } else if (decl instanceof VariableDeclarator v) {
            if (v.getInitializer().isPresent()) {
                t = typeOf(v.getInitializer().get(), depth + 1);
            } else if (v.getParentNode().flatMap(Node::getParentNode).orElse(null) instanceof ForEachStmt fe) {
                t = typeOf(fe.getIterable(), depth + 1).flatMap(c -> ModelTypes.element(c.type())
                        .map(el -> new Typed(el, c.producer(), c.accessors())));
            }
        }
        memo.put(decl, t);
        return t;
    }

    /** {@code xs.stream().filter(x -> ..)}, {@code xs.forEach(x -> ..)}: the element type of {@code xs}. */
    private Optional<Typed> lambdaElement(LambdaExpr l, int depth) {
        if (l.getParameters().size() != 1 || !(l.getParentNode().orElse(null) instanceof MethodCallExpr call)
                || !ELEMENT_LAMBDAS.contains(call.getNameAsString()) || call.getScope().isEmpty()) {
            return Optional.empty();
        }
        Expression s = call.getScope().get();
        while (s instanceof MethodCallExpr m && KEEPS_ELEMENTS.contains(m.getNameAsString()) && m.getScope().isPresent()) {
            s = m.getScope().get();
        }
        Expression collection;
        if (s instanceof MethodCallExpr m && m.getNameAsString().equals("stream") && m.getArguments().isEmpty() && m.getScope().isPresent()) {
            collection = m.getScope().get();
        } else if (s == call.getScope().get() && (call.getNameAsString().equals("forEach") || call.getNameAsString().equals("removeIf"))) {
            collection = s;
        } else {
            return Optional.empty();
        }
        return typeOf(collection, depth + 1).flatMap(c -> ModelTypes.element(c.type())
                .map(el -> new Typed(el, c.producer(), c.accessors())));
    }
}
