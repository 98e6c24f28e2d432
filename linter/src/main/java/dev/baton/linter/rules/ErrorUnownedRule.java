package dev.baton.linter.rules;

import dev.baton.linter.graph.Chain;
import dev.baton.linter.graph.Edge;
import dev.baton.linter.graph.HandoffGraph;
import dev.baton.linter.graph.PayloadKind;
import dev.baton.linter.graph.facts.ErrorHandlerSite;
import dev.baton.linter.graph.facts.ReceiveSite;
import dev.baton.linter.rule.FindingSink;
import dev.baton.linter.rule.LintContext;
import dev.baton.linter.rule.Principle;
import dev.baton.linter.rule.Rule;
import dev.baton.linter.rule.RuleInfo;
import dev.baton.linter.rule.Severity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An edge is owned when it names an owner, or an {@link ErrorHandlerSite} covers the edge, either of
 * its agents, or a chain that contains both. Declared (Baton) edges are reported one by one, since
 * each declaration is where {@code ownedBy} goes; framework edges inside a chain are reported once
 * per chain, at the chain, since one error handler there covers them all. A framework edge outside
 * any composite is reported only when its consumer can reject what arrives (it parses, binds or
 * branches on it): prose handed into the next prompt in plain Java has no failure at the seam to own,
 * and an exception from the call itself simply propagates to the caller.
 */
@RuleInfo(id = "error-unowned", severity = Severity.ERROR, principle = Principle.P2_OWNERSHIP_AND_RETRY,
        summary = "A handoff's failures have no owner",
        description = "No error handler, recovery policy or declared owner covers the failures of this handoff or "
                + "composite agent. When the consumer rejects the producer's output, nobody is responsible: the producer "
                + "thinks it delivered, the consumer thinks nothing valid arrived, and retries, if any, happen by accident.",
        fix = "Name one owner for the edge's failures and its recovery path (Baton: .ownedBy(\"agent\").recovery(..); "
                + "frameworks: an error handler on the composite agent).")
public final class ErrorUnownedRule implements Rule {
    @Override
    public void check(LintContext context, FindingSink findings) {
        HandoffGraph g = context.graph();
        List<ReceiveSite> receives = g.facts(ReceiveSite.class);
        Set<String> covered = new LinkedHashSet<>();
        for (ErrorHandlerSite h : g.facts(ErrorHandlerSite.class)) if (h.scope() != null) covered.add(h.scope());
        Map<Chain, List<Edge>> byChain = new LinkedHashMap<>();
        for (Edge e : g.edges()) {
            if (e.owner() != null) continue;
            if (covered.contains(e.id()) || covered.contains(e.producer()) || covered.contains(e.consumer())) continue;
            Chain chain = g.chains().stream()
                    .filter(c -> c.agents().contains(e.producer()) && c.agents().contains(e.consumer()))
                    .findFirst().orElse(null);
            if (chain != null && covered.contains(chain.id())) continue;
            if (chain == null && e.channel() != Edge.Channel.DECLARED
                    && e.payload() != PayloadKind.TYPED && !Edges.consumerActsOn(e, receives)) continue;
            if (e.channel() == Edge.Channel.DECLARED || chain == null) {
                findings.report(e.location(), "handoff " + Edges.describe(g, e) + " has no owner for its failures: "
                                + (e.channel() == Edge.Channel.DECLARED
                                ? "add .ownedBy(\"" + Edges.name(g, e.producer()) + "\") and a .recovery(..) path."
                                : "add an error handler that owns this handoff's failures and decides the recovery path."),
                        Edges.agents(e), e.id(), Edges.anchor(e));
            } else {
                byChain.computeIfAbsent(chain, c -> new ArrayList<>()).add(e);
            }
        }
        byChain.forEach((chain, edges) -> {
            List<String> names = edges.stream().map(e -> Edges.describe(g, e)).distinct().toList();
            List<String> agents = new ArrayList<>(chain.agents());
            findings.report(chain.location(), "'" + chain.name() + "' has no error handler, and its handoffs " + names
                            + " name no owner: add an error handler to the composite that owns their failures and "
                            + "decides retry, fallback or escalation.",
                    agents, null, chain.id());
        });
    }
}
