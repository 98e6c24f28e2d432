package dev.baton.linter.frontend.springai;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import dev.baton.linter.frontend.ParsedSource;
import dev.baton.linter.frontend.javasyntax.Literals;
import dev.baton.linter.frontend.javasyntax.LocalTypes;
import dev.baton.linter.frontend.javasyntax.Locations;
import dev.baton.linter.frontend.javasyntax.StructureRequest;
import dev.baton.linter.graph.ContractRef;
import dev.baton.linter.graph.Edge;
import dev.baton.linter.graph.HandoffGraph;
import dev.baton.linter.graph.PayloadKind;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A chain run by a loop over one call site: {@code response = chatClient.prompt(String.format(step, response))
 * .call().content()} inside a loop, with {@code response} declared before it. Each iteration's reply is the next
 * iteration's prompt input, so the site hands off to itself: a {@code site → site} edge at the prompt call.
 *
 * <p>Whether the producer is asked for structure is read from the prompt's text as the values give it: literals,
 * locals and fields initialised with text (arrays of text blocks too), the loop variable's iterable, a field
 * assigned in a constructor from a parameter that another constructor's {@code this(..)} passes, and a constant of
 * another class among the sources.
 */
final class LoopCarried {
    private static final Set<String> PROMPT_INPUTS = Set.of("prompt", "user", "system", "text");
    private static final int DEPTH = 12;

    private LoopCarried() {
    }

    static void link(List<ParsedSource> sources, ParsedSource source, TypeDeclaration<?> type, String fqcn,
                     MethodDeclaration method, List<MethodCallExpr> sites, HandoffGraph.Builder graph) {
        for (int i = 0; i < sites.size(); i++) {
            MethodCallExpr site = sites.get(i);
            Optional<VariableDeclarator> carried = carriedLocal(site);
            if (carried.isEmpty()) continue;
            VariableDeclarator v = carried.get();
            for (MethodCallExpr input : SpringAiFrontend.chainOf(site)) {
                if (!PROMPT_INPUTS.contains(input.getNameAsString())) continue;
                boolean feeds = input.getArguments().stream().anyMatch(a -> mentions(a, v, 2));
                if (!feeds) continue;
                String id = SpringAiFrontend.PREFIX + fqcn + "#" + method.getNameAsString() + "/" + (i + 1);
                String outputType = site.getNameAsString().equals("content") ? "String" : null;
                PayloadKind payload = PayloadKind.of(outputType);
                if (payload == PayloadKind.TYPED) break;
                StringBuilder text = new StringBuilder();
                for (MethodCallExpr c : SpringAiFrontend.chainOf(site)) {
                    if (PROMPT_INPUTS.contains(c.getNameAsString())) c.getArguments().forEach(a -> text(sources, a, text, DEPTH));
                }
                EnumSet<Edge.Use> uses = EnumSet.of(Edge.Use.INTERPOLATED);
                if (StructureRequest.asked(text)) uses.add(Edge.Use.STRUCTURE_REQUESTED);
                ContractRef contract = null;
                graph.edge(new Edge(id + "->" + id, id, id, Edge.Channel.RETURN_VALUE, v.getNameAsString(), payload, contract,
                        null, Set.copyOf(uses), Locations.of(source, input.getName())));
                break;
            }
        }
    }

    /** The local the site's reply is assigned to inside a loop, declared before that loop. */
    private static Optional<VariableDeclarator> carriedLocal(MethodCallExpr site) {
        if (!(site.getParentNode().orElse(null) instanceof AssignExpr a) || a.getValue() != site
                || a.getOperator() != AssignExpr.Operator.ASSIGN || !(a.getTarget() instanceof NameExpr t)) {
            return Optional.empty();
        }
        Optional<LocalTypes.Declaration> d = LocalTypes.of(t);
        if (d.isEmpty() || !(d.get().declaration() instanceof VariableDeclarator v)
                || !(v.getParentNode().orElse(null) instanceof VariableDeclarationExpr)) {
            return Optional.empty();
        }
        for (Node p = site.getParentNode().orElse(null); p != null && !(p instanceof MethodDeclaration); p = p.getParentNode().orElse(null)) {
            boolean loop = p instanceof ForEachStmt || p instanceof ForStmt || p instanceof WhileStmt || p instanceof DoStmt;
            if (loop && !v.isDescendantOf(p)) return Optional.of(v);
        }
        return Optional.empty();
    }

    /** Whether an expression uses the local, directly or through locals it initialises ({@code input = format(.., v)}). */
    private static boolean mentions(Expression e, VariableDeclarator v, int depth) {
        for (NameExpr n : e.findAll(NameExpr.class)) {
            Optional<LocalTypes.Declaration> d = LocalTypes.of(n);
            if (d.isEmpty()) continue;
            if (d.get().declaration() == v) return true;
            if (depth > 0 && d.get().declaration() instanceof VariableDeclarator local
                    && local.getParentNode().orElse(null) instanceof VariableDeclarationExpr
                    && local.getInitializer().isPresent() && mentions(local.getInitializer().get(), v, depth - 1)) {
                return true;
            }
        }
        return false;
    }

