package dev.baton.linter.engine;

import com.github.javaparser.Range;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code @SuppressWarnings("baton:<rule-id>")} or {@code @SuppressWarnings("baton")} on the enclosing
 * declaration (type, method, constructor, field, parameter, local variable). Text after the id is
 * a free reason: {@code "baton:untyped-handoff the summary is prose by design"}.
 */
final class Suppressions {
    private record Scope(Range range, List<String> tokens) {
    }

    private final List<Scope> scopes;

    private Suppressions(List<Scope> scopes) {
        this.scopes = scopes;
    }

    static Suppressions of(CompilationUnit unit) {
        List<Scope> scopes = new ArrayList<>();
        for (AnnotationExpr a : unit.findAll(AnnotationExpr.class)) {
            String name = a.getNameAsString();
            if (!name.equals("SuppressWarnings") && !name.equals("java.lang.SuppressWarnings")) continue;
            List<String> tokens = new ArrayList<>();
            if (a instanceof SingleMemberAnnotationExpr s) collect(s.getMemberValue(), tokens);
            else if (a instanceof NormalAnnotationExpr n)
                n.getPairs().forEach(p -> { if (p.getNameAsString().equals("value")) collect(p.getValue(), tokens); });
            if (tokens.stream().noneMatch(t -> t.startsWith("baton"))) continue;
            Node declaration = a.getParentNode().orElse(null);
            if (declaration == null || declaration.getRange().isEmpty()) continue;
            scopes.add(new Scope(declaration.getRange().get(), tokens));
        }
        return new Suppressions(scopes);
    }

    private static void collect(Expression e, List<String> out) {
        if (e instanceof StringLiteralExpr s) out.add(s.asString().strip());
        else if (e instanceof ArrayInitializerExpr arr) arr.getValues().forEach(v -> collect(v, out));
    }

    boolean suppresses(String ruleId, int line, int column) {
        for (Scope s : scopes) {
            if (!contains(s.range(), line, column)) continue;
            for (String t : s.tokens()) if (matches(t, ruleId)) return true;
        }
        return false;
    }

    static boolean matches(String token, String ruleId) {
        if (token.equals("baton") || token.startsWith("baton ")) return true;
        if (!token.startsWith("baton:")) return false;
        String rest = token.substring("baton:".length());
        int end = 0;
        while (end < rest.length() && !Character.isWhitespace(rest.charAt(end)) && rest.charAt(end) != '(') end++;
        return rest.substring(0, end).equals(ruleId);
    }

    private static boolean contains(Range r, int line, int column) {
        if (line < r.begin.line || line > r.end.line) return false;
        // Column 0 means "the line"; findings report the column of the offending code.
        if (line == r.begin.line && column > 0 && column < r.begin.column) return false;
        return true;
    }
}
