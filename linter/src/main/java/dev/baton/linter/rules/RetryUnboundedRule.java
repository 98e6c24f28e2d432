package dev.baton.linter.rules;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import dev.baton.linter.frontend.ParsedSource;
import dev.baton.linter.frontend.javasyntax.Locations;
import dev.baton.linter.graph.Location;
import dev.baton.linter.graph.facts.RetrySite;
import dev.baton.linter.rule.FindingSink;
import dev.baton.linter.rule.LintContext;
import dev.baton.linter.rule.Principle;
import dev.baton.linter.rule.Rule;
import dev.baton.linter.rule.RuleInfo;
import dev.baton.linter.rule.Severity;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A loop or retry around agents with no bound. */
@RuleInfo(id = "retry-unbounded", severity = Severity.ERROR, principle = Principle.P2_OWNERSHIP_AND_RETRY,
        summary = "A loop or retry around agents has no bound",
        description = "A retry or loop that re-runs agents until the model says something (loopBuilder() or LoopAgent "
                + "without maxIterations, while (!accepted) around a model call, a recursive evaluator, an infinite retry "
                + "policy) runs forever, or until the budget is gone, when the model never gives the awaited answer.",
        fix = "Bound it (maxIterations, an attempt counter compared with a maximum) and decide what happens when the bound "
                + "is reached: a typed error or an escalation to a human.")
public final class RetryUnboundedRule implements Rule {
    private static final Set<BinaryExpr.Operator> RELATIONAL = Set.of(BinaryExpr.Operator.LESS, BinaryExpr.Operator.LESS_EQUALS,
            BinaryExpr.Operator.GREATER, BinaryExpr.Operator.GREATER_EQUALS);

    @Override
    public void check(LintContext context, FindingSink findings) {
        Set<String> reported = new HashSet<>();
        for (RetrySite r : context.graph().facts(RetrySite.class)) {
            if (r.boundKnown() || !Reach.takesEffect(context.graph(), r)) continue;
            if (reported.add(key(r.location()))) {
                findings.report(r.location(), "The " + r.kind() + " re-runs its agents with no bound; set a maximum number of "
                        + "iterations or attempts and decide what happens when it is reached.", List.of(r.scope()), null, r.kind() + " " + r.scope());
            }
        }
        AgentCalls calls = AgentCalls.of(context);
        for (ParsedSource source : context.sources()) {
            for (Statement loop : source.unit().findAll(Statement.class, s -> s instanceof WhileStmt || s instanceof DoStmt || s instanceof ForStmt)) {
                Optional<Expression> condition = condition(loop);
                Statement body = body(loop);
                if (!calls.callsAgent(body)) continue;
                if (condition.isPresent() && hasRelational(condition.get())) continue;
                if (condition.isPresent() && condition.get().toString().contains("hasNext")) continue;
                if (boundedExit(body)) continue;
                if (readsPersonEachTurn(body)) continue;
                Location at = Locations.of(source, loop);
                if (reported.add(key(at))) {
                    findings.report(at, "This loop re-runs an agent until its answer is acceptable, with no attempt counter; "
                            + "bound it and fail or escalate when the bound is reached.", loopAnchor(loop));
                }
            }
            for (MethodDeclaration m : source.unit().findAll(MethodDeclaration.class)) {
                if (m.getBody().isEmpty() || !calls.callsAgent(m.getBody().get())) continue;
                Optional<MethodCallExpr> self = m.getBody().get().findFirst(MethodCallExpr.class, c -> c.getNameAsString().equals(m.getNameAsString())
                        && c.getArguments().size() == m.getParameters().size()
                        && c.getScope().map(s -> s instanceof ThisExpr).orElse(true));
                if (self.isEmpty() || depthBounded(m)) continue;
                Location at = Locations.of(source, self.get());
                if (reported.add(key(at))) {
                    findings.report(at, "The method calls itself to try the agent again with no depth or attempt bound; pass "
                            + "an attempt counter, compare it with a maximum and fail or escalate when it is reached.",
                            m.getDeclarationAsString(false, false, false));
                }
            }
        }
    }

