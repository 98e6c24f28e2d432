package dev.baton.linter.rules;

import dev.baton.linter.graph.facts.RetrySite;
import dev.baton.linter.graph.facts.SideEffect;
import dev.baton.linter.rule.FindingSink;
import dev.baton.linter.rule.LintContext;
import dev.baton.linter.rule.Principle;
import dev.baton.linter.rule.Rule;
import dev.baton.linter.rule.RuleInfo;
import dev.baton.linter.rule.Severity;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A retry path that reaches a side effect with no idempotency guard. */
@RuleInfo(id = "retry-not-idempotent", severity = Severity.ERROR, principle = Principle.P2_OWNERSHIP_AND_RETRY,
        summary = "A retry re-runs a side effect that has no idempotency guard",
        description = "A retry or loop (@Retryable, RetryTemplate, an Embabel action's default retry policy, an ADK LoopAgent, "
                + "ErrorRecoveryResult.retry()) re-runs a step that acts on the world (send, book, pay, refund...) with no "
                + "idempotency key, claim check or fire-once policy: a retry after a timeout sends, books or pays twice.",
        fix = "Claim an idempotency key before acting (and skip when it is already claimed), mark the step fire-once "
                + "(Embabel ActionRetryPolicy.FIRE_ONCE), or move the side effect out of the retried scope.")
public final class RetryNotIdempotentRule implements Rule {

    @Override
    public void check(LintContext context, FindingSink findings) {
        List<SideEffect> effects = context.graph().facts(SideEffect.class).stream().filter(s -> !s.idempotencyGuarded()).toList();
        if (effects.isEmpty()) return;
        // one finding per side-effecting step, however many agents use it and however many retries reach it
        Set<String> reported = new HashSet<>();
        for (RetrySite r : context.graph().facts(RetrySite.class)) {
            if (!Reach.takesEffect(context.graph(), r)) continue; // a nested composite's handler never runs
            Set<String> reach = Reach.within(context.graph(), r.scope());
            for (SideEffect s : effects) {
                if (!reach.contains(s.agent()) || !reported.add(s.location() + "|" + s.description())) continue;
                findings.report(s.location(), "'" + s.description() + "' acts on the world and is re-run by the " + r.kind()
                        + " at line " + r.location().line() + " with no idempotency guard; claim an idempotency key before acting "
                        + "or make the step fire-once.", List.of(s.agent(), r.scope()), null, s.description() + " " + r.kind());
            }
        }
    }
}
