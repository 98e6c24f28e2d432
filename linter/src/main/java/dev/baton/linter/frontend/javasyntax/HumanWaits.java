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
    private static final Set<String> RAW_ANSWERS = Set.of("readLine", "nextLine", "readln", "get", "join", "take", "getParameter");
    private static final Pattern APPROVING = Pattern.compile("(?i)\\b(approve[sd]?|approval granted|accept(ed)?|yes|ok|confirm(ed)?|allow(ed)?|go)\\b");
    private static final Pattern REJECTING = Pattern.compile("(?i)(\\breject|\\bden(y|ied)|\\bdeclin|\\babort|\\bcancel|\\brefus"
            + "|\\bdisapprov|\\bnot\\s+approved|\\bno\\b|\\bstop\\b|\\bhold\\b|\\bescalat)");
    /** What a prompt shown to the person says when it asks for a decision rather than for conversation. */
    private static final Pattern DECISION_REQUEST = Pattern.compile("(?i)(\\bconfirm|\\bapprov|\\breject|\\bproceed\\b|\\bdecision"
            + "|\\bdecide|\\bauthori[sz]|yes\\s*/\\s*no|\\by/n\\b|\\boptions?\\s*:|\\bchoose\\b|\\bpermission|\\bwhether\\b|\\bvalidat)");

    private HumanWaits() {
    }

    /** Whether waiting for the human is bounded (a timed get, a durable suspension, or no blocking wait at all). */
    public static boolean hasTimeout(Node body) {
        boolean[] unbounded = {false};
        boolean[] bounded = {false};
        body.walk(Node.class, n -> {
            if (n instanceof MethodCallExpr m) {
                String name = m.getNameAsString();
                if (UNBOUNDED_WAITS.contains(name) && m.getArguments().isEmpty() || isConsoleRead(m)) unbounded[0] = true;
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

    /** Java 25 {@code IO.readln(prompt)}, {@code System.console().readLine(fmt, ..)}: a person typing, however long it takes. */
    private static boolean isConsoleRead(MethodCallExpr m) {
        if (m.getNameAsString().equals("readln")) return true;
        return m.getNameAsString().equals("readLine") && m.getScope().map(s -> s.toString().endsWith("console()")).orElse(false);
    }

    /** The first wait for the person that nothing bounds, when the wait as a whole is unbounded. */
    public static Optional<Node> unboundedWait(Node body) {
        if (hasTimeout(body)) return Optional.empty();
        return body.findFirst(MethodCallExpr.class, m -> UNBOUNDED_WAITS.contains(m.getNameAsString()) && m.getArguments().isEmpty()
                || isConsoleRead(m)
                || m.getNameAsString().equals("get") && m.getArguments().isEmpty() && m.getScope().map(HumanWaits::looksLikeFuture).orElse(false))
                .map(m -> (Node) m);
    }

    /**
     * Whether what the code shows the person asks for a decision (confirm, approve or reject, yes/no,
     * a list of options) rather than for the next turn of a conversation. A conversational answer is
     * meant to be free text read by the next prompt; a decision is not. {@code step} is the whole
     * declaration: its description, output key and the text it shows ({@code finalDecision} reads as
     * "final decision").
     */
    public static boolean asksForDecision(Node step) {
        Node body = step;
        boolean[] asks = {false};
        body.walk(Node.class, n -> {
            if (asks[0] || !(n instanceof Expression e)) return;
            if (e.isStringLiteralExpr() || e.isTextBlockLiteralExpr()) {
                String text = e.isStringLiteralExpr() ? e.asStringLiteralExpr().getValue() : e.asTextBlockLiteralExpr().getValue();
                if (DECISION_REQUEST.matcher(text.replaceAll("([a-z])([A-Z])", "$1 $2")).find()) asks[0] = true;
            }
        });
        return asks[0];
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
        return approvingTimeout(body).isPresent();
    }

    /**
     * The {@code TimeoutException} catch whose answer approves, read from the value it returns: {@code true},
     * an approving constant ({@code Decision.APPROVED}), a factory such as {@code approve()}, or a text
     * whose decision approves. Labels in the text do not count ("Approved By: System (Timeout)" names who
     * decided; the decision of that text is whatever else it says), and a text that also rejects does not approve.
     */
    public static Optional<CatchClause> approvingTimeout(Node body) {
        for (CatchClause c : body.findAll(CatchClause.class)) {
            if (!c.getParameter().getTypeAsString().contains("Timeout")) continue;
            for (ReturnStmt r : c.getBody().findAll(ReturnStmt.class)) {
                if (r.getExpression().isPresent() && approves(r.getExpression().get())) return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private static boolean approves(Expression e) {
        Expression x = strip(e);
        if (x instanceof BooleanLiteralExpr b) return b.getValue();
        if (x.isFieldAccessExpr()) return approvingWord(x.asFieldAccessExpr().getNameAsString());
        if (x instanceof NameExpr n && n.getNameAsString().equals(n.getNameAsString().toUpperCase(Locale.ROOT))) {
            return approvingWord(n.getNameAsString());
        }
        Optional<String> text = Literals.string(x);
        if (text.isPresent()) return textApproves(text.get());
        if (x instanceof MethodCallExpr m) {
            if (Set.of("format", "formatted").contains(m.getNameAsString())) {
                Optional<String> template = m.getNameAsString().equals("format") && !m.getArguments().isEmpty()
                        ? Literals.string(m.getArgument(0)) : m.getScope().flatMap(Literals::string);
                return template.map(HumanWaits::textApproves).orElse(false);
            }
            if (approvingWord(m.getNameAsString())) return true;
            return m.getArguments().size() == 1 && m.getNameAsString().equals("of") && approves(m.getArgument(0));
        }
        if (x instanceof ObjectCreationExpr o) {
            boolean yes = false;
            for (Expression a : o.getArguments()) {
                Expression ax = strip(a);
                if (ax instanceof BooleanLiteralExpr b && !b.getValue()) return false;
                if (ax.isFieldAccessExpr() && REJECTING.matcher(ax.asFieldAccessExpr().getNameAsString()).find()) return false;
                if (Literals.string(ax).map(t -> REJECTING.matcher(withoutLabels(t)).find()).orElse(false)) return false;
                if (approves(ax)) yes = true;
            }
            return yes;
        }
        return false;
    }

    private static boolean approvingWord(String name) {
        String words = name.replace('_', ' ');
        return APPROVING.matcher(words).find() && !REJECTING.matcher(words).find();
    }

    private static boolean textApproves(String text) {
        String decision = withoutLabels(text);
        return APPROVING.matcher(decision).find() && !REJECTING.matcher(decision).find()
                && !decision.toLowerCase(Locale.ROOT).contains("not ");
    }

    /** A text with the labels of its "Label: value" lines removed: only the values decide. */
    private static String withoutLabels(String text) {
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\\R")) {
            int colon = line.indexOf(':');
            sb.append(colon >= 0 ? line.substring(colon + 1) : line).append('\n');
        }
        return sb.toString();
    }

    /** The return that hands on the person's raw answer, or empty when every answer is checked first. */
    public static Optional<Node> rawAnswer(Node body) {
        for (Expression e : HandlerOutcomes.returned(body)) {
            if (isRaw(e, body)) return Optional.of(e.findAncestor(ReturnStmt.class).map(r -> (Node) r).orElse(e));
        }
        return Optional.empty();
    }

    private static boolean isRaw(Expression e, Node body) {
        Expression x = strip(e);
        if (x instanceof MethodCallExpr m && RAW_ANSWERS.contains(m.getNameAsString())) return true;
        if (x instanceof NameExpr n) {
            Optional<LocalTypes.Declaration> d = LocalTypes.of(n);
            return d.isPresent() && d.get().initializer() != null && strip(d.get().initializer()) instanceof MethodCallExpr m
                    && RAW_ANSWERS.contains(m.getNameAsString()) && !inspected(n.getNameAsString(), body);
        }
        return false;
    }

    /**
     * Whether the human's answer is checked before it is returned. False only when a return hands on
     * the raw answer ({@code reader.readLine()}, {@code future.get()}), directly or through a local
     * that nothing inspects.
     */
    public static boolean inputValidated(Node body) {
        return rawAnswer(body).isEmpty();
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
