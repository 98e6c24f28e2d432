package dev.baton.linter.frontend.springai;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import dev.baton.linter.frontend.ParsedSource;
import dev.baton.linter.frontend.javasyntax.LocalTypes;
import dev.baton.linter.frontend.javasyntax.Locations;
import dev.baton.linter.frontend.javasyntax.OutputForwarding;
import dev.baton.linter.graph.HandoffGraph;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A typed reply of which a method returns one part: {@code R r = chatClient…entity(R.class); return r.selection();}.
 * The caller, in the same class, hands what the method returns (or a value looked up with it, such as
 * {@code routes.get(key)}) to another call's prompt: that is an {@link OutputForwarding} of the returned accessor
 * only, located at the {@code return} the user must change. The rest of the reply counts as carried when the method
 * uses the whole value (other than printing it is whole too, as within one method) or any other accessor anywhere
 * but a print or log call.
 */
final class ReturnedParts {
    private ReturnedParts() {
    }

    /** One method's return of one accessor of one site's reply. */
    private record Part(MethodDeclaration method, MethodCallExpr returned, String producer, String producerType,
                        List<String> accessors) {
    }

    static void link(ParsedSource source, TypeDeclaration<?> type, List<SpringAiFrontend.MethodSites> methods,
                     HandoffGraph.Builder graph) {
        List<Part> parts = new ArrayList<>();
        for (SpringAiFrontend.MethodSites m : methods) part(m).ifPresent(parts::add);
        if (parts.isEmpty()) return;
        for (Part part : parts) {
            String name = part.method().getNameAsString();
            int arity = part.method().getParameters().size();
            if (type.getMethodsByName(name).stream().filter(d -> d.getParameters().size() == arity).count() != 1) continue;
            Set<String> consumers = new LinkedHashSet<>();
            for (SpringAiFrontend.MethodSites caller : methods) {
                if (caller.method() == part.method()) continue;
                caller.method().walk(MethodCallExpr.class, call -> {
                    if (!call.getNameAsString().equals(name) || call.getArguments().size() != arity) return;
                    if (call.getScope().isPresent() && !(call.getScope().get() instanceof ThisExpr)) return;
                    consumers.addAll(consumersOf(call, caller));
                });
            }
            consumers.remove(part.producer());
            for (String consumer : consumers) {
                graph.fact(new OutputForwarding(Locations.of(source, part.returned().getName()), part.producer(),
                        part.producerType(), consumer, part.accessors(), false));
            }
        }
    }

    /** The method returns {@code r.accessor()} of a local bound to one of its typed sites, and nothing else. */
    private static Optional<Part> part(SpringAiFrontend.MethodSites m) {
        List<ReturnStmt> returns = new ArrayList<>();
        m.method().walk(ReturnStmt.class, r -> {
            if (r.findAncestor(LambdaExpr.class).map(l -> l.isDescendantOf(m.method())).orElse(false)) return;
            if (r.findAncestor(TypeDeclaration.class).orElse(null) != m.method().findAncestor(TypeDeclaration.class).orElse(null)) return;
            returns.add(r);
        });
        if (returns.size() != 1 || returns.get(0).getExpression().isEmpty()) return Optional.empty();
        if (!(unwrap(returns.get(0).getExpression().get()) instanceof MethodCallExpr acc) || !acc.getArguments().isEmpty()
                || !(acc.getScope().orElse(null) instanceof NameExpr n)) {
            return Optional.empty();
        }
        Optional<LocalTypes.Declaration> d = LocalTypes.of(n);
        if (d.isEmpty() || !(d.get().declaration() instanceof VariableDeclarator v) || v.getInitializer().isEmpty()
                || !(v.getParentNode().orElse(null) instanceof VariableDeclarationExpr)
                || !(unwrap(v.getInitializer().get()) instanceof MethodCallExpr site) || !m.ids().containsKey(site)) {
            return Optional.empty();
        }
        String producerType = m.outputTypeOf(site);
        if (producerType == null || producerType.equals("String")) return Optional.empty();
        List<String> accessors = new ArrayList<>(List.of(acc.getNameAsString()));
        for (NameExpr use : m.method().findAll(NameExpr.class)) {
            if (!use.getNameAsString().equals(v.getNameAsString()) || !LocalTypes.of(use).map(x -> x.declaration() == v).orElse(false)) continue;
            if (nullCheck(use)) continue;
            if (use.getParentNode().orElse(null) instanceof MethodCallExpr call && call.getScope().map(s -> s == use).orElse(false)
                    && call.getArguments().isEmpty()) {
                if (call != acc && !Sinks.printed(call) && !accessors.contains(call.getNameAsString())) accessors.add(call.getNameAsString());
            } else {
                return Optional.empty(); // the whole reply is used: logged, stored or passed on
            }
        }
        return Optional.of(new Part(m.method(), acc, m.ids().get(site), producerType, List.copyOf(accessors)));
    }

