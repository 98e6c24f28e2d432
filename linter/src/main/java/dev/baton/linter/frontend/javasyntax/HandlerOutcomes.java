package dev.baton.linter.frontend.javasyntax;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.ThrowStmt;
import dev.baton.linter.graph.facts.ErrorHandlerSite.Outcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads what an error handler does: the last branch's outcome, and whether its retries carry a
 * counter. Shared by frontends whose handlers return a recovery value (LangChain4j
 * {@code ErrorRecoveryResult}) or throw.
 */
public final class HandlerOutcomes {
    private static final Set<String> ESCALATION_WORDS = Set.of("escalat", "humanintheloop", "suspendedresponse",
            "pendingresponse", "toHuman", "outbox");

    private HandlerOutcomes() {
    }

    /** The value expressions a handler body returns, in source order (a lambda's expression body counts). */
    public static List<Expression> returned(Node handler) {
        List<Expression> out = new ArrayList<>();
        if (handler instanceof LambdaExpr l && l.getExpressionBody().isPresent()) {
            out.add(l.getExpressionBody().get());
            return out;
        }
        handler.walk(ReturnStmt.class, r -> {
            if (r.getExpression().isPresent() && enclosingLambda(r) == enclosingLambdaOrSelf(handler)) out.add(r.getExpression().get());
        });
        return out;
    }

    private static Node enclosingLambda(Node n) {
        return n.findAncestor(LambdaExpr.class).orElse(null);
    }

    private static Node enclosingLambdaOrSelf(Node handler) {
        return handler instanceof LambdaExpr ? handler : handler.findAncestor(LambdaExpr.class).orElse(null);
    }

    /**
     * The outcome of the handler's last branch. {@code result(...)} of a literal (or of something built
     * only from literals) is {@link Outcome#FABRICATE}; any escalation call wins over the rest.
     */
    public static Outcome outcome(Node handler) {
        if (mentionsEscalation(handler)) return Outcome.ESCALATE;
        List<Expression> returns = returned(handler);
        Expression last = returns.isEmpty() ? null : returns.get(returns.size() - 1);
        Optional<Statement> lastStatement = lastStatement(handler);
        if (lastStatement.isPresent() && lastStatement.get() instanceof ThrowStmt) return Outcome.RETHROW;
        if (last == null) return Outcome.UNKNOWN;
        if (last instanceof MethodCallExpr m) {
            switch (m.getNameAsString()) {
                case "throwException":
                    return Outcome.RETHROW;
                case "retry":
                    return Outcome.RETRY;
                case "result":
                    return m.getArguments().size() == 1 && madeOfLiterals(m.getArgument(0)) ? Outcome.FABRICATE : Outcome.RECOVER;
                default:
                    break;
            }
        }
        if (!(handler instanceof LambdaExpr) && !(last instanceof MethodCallExpr m2 && m2.getScope().map(x -> x.toString().endsWith("ErrorRecoveryResult")).orElse(false))) {
            // a plain catch or handler method: a literal answer is invented, anything else recovers
            if (last.isNullLiteralExpr()) return Outcome.UNKNOWN;
            return madeOfLiterals(last) ? Outcome.FABRICATE : Outcome.RECOVER;
        }
        return Outcome.UNKNOWN;
    }

    private static Optional<Statement> lastStatement(Node handler) {
        if (handler instanceof LambdaExpr l && l.getBody().isBlockStmt()) {
            var stmts = l.getBody().asBlockStmt().getStatements();
            return stmts.isEmpty() ? Optional.empty() : Optional.of(stmts.get(stmts.size() - 1));
        }
        if (handler instanceof com.github.javaparser.ast.stmt.BlockStmt b) {
            return b.getStatements().isEmpty() ? Optional.empty() : Optional.of(b.getStatements().get(b.getStatements().size() - 1));
        }
        if (handler instanceof com.github.javaparser.ast.body.MethodDeclaration m && m.getBody().isPresent()) {
            var stmts = m.getBody().get().getStatements();
            return stmts.isEmpty() ? Optional.empty() : Optional.of(stmts.get(stmts.size() - 1));
        }
        return Optional.empty();
    }

