package dev.baton.linter.frontend.springai;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import dev.baton.linter.frontend.javasyntax.Imports;
import dev.baton.linter.frontend.javasyntax.LocalTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a model reply goes nowhere but the console or a log: printed directly, or held in a local whose every
 * use is printed or logged (through string concatenation, {@code String.format}, accessor and stream calls on it).
 * Such a value reaches no agent, decision or side effect, so binding it is no handoff boundary.
 */
final class Sinks {
    private static final Set<String> CONSOLE = Set.of("print", "println", "printf", "format");
    private static final Set<String> LOG_LEVELS = Set.of("trace", "debug", "info", "warn", "error", "log", "fine", "finer",
            "finest", "severe", "warning", "config", "atInfo", "atDebug", "atWarn", "atError", "atTrace");
    private static final Set<String> LOGGER_TYPES = Set.of("Logger", "Log", "System.Logger");
    private static final Pattern LOGGER_NAME = Pattern.compile("(?i)_?(log|logger)");
    private static final Set<String> TEXT = Set.of("format", "formatted", "valueOf", "toString", "join");

    private Sinks() {
    }

    static boolean onlyPrinted(MethodCallExpr site) {
        Expression value = site;
        Node parent = site.getParentNode().orElse(null);
        while (parent instanceof EnclosedExpr || parent instanceof CastExpr) {
            value = (Expression) parent;
            parent = parent.getParentNode().orElse(null);
        }
        VariableDeclarator local = null;
        if (parent instanceof VariableDeclarator v && v.getParentNode().orElse(null) instanceof VariableDeclarationExpr) {
            local = v;
        } else if (parent instanceof AssignExpr a && a.getValue() == value && a.getOperator() == AssignExpr.Operator.ASSIGN
                && a.getTarget() instanceof NameExpr t) {
            Optional<LocalTypes.Declaration> d = LocalTypes.of(t);
            if (d.isPresent() && d.get().declaration() instanceof VariableDeclarator v
                    && v.getParentNode().orElse(null) instanceof VariableDeclarationExpr) {
                local = v;
            }
        }
        if (local == null) return printed(value);
        VariableDeclarator v = local;
        Node scope = v.findAncestor(LambdaExpr.class).map(Node.class::cast)
                .or(() -> v.findAncestor(MethodDeclaration.class)).orElse(null);
        if (scope == null) return false;
        List<NameExpr> uses = new ArrayList<>();
        scope.walk(NameExpr.class, n -> {
            if (n.getNameAsString().equals(v.getNameAsString()) && LocalTypes.of(n).map(d -> d.declaration() == v).orElse(false)) {
                uses.add(n);
            }
        });
        for (NameExpr n : uses) {
            if (n.getParentNode().orElse(null) instanceof AssignExpr a && a.getTarget() == n && a.getOperator() == AssignExpr.Operator.ASSIGN) {
                continue;
            }
            if (!printed(n)) return false;
        }
        return true;
    }

    /** Whether an expression's value ends, through text-building and calls on it, as an argument of a print or log call. */
    static boolean printed(Expression start) {
        Expression x = start;
        while (true) {
            Node p = x.getParentNode().orElse(null);
            if (p instanceof EnclosedExpr || p instanceof CastExpr) {
                x = (Expression) p;
            } else if (p instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
                x = b;
            } else if (p instanceof MethodCallExpr m && m.getScope().isPresent() && m.getScope().get() == x) {
                x = m;
            } else if (p instanceof MethodCallExpr m && m.getArguments().contains(x)) {
                if (isPrint(m)) return true;
                boolean text = TEXT.contains(m.getNameAsString()) && m.getScope().map(s -> s.toString().equals("String")
                        || s.toString().equals("Objects") || s.isStringLiteralExpr() || s.isTextBlockLiteralExpr()).orElse(false);
                if (!text) return false;
                x = m;
            } else {
                return false;
            }
        }
    }

    private static boolean isPrint(MethodCallExpr m) {
        if (m.getScope().isEmpty()) return false;
        Expression scope = m.getScope().get();
        String name = m.getNameAsString();
        if (CONSOLE.contains(name) && scope instanceof FieldAccessExpr f && f.getScope().toString().equals("System")
                && (f.getNameAsString().equals("out") || f.getNameAsString().equals("err"))) {
            return true;
        }
        if (!LOG_LEVELS.contains(name)) return false;
        Optional<LocalTypes.Declaration> d = LocalTypes.of(scope);
        if (d.isPresent() && d.get().type() != null) return LOGGER_TYPES.contains(Imports.rawName(d.get().type()))
                || LOGGER_TYPES.contains(Imports.simpleName(Imports.rawName(d.get().type())));
        String simple = scope instanceof NameExpr n ? n.getNameAsString()
                : scope instanceof FieldAccessExpr f ? f.getNameAsString() : null;
        return simple != null && LOGGER_NAME.matcher(simple).matches();
    }
}