    /**
     * The sites of {@code caller} whose prompt receives the call's value: directly, through a local that holds it,
     * or through a local initialised from an expression that uses such a local (a lookup keyed by it).
     */
    private static Set<String> consumersOf(MethodCallExpr call, SpringAiFrontend.MethodSites caller) {
        Set<String> out = new LinkedHashSet<>();
        List<Expression> values = new ArrayList<>(List.of(call));
        Map<VariableDeclarator, Boolean> held = new IdentityHashMap<>();
        Expression top = outermost(call);
        if (top.getParentNode().orElse(null) instanceof VariableDeclarator v && v.getParentNode().orElse(null) instanceof VariableDeclarationExpr) {
            held.put(v, true);
        }
        for (int round = 0; round < 2 && !held.isEmpty(); round++) {
            for (VariableDeclarator d : caller.method().findAll(VariableDeclarator.class)) {
                if (held.containsKey(d) || d.getInitializer().isEmpty()) continue;
                boolean derived = d.getInitializer().get().findAll(NameExpr.class).stream()
                        .anyMatch(n -> LocalTypes.of(n).map(x -> held.containsKey(x.declaration())).orElse(false));
                if (derived) held.put(d, true);
            }
        }
        for (NameExpr n : caller.method().findAll(NameExpr.class)) {
            if (LocalTypes.of(n).map(x -> held.containsKey(x.declaration())).orElse(false)) values.add(n);
        }
        for (Expression value : values) {
            for (Node p = value.getParentNode().orElse(null); p != null && !(p instanceof Statement); p = p.getParentNode().orElse(null)) {
                if (p instanceof MethodCallExpr pc) {
                    Optional<String> consumer = caller.consumerOf(pc);
                    if (consumer.isPresent()) {
                        out.add(consumer.get());
                        break;
                    }
                }
            }
        }
        return out;
    }

    /** {@code r != null}, {@code assert r != null}, {@code Objects.requireNonNull(r)}, {@code Assert.notNull(r, ..)}: no use of the content. */
    private static boolean nullCheck(NameExpr use) {
        Node p = use.getParentNode().orElse(null);
        if (p instanceof com.github.javaparser.ast.expr.BinaryExpr b
                && (b.getOperator() == com.github.javaparser.ast.expr.BinaryExpr.Operator.EQUALS
                || b.getOperator() == com.github.javaparser.ast.expr.BinaryExpr.Operator.NOT_EQUALS)
                && (b.getLeft().isNullLiteralExpr() || b.getRight().isNullLiteralExpr())) {
            return true;
        }
        return p instanceof MethodCallExpr m && m.getArguments().indexOf(use) == 0
                && NULL_CHECKS.contains(m.getNameAsString());
    }

    private static final Set<String> NULL_CHECKS = Set.of("requireNonNull", "notNull", "isNull", "nonNull", "checkNotNull");

    private static Expression outermost(Expression e) {
        Expression x = e;
        while (x.getParentNode().orElse(null) instanceof EnclosedExpr || x.getParentNode().orElse(null) instanceof CastExpr) {
            x = (Expression) x.getParentNode().get();
        }
        return x;
    }

    private static Expression unwrap(Expression e) {
        Expression x = e;
        while (x instanceof EnclosedExpr || x instanceof CastExpr) {
            x = x instanceof EnclosedExpr en ? en.getInner() : ((CastExpr) x).getExpression();
        }
        return x;
    }
}
