package dev.baton.linter.frontend.javasyntax;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ReturnStmt;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads how code waits for a human's answer: whether the wait is bounded, what a timeout decides,
 * and whether the answer is checked before it is handed on. Unknown means the safe reading (no
 * finding): only what the source shows is reported.
 */
public final class HumanWaits {
    private static final Set<String> UNBOUNDED_WAITS = Set.of("readLine", "nextLine", "join", "take", "await");
    private static final Set<String> RAW_ANSWERS = Set.of("readLine", "nextLine", "get", "join", "take", "getParameter");
    private static final Pattern APPROVING = Pattern.compile("(?i)\\b(approve[sd]?|approval granted|accept(ed)?|yes|ok|confirm(ed)?|allow(ed)?|go)\\b");

    private HumanWaits() {
    }

    /** Whether waiting for the human is bounded (a timed get, a durable suspension, or no blocking wait at all). */
    public static boolean hasTimeout(Node body) {
        boolean[] unbounded = {false};
        boolean[] bounded = {false};
        body.walk(Node.class, n -> {
            if (n instanceof MethodCallExpr m) {
                String name = m.getNameAsString();
                if (UNBOUNDED_WAITS.contains(name) && m.getArguments().isEmpty()) unbounded[0] = true;
                if (name.equals("get") && m.getArguments().isEmpty() && m.getScope().isPresent()
                        && looksLikeFuture(m.getScope().get())) {
                    unbounded[0] = true;
                }
                if ((name.equals("get") || name.equals("poll") || name.equals("await")) && m.getArguments().size() == 2) bounded[0] = true;
                if (name.equals("orTimeout") || name.equals("completeOnTimeout")) bounded[0] = true;
            } else if (n instanceof ObjectCreationExpr o && o.getTypeAsString().startsWith("SuspendedResponse")) {
                bounded[0] = true;
            }
        });
        return bounded[0] || !unbounded[0];
    }

    private static boolean looksLikeFuture(Expression scope) {
        Optional<LocalTypes.Declaration> d = LocalTypes.of(scope);
        if (d.isPresent() && d.get().type() != null) {
            String t = Imports.simpleName(d.get().type());
            return t.endsWith("Future") || t.equals("CompletionStage") || t.equals("Future");
        }
        String s = scope.toString().toLowerCase(Locale.ROOT);
        return s.contains("future");
    }

    /** Whether a timeout (a {@code TimeoutException} catch) returns an approving answer. */
    public static boolean timeoutApproves(Node body) {
        boolean[] approves = {false};
        body.walk(CatchClause.class, c -> {
            String caught = c.getParameter().getTypeAsString();
            if (!caught.contains("Timeout")) return;
            c.getBody().walk(ReturnStmt.class, r -> r.getExpression().ifPresent(e -> {
                if (e instanceof BooleanLiteralExpr b && b.getValue()) approves[0] = true;
                Optional<String> s = Literals.string(e);
                if (s.isPresent() && APPROVING.matcher(s.get()).find() && !s.get().toLowerCase(Locale.ROOT).contains("not ")) approves[0] = true;
                if (e.isFieldAccessExpr() && APPROVING.matcher(e.asFieldAccessExpr().getNameAsString()).find()) approves[0] = true;
            }));
        });
        return approves[0];
    }

    /**
     * Whether the human's answer is checked before it is returned. False only when a return hands on
     * the raw answer ({@code reader.readLine()}, {@code future.get()}), directly or through a local
     * that nothing inspects.
     */
    public static boolean inputValidated(Node body) {
        boolean[] raw = {false};
        for (Expression e : HandlerOutcomes.returned(body)) {
            Expression x = strip(e);
            if (x instanceof MethodCallExpr m && RAW_ANSWERS.contains(m.getNameAsString())) raw[0] = true;
            if (x instanceof NameExpr n) {
                Optional<LocalTypes.Declaration> d = LocalTypes.of(n);
                if (d.isPresent() && d.get().initializer() != null && strip(d.get().initializer()) instanceof MethodCallExpr m
                        && RAW_ANSWERS.contains(m.getNameAsString()) && !inspected(n.getNameAsString(), body)) {
                    raw[0] = true;
                }
            }
        }
        return !raw[0];
    }

    private static Expression strip(Expression e) {
        Expression x = e;
        while (true) {
            if (x.isEnclosedExpr()) x = x.asEnclosedExpr().getInner();
            else if (x.isCastExpr()) x = x.asCastExpr().getExpression();
            else if (x instanceof MethodCallExpr m && m.getArguments().isEmpty() && m.getScope().isPresent()
                    && Set.of("trim", "strip", "toUpperCase", "toLowerCase", "toString").contains(m.getNameAsString())) {
                x = m.getScope().get();
            } else return x;
        }
    }

    /** Whether a local is passed to any call or used in a condition (a check of some kind). */
    private static boolean inspected(String name, Node body) {
        boolean[] found = {false};
        body.walk(NameExpr.class, n -> {
            if (!n.getNameAsString().equals(name)) return;
            Node parent = n.getParentNode().orElse(null);
            if (parent instanceof MethodCallExpr m && m.getArguments().contains(n)) found[0] = true;
            if (parent instanceof MethodCallExpr m && m.getScope().map(s -> s == n).orElse(false)
                    && !Set.of("trim", "strip", "toUpperCase", "toLowerCase", "toString").contains(m.getNameAsString())) {
                found[0] = true;
            }
            if (n.findAncestor(com.github.javaparser.ast.stmt.IfStmt.class).isPresent()) found[0] = true;
        });
        return found[0];
    }

    /** Whether a node sits inside {@code catch (Exception|Throwable|RuntimeException e)}. */
    public static boolean insideCatchAll(Node node) {
        Optional<CatchClause> c = node.findAncestor(CatchClause.class);
        while (c.isPresent()) {
            String t = c.get().getParameter().getTypeAsString();
            if (t.equals("Exception") || t.equals("Throwable") || t.equals("RuntimeException")
                    || t.equals("java.lang.Exception") || t.equals("java.lang.Throwable")) {
                return true;
            }
            c = c.get().findAncestor(CatchClause.class);
        }
        return false;
    }
}