    private static Optional<Expression> condition(Statement loop) {
        if (loop instanceof WhileStmt w) return Optional.of(w.getCondition());
        if (loop instanceof DoStmt d) return Optional.of(d.getCondition());
        return ((ForStmt) loop).getCompare();
    }

    private static Statement body(Statement loop) {
        if (loop instanceof WhileStmt w) return w.getBody();
        if (loop instanceof DoStmt d) return d.getBody();
        return ((ForStmt) loop).getBody();
    }

    private static boolean hasRelational(Node n) {
        return n instanceof BinaryExpr b && RELATIONAL.contains(b.getOperator())
                || n.findFirst(BinaryExpr.class, b -> RELATIONAL.contains(b.getOperator())).isPresent();
    }

    /** {@code if (attempts >= MAX) throw/break/return} inside the body. */
    private static boolean boundedExit(Statement body) {
        for (IfStmt i : body.findAll(IfStmt.class)) {
            if (!hasRelational(i.getCondition()) && !countsDown(i.getCondition())) continue;
            Statement then = i.getThenStmt();
            if (!then.findAll(ThrowStmt.class).isEmpty() || !then.findAll(BreakStmt.class).isEmpty()
                    || !then.findAll(ReturnStmt.class).isEmpty() || then instanceof ThrowStmt || then instanceof BreakStmt || then instanceof ReturnStmt) {
                return true;
            }
        }
        return false;
    }

    /** Calls that read the next line or answer a person types (a REPL, a console chat). */
    private static final Set<String> INPUT_READS = Set.of("nextLine", "readLine", "readln", "readPassword", "next", "nextInt",
            "nextLong", "nextDouble", "nextBoolean");

    /**
     * An interactive loop: each iteration reads new input from a person ({@code scanner.nextLine()},
     * {@code reader.readLine()}, {@code System.console().readLine()}, Java 25 {@code IO.readln()}) and
     * hands it to the agent. Every turn is a new question, not another try at the same one, and the
     * person ends it.
     */
    private static boolean readsPersonEachTurn(Statement body) {
        return body.findFirst(MethodCallExpr.class, m -> INPUT_READS.contains(m.getNameAsString())
                && m.findAncestor(com.github.javaparser.ast.expr.LambdaExpr.class).map(l -> !l.isDescendantOf(body)).orElse(true)
                && (m.getNameAsString().equals("readln") || m.getNameAsString().equals("readLine")
                    || m.getNameAsString().equals("readPassword") || m.getScope().isPresent())).isPresent();
    }

    private static boolean countsDown(Expression condition) {
        return condition.findFirst(BinaryExpr.class, b -> b.getOperator() == BinaryExpr.Operator.EQUALS
                && (b.getRight().isIntegerLiteralExpr() || b.getLeft().isIntegerLiteralExpr())).isPresent();
    }

    /** A parameter compared with a number (or with zero) somewhere in the method: a depth or attempt budget. */
    private static boolean depthBounded(MethodDeclaration m) {
        for (Parameter p : m.getParameters()) {
            String name = p.getNameAsString();
            boolean compared = m.getBody().get().findFirst(BinaryExpr.class, b -> (RELATIONAL.contains(b.getOperator())
                    || b.getOperator() == BinaryExpr.Operator.EQUALS) && (b.getLeft().toString().contains(name) || b.getRight().toString().contains(name))
                    && (RELATIONAL.contains(b.getOperator()) || b.getLeft().isIntegerLiteralExpr() || b.getRight().isIntegerLiteralExpr())).isPresent();
            if (compared) return true;
        }
        return false;
    }

    private static String loopAnchor(Statement loop) {
        return condition(loop).map(c -> loop.getClass().getSimpleName() + " " + c).orElse(loop.getClass().getSimpleName());
    }

    private static String key(Location l) {
        return l.file() + ":" + l.line();
    }
}
