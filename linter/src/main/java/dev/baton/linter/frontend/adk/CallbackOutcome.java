package dev.baton.linter.frontend.adk;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import dev.baton.linter.frontend.javasyntax.SideEffectVerbs;
import dev.baton.linter.graph.facts.ErrorHandlerSite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What an ADK error callback does with the failure. {@code Optional.empty()} lets the error
 * propagate; {@code Optional.of(..)} substitutes a result, which is a fabrication when it is made of
 * literals that do not say that something failed.
 */
final class CallbackOutcome {
    private CallbackOutcome() {
    }

    static ErrorHandlerSite.Outcome of(Expression callback) {
        if (!(callback instanceof LambdaExpr l)) return ErrorHandlerSite.Outcome.UNKNOWN;
        List<Expression> results = new ArrayList<>();
        if (l.getExpressionBody().isPresent()) results.add(l.getExpressionBody().get());
        l.getBody().findAll(ReturnStmt.class).forEach(r -> r.getExpression().ifPresent(results::add));
        if (SideEffectVerbs.code(l.getBody()).contains("escalate")) return ErrorHandlerSite.Outcome.ESCALATE;
        boolean substitutes = false;
        boolean fabricated = false;
        for (Expression r : results) {
            if (!(r instanceof MethodCallExpr m) || !m.getScope().map(s -> s.toString().equals("Optional")).orElse(false)) {
                return ErrorHandlerSite.Outcome.UNKNOWN;
            }
            if (m.getNameAsString().equals("empty")) continue;
            substitutes = true;
            List<String> literals = new ArrayList<>();
            m.walk(StringLiteralExpr.class, s -> literals.add(s.asString()));
            m.walk(TextBlockLiteralExpr.class, s -> literals.add(s.asString()));
            boolean marked = literals.stream().map(s -> s.toLowerCase(Locale.ROOT)).anyMatch(s -> s.contains("error")
                    || s.contains("fail") || s.contains("unavailable") || s.contains("fallback") || s.contains("degraded"));
            String code = SideEffectVerbs.code(m);
            boolean fromException = code.contains("getMessage") || code.contains("exception");
            if (!literals.isEmpty() && !marked && !fromException) fabricated = true;
        }
        if (fabricated) return ErrorHandlerSite.Outcome.FABRICATE;
        return substitutes ? ErrorHandlerSite.Outcome.RECOVER : ErrorHandlerSite.Outcome.RETHROW;
    }
}