    /** Appends the literal text an expression's value can hold. */
    private static void text(List<ParsedSource> sources, Expression e, StringBuilder out, int depth) {
        if (depth <= 0 || e == null) return;
        Optional<String> literal = Literals.string(e);
        if (literal.isPresent()) {
            out.append(literal.get()).append('\n');
            return;
        }
        if (e instanceof ArrayInitializerExpr a) {
            a.getValues().forEach(x -> text(sources, x, out, depth - 1));
        } else if (e instanceof ArrayCreationExpr a) {
            a.getInitializer().ifPresent(x -> text(sources, x, out, depth - 1));
        } else if (e instanceof NameExpr || e instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr) {
            Optional<LocalTypes.Declaration> d = LocalTypes.of(e);
            if (d.isPresent()) {
                declared(sources, d.get().declaration(), out, depth - 1);
            } else if (e instanceof NameExpr) {
                return;
            }
        } else if (e instanceof FieldAccessExpr f && f.getScope() instanceof NameExpr owner) {
            constant(sources, owner.getNameAsString(), f.getNameAsString()).ifPresent(x -> text(sources, x, out, depth - 1));
        } else if (e instanceof MethodCallExpr m) {
            // String.format(..), "..".formatted(..), a + b: every part of the text
            m.getScope().ifPresent(s -> text(sources, s, out, depth - 1));
            m.getArguments().forEach(x -> text(sources, x, out, depth - 1));
        } else if (e instanceof com.github.javaparser.ast.expr.BinaryExpr b) {
            text(sources, b.getLeft(), out, depth - 1);
            text(sources, b.getRight(), out, depth - 1);
        } else if (e instanceof com.github.javaparser.ast.expr.EnclosedExpr en) {
            text(sources, en.getInner(), out, depth - 1);
        }
    }

    private static void declared(List<ParsedSource> sources, Node declaration, StringBuilder out, int depth) {
        if (declaration instanceof VariableDeclarator v) {
            if (v.getInitializer().isPresent()) {
                text(sources, v.getInitializer().get(), out, depth);
                return;
            }
            if (v.getParentNode().orElse(null) instanceof VariableDeclarationExpr ve && ve.getParentNode().orElse(null) instanceof ForEachStmt fe) {
                text(sources, fe.getIterable(), out, depth);
                return;
            }
            if (v.getParentNode().orElse(null) instanceof FieldDeclaration fd) {
                // a field assigned in constructors: the values assigned
                fd.findAncestor(TypeDeclaration.class).ifPresent(t -> {
                    for (ConstructorDeclaration c : ((TypeDeclaration<?>) t).getConstructors()) {
                        for (AssignExpr a : c.findAll(AssignExpr.class)) {
                            Expression target = a.getTarget();
                            String name = target instanceof NameExpr n ? n.getNameAsString()
                                    : target instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr ? f.getNameAsString() : null;
                            if (v.getNameAsString().equals(name)) text(sources, a.getValue(), out, depth);
                        }
                    }
                });
            }
        } else if (declaration instanceof Parameter p && p.getParentNode().orElse(null) instanceof ConstructorDeclaration c) {
            // a constructor parameter: what the other constructors pass through this(..)
            int index = c.getParameters().indexOf(p);
            c.findAncestor(TypeDeclaration.class).ifPresent(t -> {
                for (ConstructorDeclaration other : ((TypeDeclaration<?>) t).getConstructors()) {
                    for (ExplicitConstructorInvocationStmt call : other.findAll(ExplicitConstructorInvocationStmt.class)) {
                        if (call.isThis() && call.getArguments().size() == c.getParameters().size()) {
                            text(sources, call.getArgument(index), out, depth);
                        }
                    }
                }
            });
        }
    }

    /** The initialiser of a static field {@code Owner.NAME} declared in one of the sources. */
    private static Optional<Expression> constant(List<ParsedSource> sources, String owner, String name) {
        for (ParsedSource s : sources) {
            for (TypeDeclaration<?> t : s.unit().findAll(TypeDeclaration.class)) {
                if (!t.getNameAsString().equals(owner)) continue;
                for (FieldDeclaration f : t.getFields()) {
                    if (!f.isStatic()) continue;
                    for (VariableDeclarator v : f.getVariables()) {
                        if (v.getNameAsString().equals(name) && v.getInitializer().isPresent()) return v.getInitializer();
                    }
                }
            }
        }
        return Optional.empty();
    }
}
