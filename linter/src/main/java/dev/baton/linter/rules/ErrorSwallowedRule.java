package dev.baton.linter.rules;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import dev.baton.linter.frontend.ParsedSource;
import dev.baton.linter.frontend.javasyntax.Locations;
import dev.baton.linter.graph.facts.SwallowedFailure;
import dev.baton.linter.rule.FindingSink;
import dev.baton.linter.rule.LintContext;
import dev.baton.linter.rule.Principle;
import dev.baton.linter.rule.Rule;
import dev.baton.linter.rule.RuleInfo;
import dev.baton.linter.rule.Severity;

import java.util.List;

/** A catch around an agent call or a parse of its output that hides the failure. */
@RuleInfo(id = "error-swallowed", severity = Severity.ERROR, principle = Principle.P2_OWNERSHIP_AND_RETRY,
        summary = "A failed agent call or parse is caught and hidden",
        description = "A catch around an agent call, or around parsing an agent's output, that only logs and carries on, "
                + "returns null, empty or a default, or turns the exception into text that the next agent reads. The chain "
                + "keeps running on nothing, nobody owns the failure, and the next model treats an error message as content.",
        fix = "Rethrow a typed, owned error (for example Baton's RejectedHandoffException), retry within a bound, or escalate "
                + "to a human; never pass the exception text on as a result.")
public final class ErrorSwallowedRule implements Rule {

    @Override
    public void check(LintContext context, FindingSink findings) {
        // failures a framework API hides with no catch in sight (a null result handed on), found by the frontends
        for (SwallowedFailure s : context.graph().facts(SwallowedFailure.class)) {
            findings.report(s.location(), s.message(), List.of(s.agent()), null, s.anchor());
        }
        AgentCalls calls = AgentCalls.of(context);
        for (ParsedSource source : context.sources()) {
            for (TryStmt t : source.unit().findAll(TryStmt.class)) {
                boolean aroundCall = calls.covers(t.getTryBlock());
                // a catch in the body of an agent (a human step, a code agent): what it returns is that agent's output
                boolean inAgent = !aroundCall && calls.insideAgentBody(t);
                if (!aroundCall && !inAgent) continue;
                if (aroundCall && RunEnd.endsTheRun(t)) continue;
                // one finding per try: several catch-alls after one call are one hidden failure
                for (CatchClause c : t.getCatchClauses()) {
                    if (c.getParameter().getTypeAsString().equals("InterruptedException")) continue;
                    Recovery.Verdict v = Recovery.of(c);
                    if (inAgent && v.kind() != Recovery.Kind.RETURNS_EXCEPTION_PROSE && v.kind() != Recovery.Kind.RETURNS_FAILURE_PROSE
                            && v.kind() != Recovery.Kind.RETURNS_DEFAULT) {
                        continue;
                    }
                    if ((v.kind() == Recovery.Kind.RETURNS_FAILURE_PROSE || v.kind() == Recovery.Kind.RETURNS_EXCEPTION_PROSE)
                            && RunEnd.shownToPerson(c)) {
                        continue;
                    }
                    String message = switch (v.kind()) {
                        case CONTINUES -> retriedOrHandledLater(t) ? null
                                : "The failure of the agent call is logged and the run carries on without its result; "
                                + "rethrow a typed, owned error, retry within a bound or escalate.";
                        case RETURNS_DEFAULT -> "The failure of the agent call becomes a null, empty or default result that "
                                + "downstream code cannot tell from a real one; rethrow a typed, owned error or escalate.";
                        case RETURNS_EXCEPTION_PROSE -> "The exception is turned into text and returned as if it were the "
                                + "agent's answer, so the next model reads an error message as content; throw a typed error instead.";
                        case RETURNS_FAILURE_PROSE -> "The failure is replaced by a text saying it failed, returned as the "
                                + "result: code cannot tell it from an answer; throw a typed, owned error instead.";
                        default -> null;
                    };
                    if (message == null) continue;
                    if (inAgent) message = message.replace("of the agent call", "inside this agent")
                            .replace("The exception is turned into text and returned as if it were the agent's answer",
                                    "The exception is turned into text and returned as this agent's answer");
                    findings.report(Locations.of(source, c), message, List.of(), null,
                            "catch (" + c.getParameter().getTypeAsString() + ") " + v.kind());
                    break;
                }
            }
        }
    }

    /**
     * A catch that only logs is fine inside a retry loop (the loop tries again and is bounded or
     * reported by retry-unbounded), or when the code right after the try throws.
     */
    private static boolean retriedOrHandledLater(TryStmt t) {
        Node child = t;
        Node p = t.getParentNode().orElse(null);
        while (p != null && !(p instanceof MethodDeclaration) && !(p instanceof LambdaExpr)) {
            if (p instanceof WhileStmt || p instanceof DoStmt || p instanceof ForStmt || p instanceof ForEachStmt) return true;
            if (p instanceof BlockStmt b && child instanceof Statement s) {
                int i = b.getStatements().indexOf(s);
                for (int j = i + 1; j >= 1 && j < b.getStatements().size(); j++) {
                    if (!b.getStatements().get(j).findAll(ThrowStmt.class).isEmpty()) return true;
                }
            }
            child = p;
            p = p.getParentNode().orElse(null);
        }
        return false;
    }
}
