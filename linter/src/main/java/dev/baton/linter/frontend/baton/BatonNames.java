package dev.baton.linter.frontend.baton;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves simple names of Baton's runtime API through a file's imports, with no classpath:
 * {@code HandoffChain} means Baton's only when imported from {@code dev.baton.runtime.*} (singly or
 * on demand), written fully qualified, or used inside Baton's own packages.
 */
final class BatonNames {
    static final String ROOT = "dev.baton.runtime";
    private final Set<String> imported = new HashSet<>();
    private final boolean wildcard;

    private final boolean qualifiedUse;

    BatonNames(CompilationUnit unit, String text) {
        this.qualifiedUse = text.contains(ROOT + ".");
        boolean any = unit.getPackageDeclaration().map(p -> p.getNameAsString().startsWith(ROOT)).orElse(false);
        for (ImportDeclaration i : unit.getImports()) {
            String name = i.getNameAsString();
            if (!name.startsWith(ROOT + ".")) continue;
            if (i.isAsterisk() && !i.isStatic()) any = true;
            else imported.add(name.substring(name.lastIndexOf('.') + 1));
        }
        this.wildcard = any;
    }

    /** Whether {@code written} (simple or qualified) names Baton's runtime type {@code simple}. */
    boolean is(String written, String simple) {
        if (written.equals(simple)) return wildcard || imported.contains(simple);
        return written.startsWith(ROOT + ".") && written.endsWith("." + simple);
    }

    /** Whether the expression is the type name {@code simple} of Baton's runtime (scope of a static call). */
    boolean isType(Expression e, String simple) {
        if (e instanceof NameExpr n) return is(n.getNameAsString(), simple);
        if (e instanceof FieldAccessExpr f) return is(f.toString(), simple);
        return false;
    }

    /** Whether the file can refer to Baton's runtime at all. */
    boolean anyImported() {
        return wildcard || !imported.isEmpty() || qualifiedUse;
    }

    /**
     * The string value of a literal, a concatenation of literals, or a name bound to one (a constant
     * or a local initialised once in this file); empty when the source does not show it.
     */
    Optional<String> string(Expression e) {
        return string(e, 0);
    }

    private Optional<String> string(Expression e, int depth) {
        if (depth > 8) return Optional.empty();
        if (e instanceof StringLiteralExpr s) return Optional.of(s.asString());
        if (e instanceof TextBlockLiteralExpr t) return Optional.of(t.asString());
        if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
            Optional<String> l = string(b.getLeft(), depth + 1), r = string(b.getRight(), depth + 1);
            return l.isPresent() && r.isPresent() ? Optional.of(l.get() + r.get()) : Optional.empty();
        }
        if (e instanceof NameExpr || e instanceof FieldAccessExpr) {
            return initializer(e).flatMap(init -> string(init, depth + 1));
        }
        return Optional.empty();
    }

    /**
     * The initializer of the variable or constant a name refers to, when exactly one declaration in this
     * file has that name (the nearest enclosing one wins for locals).
     */
    Optional<Expression> initializer(Expression nameExpr) {
        String name = nameExpr instanceof NameExpr n ? n.getNameAsString()
                : nameExpr instanceof FieldAccessExpr f ? f.getNameAsString() : null;
        if (name == null) return Optional.empty();
        // Nearest enclosing scope first: walk up and look for a declarator visible from here.
        Node scope = nameExpr.getParentNode().orElse(null);
        while (scope != null) {
            Optional<VariableDeclarator> found = scope.getChildNodes().stream()
                    .flatMap(c -> c.findAll(VariableDeclarator.class).stream())
                    .filter(v -> v.getNameAsString().equals(name) && v.getInitializer().isPresent())
                    .filter(v -> v.getBegin().isPresent() && nameExpr.getBegin().isPresent()
                            && (isField(v) || v.getBegin().get().isBefore(nameExpr.getBegin().get())))
                    .reduce((a, b) -> b);
            if (found.isPresent()) return found.get().getInitializer();
            scope = scope.getParentNode().orElse(null);
        }
        return Optional.empty();
    }

    private static boolean isField(VariableDeclarator v) {
        return v.getParentNode().map(p -> p instanceof com.github.javaparser.ast.body.FieldDeclaration).orElse(false);
    }
}
