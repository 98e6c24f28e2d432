package dev.baton.linter.rules;

import dev.baton.linter.graph.facts.HumanStep;
import dev.baton.linter.rule.FindingSink;
import dev.baton.linter.rule.LintContext;
import dev.baton.linter.rule.Principle;
import dev.baton.linter.rule.Rule;
import dev.baton.linter.rule.RuleInfo;
import dev.baton.linter.rule.Severity;

import java.util.ArrayList;
import java.util.List;

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
            List<String> problems = new ArrayList<>();
            if (h.insideCatchAll()) problems.add("it sits inside a catch-all (catch Exception/Throwable) that also swallows the failures and pause "
                    + "signals of the human step, so the human may never be asked");
            if (!h.hasTimeout()) problems.add("it waits with no timeout");
            if (h.timeoutApproves()) problems.add("its timeout approves by default");
            if (!h.inputValidated()) problems.add("the human's answer is passed on without validation");
            if (problems.isEmpty()) continue;
            findings.report(h.location(), "Unsafe human step (" + h.kind() + "): " + String.join("; ", problems)
                            + ". Catch only specific exceptions around it, bound the wait with a timeout that rejects or escalates, "
                            + "and validate the answer against a type.",
                    h.scope() == null ? List.of() : List.of(h.scope()), null, h.kind() + " " + h.scope());
        }
    }
}
