package dev.baton.linter.rules;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.baton.linter.frontend.ParsedSource;
import dev.baton.linter.frontend.javasyntax.CallChain;
import dev.baton.linter.frontend.javasyntax.HumanWaits;
import dev.baton.linter.graph.Location;
import dev.baton.linter.graph.facts.HumanStep;
import dev.baton.linter.rule.FindingSink;
import dev.baton.linter.rule.LintContext;
import dev.baton.linter.rule.Principle;
import dev.baton.linter.rule.Rule;
import dev.baton.linter.rule.RuleInfo;
import dev.baton.linter.rule.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A path to a human that can hang, approve by itself, pass unchecked input on, or be swallowed. */
@RuleInfo(id = "escalation-unsafe", severity = Severity.ERROR, principle = Principle.P3_HUMAN_ESCALATION,
        summary = "A human step can hang, approve by default, forward unchecked input, or be swallowed",
        description = "A human-in-the-loop step that waits with no timeout blocks the chain forever; a timeout that approves "
                + "turns silence into consent; a human's free-text answer forwarded unvalidated is an untyped handoff; and a "
                + "human step inside catch (Exception) swallows the framework's pause signal (Embabel WaitFor throws "
                + "AwaitableResponseException), so the human is never asked.",
        fix = "Wait with a timeout whose expiry rejects or escalates further, validate the human's answer against a type, "
                + "and keep human steps out of catch-all blocks (catch only the exceptions you mean).")
public final class EscalationUnsafeRule implements Rule {

    @Override
    public void check(LintContext context, FindingSink findings) {
        for (HumanStep h : context.graph().facts(HumanStep.class)) {
            Optional<Node> step = declaration(context, h);
            Optional<Node> body = step.flatMap(EscalationUnsafeRule::code);
            boolean noTimeout = !h.hasTimeout();
            boolean raw = !h.inputValidated();
            // a person asked for the next turn of a conversation answers in free text that the next prompt
            // reads, and is there to answer: only a request for a decision must be bounded and checked
            if (body.isPresent() && (noTimeout || raw) && !HumanWaits.asksForDecision(wording(step.get()))) {
                noTimeout = false;
                raw = false;
            }
            List<String> problems = new ArrayList<>();
            Node evidence = null;
            if (h.insideCatchAll()) problems.add("it sits inside a catch-all (catch Exception/Throwable) that also swallows the failures and pause "
                    + "signals of the human step, so the human may never be asked");
            if (noTimeout) {
                problems.add("it waits with no timeout");
                if (body.isPresent()) evidence = HumanWaits.unboundedWait(body.get()).orElse(null);
            }
            if (h.timeoutApproves()) problems.add("its timeout approves by default");
            if (raw) {
                problems.add("the human's answer is passed on without validation");
                if (body.isPresent()) evidence = HumanWaits.rawAnswer(body.get()).orElse(evidence);
            }
            // the most serious evidence wins: a timeout that approves, then the raw answer, then the wait
            if (h.timeoutApproves() && body.isPresent()) {
                evidence = HumanWaits.approvingTimeout(body.get()).map(c -> (Node) c).orElse(evidence);
            }
            if (problems.isEmpty()) continue;
            // the finding points at the code that shows the problem (the raw return, the wait, the timeout)
            Location at = h.location();
            if (evidence != null && evidence.getBegin().isPresent()) {
                at = new Location(h.location().file(), evidence.getBegin().get().line, evidence.getBegin().get().column);
            }
            findings.report(at, "Unsafe human step (" + h.kind() + "): " + String.join("; ", problems)
                            + ". Catch only specific exceptions around it, bound the wait with a timeout that rejects or escalates, "
                            + "and validate the answer against a type.",
                    h.scope() == null ? List.of() : List.of(h.scope()), null, h.kind() + " " + h.scope());
        }
    }

    /**
     * The declaration of a LangChain4j human step, found again from its fact's position: the
     * {@code @HumanInTheLoop} method, or the whole {@code humanInTheLoopBuilder()} chain. Empty for the
     * other kinds (their facts carry everything this rule reads).
     */
    private static Optional<Node> declaration(LintContext context, HumanStep h) {
        Optional<ParsedSource> source = context.source(h.location().file());
        if (source.isEmpty()) return Optional.empty();
        int line = h.location().line(), column = h.location().column();
        if (h.kind().equals("@HumanInTheLoop")) {
            return source.get().unit().findFirst(AnnotationExpr.class, a -> starts(a, line, column))
                    .flatMap(a -> a.getParentNode()).filter(p -> p instanceof MethodDeclaration);
        }
        if (h.kind().equals("humanInTheLoopBuilder")) {
            return source.get().unit().findFirst(MethodCallExpr.class, m -> m.getNameAsString().equals("humanInTheLoopBuilder")
                    && starts(m, line, column)).map(m -> (Node) m);
        }
        return Optional.empty();
    }

    /** The code that waits for the person: the method's body, or the builder's response provider lambda. */
    private static Optional<Node> code(Node declaration) {
        if (declaration instanceof MethodDeclaration m) return m.getBody().map(b -> (Node) b);
        CallChain chain = CallChain.startingAt((MethodCallExpr) declaration);
        return chain.argument("responseProvider").or(() -> chain.argument("responseReader"))
                .filter(e -> e instanceof LambdaExpr).map(e -> (Node) e);
    }

    /** What the person is shown and asked: the whole method, or the whole builder chain (description, output key, provider). */
    private static Node wording(Node declaration) {
        return declaration instanceof MethodCallExpr root ? CallChain.startingAt(root).last() : declaration;
    }

    private static boolean starts(Node n, int line, int column) {
        return n.getBegin().map(p -> p.line == line && p.column == column).orElse(false);
    }
}
