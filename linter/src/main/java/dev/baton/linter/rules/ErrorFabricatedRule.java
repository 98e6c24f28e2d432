package dev.baton.linter.rules;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.TryStmt;
import dev.baton.linter.frontend.ParsedSource;
import dev.baton.linter.frontend.javasyntax.Locations;
import dev.baton.linter.graph.Location;
import dev.baton.linter.graph.facts.ErrorHandlerSite;
import dev.baton.linter.rule.FindingSink;
import dev.baton.linter.rule.LintContext;
import dev.baton.linter.rule.Principle;
import dev.baton.linter.rule.Rule;
import dev.baton.linter.rule.RuleInfo;
import dev.baton.linter.rule.Severity;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A recovery that invents a result. */
@RuleInfo(id = "error-fabricated", severity = Severity.ERROR, principle = Principle.P2_OWNERSHIP_AND_RETRY,
        summary = "A recovery invents a result without marking it",
        description = "An error handler, catch block or recovery method answers a failure with a literal result (a canned "
                + "answer, a made-up record, ErrorRecoveryResult.result(\"...\"), a substitute tool result) that does not say "
                + "it is a fallback. The next agent and the user take it for a real answer: the failure is invisible and "
                + "the output is fiction.",
        fix = "Fail with a typed, owned error or escalate; if a fallback is intended, return a value whose type says so "
                + "(a Fallback/Degraded variant or an explicit flag) so that consumers can tell.")
public final class ErrorFabricatedRule implements Rule {

    @Override
    public void check(LintContext context, FindingSink findings) {
        Set<String> reported = new HashSet<>();
        List<ErrorHandlerSite> handlers = context.graph().facts(ErrorHandlerSite.class);
        for (ErrorHandlerSite h : handlers) {
            // catch blocks are read by this rule itself, with the finer distinction between a default, an
            // exception message and a canned answer; frontends' handler facts cover the other handler kinds
            if (h.outcome() != ErrorHandlerSite.Outcome.FABRICATE || h.kind().equals("catch")) continue;
            if (reported.add(key(h.location()))) {
                findings.report(h.location(), "The " + h.kind() + " answers the failure with an invented result that does not "
                        + "say it is one; fail with a typed error or escalate, or mark the fallback in its type.",
                        List.of(h.scope()), null, h.kind() + " " + h.scope());
            }
        }
        AgentCalls calls = AgentCalls.of(context);
        for (ParsedSource source : context.sources()) {
            for (TryStmt t : source.unit().findAll(TryStmt.class)) {
                if (!calls.covers(t.getTryBlock())) continue;
                for (CatchClause c : t.getCatchClauses()) {
                    Recovery.Verdict v = Recovery.of(c);
                    if (v.kind() != Recovery.Kind.FABRICATES) continue;
                    report(findings, reported, Locations.of(source, v.evidence()),
                            "The catch answers the failed agent call with a canned result that looks like a real answer; "
                                    + "rethrow a typed, owned error or escalate, or mark the fallback in its type.", v.evidence().toString());
                }
            }
            for (MethodDeclaration m : source.unit().findAll(MethodDeclaration.class)) {
                if (m.getAnnotations().stream().noneMatch(a -> a.getNameAsString().endsWith("Recover")) || m.getBody().isEmpty()) continue;
                for (ReturnStmt r : m.getBody().get().findAll(ReturnStmt.class)) {
                    if (r.getExpression().isPresent() && Recovery.value(r.getExpression().get(), null) == Recovery.Kind.FABRICATES) {
                        report(findings, reported, Locations.of(source, r),
                                "The @Recover method answers exhausted retries with a canned result; fail with a typed error "
                                        + "or escalate, or mark the fallback in its type.", r.toString());
                    }
                }
            }
            for (MethodCallExpr call : source.unit().findAll(MethodCallExpr.class)) {
                if (!call.getNameAsString().equals("result") || call.getArguments().size() != 1
                        || !call.getScope().map(s -> s.toString().endsWith("ErrorRecoveryResult")).orElse(false)) {
                    continue;
                }
                Expression value = call.getArgument(0);
                if (Recovery.value(value, null) == Recovery.Kind.FABRICATES && !reportedByFrontend(source, call, handlers)) {
                    report(findings, reported, Locations.of(source, call),
                            "ErrorRecoveryResult.result(..) answers the failure with an invented value that the next agent "
                                    + "takes for real output; throw, retry within a bound or escalate instead.", call.toString());
                }
            }
        }
    }

    /** A frontend already reported the handler this result belongs to (its fact lies within the same statement). */
    private static boolean reportedByFrontend(ParsedSource source, MethodCallExpr call, List<ErrorHandlerSite> handlers) {
        Node statement = call;
        for (Node n = call; n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof Statement && !(n instanceof BlockStmt) && !(n instanceof ReturnStmt)) statement = n;
            if (n instanceof MethodDeclaration) break;
        }
        int from = statement.getBegin().map(p -> p.line).orElse(0);
        int to = statement.getEnd().map(p -> p.line).orElse(0);
        return handlers.stream().anyMatch(h -> h.outcome() == ErrorHandlerSite.Outcome.FABRICATE
                && h.location().file().equals(source.path()) && h.location().line() >= from && h.location().line() <= to);
    }

    private static void report(FindingSink findings, Set<String> reported, Location at, String message, String anchor) {
        if (reported.add(key(at))) findings.report(at, message, anchor);
    }

    private static String key(Location l) {
        return l.file() + ":" + l.line();
    }
}
