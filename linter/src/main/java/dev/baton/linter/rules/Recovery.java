package dev.baton.linter.rules;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.ThrowStmt;
import dev.baton.linter.frontend.javasyntax.Literals;
import dev.baton.linter.frontend.javasyntax.LocalTypes;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a recovery does with a failure, read from its code: a catch body, a {@code @Recover} method, an
 * error handler's result. Only shapes that are certain from the source are classified; everything
 * else is {@link Kind#OTHER} and stays silent.
 */
final class Recovery {
    enum Kind {
        RETHROWS, ESCALATES,
        /** logs (or nothing) and carries on */
        CONTINUES,
        /** null, empty, zero, false */
        RETURNS_DEFAULT,
        /** the exception's text as the result */
        RETURNS_EXCEPTION_PROSE,
        /** a literal that says it failed, as the result */
        RETURNS_FAILURE_PROSE,
        /** a literal answer that does not say it is one */
        FABRICATES,
        OTHER
    }

    record Verdict(Kind kind, Node evidence) {
    }

    private static final Pattern LOGGER = Pattern.compile("(?i).*log(ger)?|.*logs|out|err");
    private static final Pattern ESCALATION = Pattern.compile("(?i).*(escalat|humanreview|requestreview|outbox|deadletter|tohuman|waitfor|suspend).*");
    private static final Pattern FAILURE_WORDS = Pattern.compile("(?i).*(error|fail|unavailable|not available|n/a|unknown|could not"
            + "|couldn't|cannot|can't|unable|exception|try again|went wrong).*", Pattern.DOTALL);
    private static final Pattern MARKED_TYPE = Pattern.compile("(?i).*(fallback|degraded|unavailable|failure|failed|error|unknown|empty|rejected|partial).*");
    private static final Set<String> EMPTY_FACTORIES = Set.of("empty", "emptyList", "emptyMap", "emptySet", "never", "none");

    private Recovery() {
    }

    static Verdict of(CatchClause c) {
        return ofBlock(c.getBody(), c.getParameter().getNameAsString(), c);
    }

    static Verdict ofBlock(BlockStmt body, String exception, Node anchor) {
        if (!body.findAll(ThrowStmt.class).isEmpty()) return new Verdict(Kind.RETHROWS, anchor);
        if (body.findFirst(MethodCallExpr.class, m -> ESCALATION.matcher(m.getNameAsString()).matches()
                || m.getScope().map(s -> ESCALATION.matcher(s.toString()).matches()).orElse(false)).isPresent()) {
            return new Verdict(Kind.ESCALATES, anchor);
        }
        Verdict v = new Verdict(Kind.CONTINUES, anchor);
        for (Statement s : body.getStatements()) {
            if (isLogging(s) || s instanceof EmptyStmt || s instanceof ContinueStmt || s instanceof BreakStmt) continue;
            if (s instanceof ReturnStmt r) {
                if (r.getExpression().isEmpty()) return new Verdict(Kind.RETURNS_DEFAULT, r);
                return new Verdict(value(r.getExpression().get(), exception), r);
            }
            if (s instanceof ExpressionStmt e && e.getExpression() instanceof AssignExpr a && a.getOperator() == AssignExpr.Operator.ASSIGN) {
                Kind k = value(a.getValue(), exception);
                if (k == Kind.OTHER) return new Verdict(Kind.OTHER, s);
                v = new Verdict(k, s);
                continue;
            }
            return new Verdict(Kind.OTHER, s);
        }
        return v;
    }

    static boolean isLogging(Statement s) {
        if (!(s instanceof ExpressionStmt e) || !(e.getExpression() instanceof MethodCallExpr m)) return false;
        if (m.getNameAsString().equals("printStackTrace")) return true;
        Expression root = m;
        while (root instanceof MethodCallExpr c && c.getScope().isPresent()) root = c.getScope().get();
        if (root instanceof NameExpr n) return LOGGER.matcher(n.getNameAsString()).matches();
        if (root instanceof FieldAccessExpr f) return f.toString().startsWith("System.") || LOGGER.matcher(f.getNameAsString()).matches();
        return false;
    }

    /** Classifies a value that stands in for the failed result. */
    static Kind value(Expression e, String exception) {
        while (e instanceof EnclosedExpr en) e = en.getInner();
        while (e instanceof CastExpr c) e = c.getExpression();
        if (e instanceof NullLiteralExpr) return Kind.RETURNS_DEFAULT;
        if (e instanceof MethodCallExpr m && m.getNameAsString().equals("of") && !m.getArguments().isEmpty()
                && m.getArguments().size() % 2 == 0 && m.getScope().map(x -> x.toString().endsWith("Map")).orElse(false)) {
            return entries(m, exception);
        }
        if (exception != null && mentions(e, exception)) {
            boolean prose = e instanceof BinaryExpr || e instanceof MethodCallExpr m && (Set.of("getMessage", "getLocalizedMessage",
                    "toString", "format", "formatted", "valueOf").contains(m.getNameAsString()));
            return prose ? Kind.RETURNS_EXCEPTION_PROSE : Kind.OTHER;
        }
        if (e instanceof BooleanLiteralExpr b) return b.getValue() ? Kind.FABRICATES : Kind.RETURNS_DEFAULT;
        if (e instanceof IntegerLiteralExpr || e instanceof LongLiteralExpr || e instanceof DoubleLiteralExpr || e instanceof UnaryExpr) {
            String t = e.toString().replace("L", "").replace("d", "").replace("f", "");
            return Set.of("0", "-1", "0.0", "-1.0").contains(t) ? Kind.RETURNS_DEFAULT : e instanceof UnaryExpr u
                    && !(u.getExpression() instanceof LiteralExpr) ? Kind.OTHER : Kind.FABRICATES;
        }
        java.util.Optional<String> text = Literals.string(e);
        if (text.isPresent()) return textKind(text.get());
        if (e instanceof NameExpr n && n.getNameAsString().equals(n.getNameAsString().toUpperCase(Locale.ROOT))) {
            return LocalTypes.of(n).map(LocalTypes.Declaration::initializer).flatMap(Literals::string).map(Recovery::textKind)
                    .orElse(Kind.OTHER);
        }
        if (e instanceof MethodCallExpr m) {
            if (EMPTY_FACTORIES.contains(m.getNameAsString()) && m.getArguments().isEmpty()) return Kind.RETURNS_DEFAULT;
            if (m.getNameAsString().equals("of") && m.getArguments().isEmpty()) return Kind.RETURNS_DEFAULT;
            return Kind.OTHER;
        }
        if (e instanceof ObjectCreationExpr o) {
            if (o.getArguments().isEmpty() && o.getAnonymousClassBody().isEmpty()) return Kind.RETURNS_DEFAULT;
            if (MARKED_TYPE.matcher(o.getType().getNameAsString()).matches()) return Kind.OTHER;
            // literals, plus names passed through unchanged (the city asked about): the answer itself is made up
            boolean allLiterals = o.getArguments().stream().allMatch(a -> a instanceof LiteralExpr || Literals.string(a).isPresent()
                    || a instanceof NameExpr);
            boolean someText = o.getArguments().stream().anyMatch(a -> Literals.string(a).map(s -> !s.isBlank()).orElse(false));
            if (allLiterals && someText) {
                boolean saysFailed = o.getArguments().stream().anyMatch(a -> Literals.string(a).map(s -> FAILURE_WORDS.matcher(s).matches()).orElse(false)
                        || a instanceof BooleanLiteralExpr);
                return saysFailed ? Kind.OTHER : Kind.FABRICATES;
            }
        }
        return Kind.OTHER;
    }

    private static final java.util.regex.Pattern FAILURE_KEY = java.util.regex.Pattern.compile("(?i).*(error|fail|exception).*");

    /**
     * A map of results ({@code Map.of("answer", "")}, a LangGraph4j node's state update): the kind all its values
     * share. A key that names the failure ({@code "error"}) is a channel that reports it, not an invented result.
     */
    private static Kind entries(MethodCallExpr m, String exception) {
        Kind all = null;
        for (int i = 0; i < m.getArguments().size(); i += 2) {
            if (FAILURE_KEY.matcher(m.getArgument(i).toString()).matches()) return Kind.OTHER;
            Kind k = value(m.getArgument(i + 1), exception);
            if (all != null && all != k) return Kind.OTHER;
            all = k;
        }
        return all;
    }

    private static Kind textKind(String s) {
        if (s.isBlank()) return Kind.RETURNS_DEFAULT;
        return FAILURE_WORDS.matcher(s).matches() ? Kind.RETURNS_FAILURE_PROSE : Kind.FABRICATES;
    }

    private static boolean mentions(Expression e, String name) {
        return e.findFirst(NameExpr.class, n -> n.getNameAsString().equals(name)).isPresent()
                || e instanceof NameExpr n && n.getNameAsString().equals(name);
    }

    static boolean isText(Expression e) {
        return e instanceof StringLiteralExpr || e instanceof TextBlockLiteralExpr;
    }
}
