package dev.baton.linter.rules;

import dev.baton.linter.frontend.javasyntax.OutputDecision;
import dev.baton.linter.graph.PayloadKind;
import dev.baton.linter.rule.FindingSink;
import dev.baton.linter.rule.LintContext;
import dev.baton.linter.rule.Principle;
import dev.baton.linter.rule.Rule;
import dev.baton.linter.rule.RuleInfo;
import dev.baton.linter.rule.Severity;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads {@link OutputDecision} facts. Reports only when the value decided on is free text or an
 * undeclared structure; a decision on a typed output (an enum, a boolean, a record) is what the
 * rule asks for, and a value of unknown type is left alone.
 */
@RuleInfo(id = "prose-sniffing", severity = Severity.ERROR, principle = Principle.P1_EXPLICIT_SCHEMAS,
        summary = "Code decides on an agent's free-text output",
        description = "Control flow is driven by searching an agent's prose: contains(\"fraud\"), "
                + "equalsIgnoreCase(\"approved\"), startsWith, a regex, parseInt/parseDouble of the text. The model "
                + "needs only to answer \"Approved, with reservations\" or \"Score: 7/10\" for the branch to go the "
                + "wrong way or the parse to fail, and nothing rejects the output at the boundary.",
        fix = "Make the agent return a typed value (an enum, a boolean, a record with a score field) and branch on that; "
                + "validate it where it is received.")
public final class ProseSniffingRule implements Rule {
    @Override
    public void check(LintContext context, FindingSink findings) {
        Set<String> seen = new HashSet<>();
        for (OutputDecision d : context.graph().facts(OutputDecision.class)) {
            PayloadKind kind = PayloadKind.of(d.producerType());
            if (kind != PayloadKind.PROSE && kind != PayloadKind.UNTYPED) continue;
            if (!seen.add(d.location().toString())) continue;
            String who = d.producer().startsWith("key:") ? "scope key '" + d.producer().substring(4) + "'"
                    : "'" + Edges.name(context.graph(), d.producer()) + "'";
            String what = kind == PayloadKind.PROSE ? "free text" : "an undeclared " + d.producerType();
            String fix = d.operation().contains("parse") || d.operation().contains("valueOf") || d.operation().startsWith("new ")
                    ? "have the agent return a typed number (a record field or a double) instead of parsing its text"
                    : "have the agent return an enum or boolean (or a record) and branch on that";
            findings.report(Severity.ERROR, d.location(), "decision on " + what + " from " + who + " with " + d.operation()
                            + ": " + fix + ".",
                    d.producer().startsWith("key:") ? List.of() : List.of(d.producer()), null, d.operation() + ":" + d.code());
        }
    }
}