    /** Whether an expression is a literal, or is built only from literals (string concatenation, {@code new X("..")}). */
    public static boolean madeOfLiterals(Expression e) {
        if (e.isLiteralExpr()) return !e.isNullLiteralExpr();
        if (e.isEnclosedExpr()) return madeOfLiterals(e.asEnclosedExpr().getInner());
        if (e instanceof BinaryExpr b) return madeOfLiterals(b.getLeft()) && madeOfLiterals(b.getRight());
        if (e instanceof ObjectCreationExpr o) {
            return !o.getArguments().isEmpty() && o.getArguments().stream().allMatch(HandlerOutcomes::madeOfLiterals)
                    && o.getAnonymousClassBody().isEmpty();
        }
        if (e instanceof MethodCallExpr m && (m.getNameAsString().equals("of") || m.getNameAsString().equals("asList"))) {
            return m.getArguments().stream().allMatch(HandlerOutcomes::madeOfLiterals);
        }
        if (e.isFieldAccessExpr()) {
            // Verdict.REJECTED and the like: a constant chosen in code, not produced by the agent
            String scope = e.asFieldAccessExpr().getScope().toString();
            return !scope.isEmpty() && Character.isUpperCase(scope.charAt(scope.lastIndexOf('.') + 1));
        }
        return false;
    }

    private static boolean mentionsEscalation(Node handler) {
        boolean[] found = {false};
        handler.walk(Node.class, n -> {
            if (found[0]) return;
            if (n instanceof MethodCallExpr m) {
                String name = m.getNameAsString().toLowerCase(java.util.Locale.ROOT);
                for (String w : ESCALATION_WORDS) if (name.contains(w.toLowerCase(java.util.Locale.ROOT))) found[0] = true;
            } else if (n instanceof ObjectCreationExpr o) {
                String t = o.getTypeAsString().toLowerCase(java.util.Locale.ROOT);
                if (t.contains("escalat") || t.contains("suspendedresponse")) found[0] = true;
            }
        });
        return found[0];
    }

    /** The retry calls ({@code ErrorRecoveryResult.retry()} or a statically imported {@code retry()}) in a handler. */
    public static List<MethodCallExpr> retries(Node handler) {
        List<MethodCallExpr> out = new ArrayList<>();
        handler.walk(MethodCallExpr.class, m -> {
            if (m.getNameAsString().equals("retry") && m.getArguments().isEmpty()
                    && m.getScope().map(s -> s.toString().endsWith("ErrorRecoveryResult")).orElse(true)) {
                out.add(m);
            }
        });
        return out;
    }

    /**
     * The bound a handler puts on its retries: a relational comparison against an integer literal
     * ({@code attempts.incrementAndGet() <= 3}). Present-but-unknown when some comparison or counter
     * exists without a literal; absent when nothing in the handler counts.
     */
    public static Optional<OptionalInt> retryBound(Node handler) {
        OptionalInt[] literal = {OptionalInt.empty()};
        boolean[] counts = {false};
        handler.walk(Node.class, n -> {
            if (n instanceof BinaryExpr b && isRelational(b.getOperator())) {
                counts[0] = true;
                Literals.integer(b.getRight()).or(() -> Literals.integer(b.getLeft())).ifPresent(v -> literal[0] = OptionalInt.of(v));
            } else if (n instanceof MethodCallExpr m && (m.getNameAsString().equals("incrementAndGet")
                    || m.getNameAsString().equals("getAndIncrement") || m.getNameAsString().equals("merge"))) {
                counts[0] = true;
            } else if (n instanceof UnaryExpr u && (u.getOperator() == UnaryExpr.Operator.PREFIX_INCREMENT
                    || u.getOperator() == UnaryExpr.Operator.POSTFIX_INCREMENT)) {
                counts[0] = true;
            } else if (n instanceof ExpressionStmt) {
                // nothing: only expressions count
            }
        });
        if (!counts[0]) return Optional.empty();
        return Optional.of(literal[0]);
    }

    private static boolean isRelational(BinaryExpr.Operator op) {
        return op == BinaryExpr.Operator.LESS || op == BinaryExpr.Operator.LESS_EQUALS
                || op == BinaryExpr.Operator.GREATER || op == BinaryExpr.Operator.GREATER_EQUALS;
    }
}
