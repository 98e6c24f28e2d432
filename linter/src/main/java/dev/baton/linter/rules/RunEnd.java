package dev.baton.linter.rules;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.TryStmt;
import dev.baton.linter.frontend.javasyntax.Imports;

import java.util.Optional;
import java.util.Set;

/**
 * Where a failure stops being an agent-to-agent matter: the catch of a program's entry point that
 * prints the error as the run ends, or the catch of a chat, WebSocket or REST endpoint that answers
 * the person with a text saying it failed. Neither hands anything to another agent.
 */
final class RunEnd {
    /** Methods whose return value goes to a person's chat window, WebSocket or HTTP client. */
    private static final Set<String> ENDPOINTS = Set.of("OnTextMessage", "OnBinaryMessage", "OnMessage", "MessageMapping",
            "SubscribeMapping", "GetMapping", "PostMapping", "PutMapping", "PatchMapping", "DeleteMapping", "RequestMapping",
            "GET", "POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> RUNNERS = Set.of("CommandLineRunner", "ApplicationRunner", "QuarkusApplication");

    private RunEnd() {
    }

    /**
     * Whether the try sits in a program's entry point ({@code main}, a {@code CommandLineRunner}) with
     * nothing after it but printing or exiting: a failure caught there ends the run in front of the
     * person who started it, and nothing carries on with a missing result.
     */
    static boolean endsTheRun(TryStmt t) {
        Node child = t;
        for (Node p = t.getParentNode().orElse(null); p != null; child = p, p = p.getParentNode().orElse(null)) {
            if (p instanceof MethodDeclaration m) return isEntryPoint(m);
            if (p instanceof LambdaExpr l) return isRunnerLambda(l);
            if (p instanceof BlockStmt b && child instanceof Statement s) {
                int i = b.getStatements().indexOf(s);
                for (int j = i + 1; j < b.getStatements().size(); j++) if (!endsOrPrints(b.getStatements().get(j))) return false;
            } else if (!(p instanceof IfStmt) && !(p instanceof TryStmt tt && tt.getTryBlock() == child)) {
                // a loop carries on with the next iteration; a catch or switch is a path of its own
                return false;
            }
        }
        return false;
    }

    private static boolean endsOrPrints(Statement s) {
        if (s instanceof EmptyStmt || s instanceof ReturnStmt r && r.getExpression().isEmpty()) return true;
        if (s instanceof ExpressionStmt e && e.getExpression() instanceof MethodCallExpr m
                && (m.toString().startsWith("System.exit") || m.getNameAsString().equals("exit"))) {
            return true;
        }
        // printing that does no work of its own (no call into the program, an agent included)
        return Recovery.isLogging(s) && s.findAll(MethodCallExpr.class).stream().skip(1)
                .allMatch(c -> PRINT_HELPERS.contains(c.getNameAsString()));
    }

    private static final Set<String> PRINT_HELPERS = Set.of("getMessage", "getLocalizedMessage", "toString", "format",
            "formatted", "valueOf", "repeat");

    private static boolean isEntryPoint(MethodDeclaration m) {
        if (!m.getType().isVoidType()) return false;
        if (m.getNameAsString().equals("main")) {
            return m.getParameters().isEmpty() || m.getParameters().size() == 1 && isArgs(m.getParameter(0));
        }
        return m.getNameAsString().equals("run") && m.getParameters().size() == 1 && (isArgs(m.getParameter(0))
                || Imports.simpleName(m.getParameter(0).getTypeAsString()).equals("ApplicationArguments"));
    }

    private static boolean isArgs(Parameter p) {
        String t = p.getTypeAsString();
        return (t.equals("String") && p.isVarArgs()) || t.equals("String[]") || t.equals("String...");
    }

    /** {@code @Bean CommandLineRunner init(..) { return args -> { .. }; }} */
    private static boolean isRunnerLambda(LambdaExpr l) {
        if (!(l.getParentNode().orElse(null) instanceof ReturnStmt)) return false;
        Optional<MethodDeclaration> m = l.findAncestor(MethodDeclaration.class);
        return m.isPresent() && RUNNERS.contains(Imports.simpleName(m.get().getTypeAsString()))
                && l.findAncestor(LambdaExpr.class).isEmpty();
    }

    /** Whether the catch returns its text straight from a chat, WebSocket or REST endpoint, to the person on the other end. */
    static boolean shownToPerson(CatchClause c) {
        Optional<CallableDeclaration> callable = c.findAncestor(CallableDeclaration.class);
        if (callable.isEmpty() || !(callable.get() instanceof MethodDeclaration m)) return false;
        // a lambda in between returns to something else than the endpoint's caller
        if (c.findAncestor(LambdaExpr.class).map(l -> l.isDescendantOf(m)).orElse(false)) return false;
        for (AnnotationExpr a : m.getAnnotations()) if (ENDPOINTS.contains(Imports.simpleName(a.getNameAsString()))) return true;
        return false;
    }
}
