package dev.baton.linter.frontend.javasyntax;

import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Constant strings and annotation attributes as written in source. */
public final class Literals {
    private Literals() {
    }

    /**
     * The value of a string constant expression: a literal, a text block, or a {@code +}
     * concatenation of them. Empty when any part is not a constant.
     */
    public static Optional<String> string(Expression e) {
        if (e == null) return Optional.empty();
        if (e instanceof StringLiteralExpr s) return Optional.of(s.asString());
        if (e instanceof TextBlockLiteralExpr t) return Optional.of(t.asString());
        if (e instanceof EnclosedExpr en) return string(en.getInner());
        if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
            Optional<String> l = string(b.getLeft());
            Optional<String> r = string(b.getRight());
            if (l.isPresent() && r.isPresent()) return Optional.of(l.get() + r.get());
        }
        return Optional.empty();
    }

    /**
     * Every string constant inside an expression, concatenated in order: for a template built
     * partly from variables ({@code "Write about " + topic}) this keeps the constant prose.
     */
    public static String constantText(Expression e) {
        StringBuilder sb = new StringBuilder();
        e.walk(n -> {
            if (n instanceof StringLiteralExpr s) sb.append(s.asString()).append('\n');
            else if (n instanceof TextBlockLiteralExpr t) sb.append(t.asString()).append('\n');
        });
        return sb.toString();
    }

    /** The value of an annotation attribute ({@code value} for a single-member annotation). */
    public static Optional<Expression> attribute(AnnotationExpr a, String name) {
        if (a instanceof SingleMemberAnnotationExpr s) {
            return "value".equals(name) ? Optional.of(s.getMemberValue()) : Optional.empty();
        }
        if (a instanceof NormalAnnotationExpr n) {
            for (MemberValuePair p : n.getPairs()) if (p.getNameAsString().equals(name)) return Optional.of(p.getValue());
        }
        return Optional.empty();
    }

    /** A string attribute; text arrays (as {@code @UserMessage({"a", "b"})} allows) are joined by newlines. */
    public static Optional<String> stringAttribute(AnnotationExpr a, String name) {
        return attribute(a, name).flatMap(v -> {
            if (v instanceof ArrayInitializerExpr arr) {
                StringBuilder sb = new StringBuilder();
                for (Expression x : arr.getValues()) {
                    Optional<String> s = string(x);
                    if (s.isEmpty()) return Optional.empty();
                    if (!sb.isEmpty()) sb.append('\n');
                    sb.append(s.get());
                }
                return Optional.of(sb.toString());
            }
            return string(v);
        });
    }

    /** Type names of class literals in an attribute: {@code subAgents = {A.class, B.class}} → [A, B]. */
    public static List<String> classAttribute(AnnotationExpr a, String name) {
        List<String> out = new ArrayList<>();
        attribute(a, name).ifPresent(v -> {
            if (v instanceof ArrayInitializerExpr arr) {
                for (Expression x : arr.getValues()) if (x instanceof ClassExpr c) out.add(c.getTypeAsString());
            } else if (v instanceof ClassExpr c) {
                out.add(c.getTypeAsString());
            }
        });
        return out;
    }

    public static Optional<Integer> intAttribute(AnnotationExpr a, String name) {
        return attribute(a, name).flatMap(Literals::integer);
    }

    public static Optional<Integer> integer(Expression e) {
        if (e != null && e.isIntegerLiteralExpr()) {
            try {
                return Optional.of(e.asIntegerLiteralExpr().asNumber().intValue());
            } catch (NumberFormatException ex) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    public static Optional<Boolean> booleanAttribute(AnnotationExpr a, String name) {
        return attribute(a, name).filter(Expression::isBooleanLiteralExpr).map(e -> e.asBooleanLiteralExpr().getValue());
    }
}
