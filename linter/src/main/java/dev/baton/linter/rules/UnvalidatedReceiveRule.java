package dev.baton.linter.rules;

import dev.baton.linter.graph.facts.ReceiveSite;
import dev.baton.linter.rule.FindingSink;
import dev.baton.linter.rule.LintContext;
import dev.baton.linter.rule.Principle;
import dev.baton.linter.rule.Rule;
import dev.baton.linter.rule.RuleInfo;
import dev.baton.linter.rule.Severity;

import java.util.ArrayList;
import java.util.List;

/** Every {@link ReceiveSite} a frontend marked as not validated. */
@RuleInfo(id = "unvalidated-receive", severity = Severity.ERROR, principle = Principle.P1_EXPLICIT_SCHEMAS,
        summary = "Agent output is bound to a type with no receiving-side validation",
        description = "Agent output is turned into a Java value (readValue, fromJson, entity, createObject, framework "
                + "coercion) with nothing on the receiving side that checks it against the contract first. Lenient "
                + "binding fills missing fields with defaults and ignores the rest, so malformed output propagates as "
                + "plausible data instead of being rejected at the boundary.",
        fix = "Receive through a Baton Boundary (Boundary.of(contract, owner).receive(raw)) or validate against the "
                + "JSON Schema before binding, and handle the typed rejection.")
public final class UnvalidatedReceiveRule implements Rule {
    @Override
    public void check(LintContext context, FindingSink findings) {
        for (ReceiveSite r : context.graph().facts(ReceiveSite.class)) {
            if (r.validated()) continue;
            List<String> agents = new ArrayList<>();
            if (r.producer() != null) agents.add(r.producer());
            if (r.agent() != null) agents.add(r.agent());
            String who = r.agent() == null ? "" : " in '" + Edges.name(context.graph(), r.agent()) + "'";
            String into = r.targetType() == null ? "" : " into " + r.targetType();
            findings.report(r.location(), "agent output is bound" + into + " by " + r.mechanism() + who
                            + " without validation: receive it through a Boundary (parse, validate against the contract, "
                            + "then bind) so malformed output is rejected with a typed, owned error.",
                    agents, null, r.mechanism() + "|" + r.targetType() + "|" + r.agent());
        }
    }
}
