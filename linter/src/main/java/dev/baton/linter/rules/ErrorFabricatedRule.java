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
import com.github.javaparser.ast.expr.LambdaExpr;
import dev.baton.linter.frontend.ParsedSource;
import dev.baton.linter.frontend.javasyntax.HandlerOutcomes;
import dev.baton.linter.frontend.javasyntax.Literals;
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
        // handlers whose invented result is reported at the result(..) call itself: file:line of the handler
        Set<String> atCall = new HashSet<>();
        for (ParsedSource source : context.sources()) {
            for (MethodCallExpr call : source.unit().findAll(MethodCallExpr.class)) {
                if (isFabricatingResult(call)) handlerOf(call).ifPresent(h -> atCall.add(source.path() + ":" + line(h)));
            }
        }
        for (ErrorHandlerSite h : handlers) {
            // catch blocks are read by this rule itself, with the finer distinction between a default, an
            // exception message and a canned answer; frontends' handler facts cover the other handler kinds
            if (h.outcome() != ErrorHandlerSite.Outcome.FABRICATE || h.kind().equals("catch")) continue;
            // one finding per handler: the result(..) call is the evidence, when there is one
            if (atCall.contains(h.location().file() + ":" + h.location().line())) continue;
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
                if (isFabricatingResult(call)) {
                    report(findings, reported, Locations.of(source, call),
                            "ErrorRecoveryResult.result(..) answers the failure with an invented value that the next agent "
                                    + "takes for real output; throw, retry within a bound or escalate instead.", call.toString());
                }
                if (swapsInputAndRetries(call)) {
                    findings.report(Severity.WARNING, Locations.of(source, call), "The error handler overwrites the agent's input "
                                    + "'" + Literals.string(call.getArgument(0)).orElse(call.getArgument(0).toString().replaceFirst("\\.class$", "")) + "' with an invented "
                                    + "value and retries: the run succeeds about something else than was asked, and nothing marks it. "
                                    + "Fail with a typed error or escalate; if a substitute is intended, record it in the result.",
                            List.of(), null, "writeState " + call.getArgument(0));
                }
            }
        }
    }

    private static boolean isFabricatingResult(MethodCallExpr call) {
        return call.getNameAsString().equals("result") && call.getArguments().size() == 1
                && call.getScope().map(s -> s.toString().endsWith("ErrorRecoveryResult")).orElse(false)
                && Recovery.value(call.getArgument(0), null) == Recovery.Kind.FABRICATES;
    }

    /**
     * The LangChain4j agentic error handler a node lies in: a method annotated {@code @ErrorHandler}, or
     * the lambda passed to {@code .errorHandler(..)}.
     */
    private static java.util.Optional<Node> handlerOf(Node n) {
        for (Node p = n.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
            if (p instanceof LambdaExpr l && l.getParentNode().orElse(null) instanceof MethodCallExpr m
                    && m.getNameAsString().equals("errorHandler")) {
                return java.util.Optional.of(l);
            }
            if (p instanceof MethodDeclaration m) {
                return m.getAnnotations().stream().anyMatch(a -> a.getNameAsString().endsWith("ErrorHandler"))
                        ? java.util.Optional.of(m) : java.util.Optional.empty();
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * {@code scope.writeState("name", "Dave")} in an error handler that then retries: the failed agent
     * is run again on an input the handler made up, so the final answer is about another input.
     */
    private static boolean swapsInputAndRetries(MethodCallExpr call) {
        if (!call.getNameAsString().equals("writeState") || call.getArguments().size() != 2) return false;
        if (!HandlerOutcomes.madeOfLiterals(call.getArgument(1)) || call.getArgument(1).isBooleanLiteralExpr()) return false;
        java.util.Optional<Node> handler = handlerOf(call);
        if (handler.isEmpty()) return false;
        // the retry that follows in the same branch
        Node branch = call.findAncestor(com.github.javaparser.ast.stmt.BlockStmt.class).map(b -> (Node) b).orElse(handler.get());
        return !HandlerOutcomes.retries(branch).isEmpty();
    }

    private static int line(Node n) {
        return n.getBegin().map(p -> p.line).orElse(0);
    }

    private static void report(FindingSink findings, Set<String> reported, Location at, String message, String anchor) {
        if (reported.add(key(at))) findings.report(at, message, anchor);
    }

    private static String key(Location l) {
        return l.file() + ":" + l.line();
    }
}
