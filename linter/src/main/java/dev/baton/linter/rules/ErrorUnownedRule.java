package dev.baton.linter.rules;

import dev.baton.linter.graph.Chain;
import dev.baton.linter.graph.Edge;
import dev.baton.linter.graph.HandoffGraph;
import dev.baton.linter.graph.PayloadKind;
import dev.baton.linter.graph.facts.ErrorHandlerSite;
import dev.baton.linter.graph.facts.ReceiveSite;
import dev.baton.linter.graph.facts.SideEffect;
import dev.baton.linter.graph.Framework;
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
import java.util.Optional;
import java.util.Set;

/**
 * An edge is owned when it names an owner, or an {@link ErrorHandlerSite} covers the edge, either of
 * its agents, or a chain that runs both. Declared (Baton) edges are reported one by one, since each
 * declaration is where {@code ownedBy} goes.
 *
 * <p>Framework composites are judged once per run, at the root composite (one no other composite runs):
 * in LangChain4j agentic only the root's error handler is installed on the shared scope (a nested
 * composite's {@code errorHandler} is never called), and the exception of a run without one propagates to
 * the caller of {@code invoke()}. That caller owns the failure of a chain that only produces text; it
 * does not own a run that has already acted on the world (a tool or agent with a {@link SideEffect}
 * anywhere in the tree): a failure after the mail was sent leaves the run half done with nobody to
 * compensate. So a root is reported only when its tree has side effects and no handler that takes effect covers it
 * (in LangChain4j agentic a nested composite's handler does not).
 *
 * <p>A framework edge outside any composite is reported only when its consumer can reject what arrives
 * (it parses, binds or branches on it): prose handed into the next prompt in plain Java has no failure
 * at the seam to own, and an exception from the call itself simply propagates to the caller.
 */
@RuleInfo(id = "error-unowned", severity = Severity.ERROR, principle = Principle.P2_OWNERSHIP_AND_RETRY,
        summary = "A handoff's failures have no owner",
        description = "No error handler, recovery policy or declared owner covers the failures of this handoff or "
                + "composite agent. When the consumer rejects the producer's output, or a step fails after another one "
                + "acted on the world, nobody is responsible: the work is left half done, and retries, if any, happen by accident.",
        fix = "Name one owner for the edge's failures and its recovery path (Baton: .ownedBy(\"agent\").recovery(..); "
                + "frameworks: an error handler on the root composite agent).")
public final class ErrorUnownedRule implements Rule {
    @Override
    public void check(LintContext context, FindingSink findings) {
        HandoffGraph g = context.graph();
        List<ReceiveSite> receives = g.facts(ReceiveSite.class);
        Set<String> covered = new LinkedHashSet<>();
        for (ErrorHandlerSite h : g.facts(ErrorHandlerSite.class)) if (h.scope() != null) covered.add(h.scope());
        Map<Chain, Set<String>> trees = new LinkedHashMap<>();
        for (Chain c : g.chains()) trees.put(c, Reach.tree(g, c));
        for (Edge e : g.edges()) {
            if (e.owner() != null) continue;
            if (covered.contains(e.id()) || covered.contains(e.producer()) || covered.contains(e.consumer())) continue;
            if (e.channel() == Edge.Channel.DECLARED) {
                findings.report(e.location(), "handoff " + Edges.describe(g, e) + " has no owner for its failures: add .ownedBy(\""
                        + Edges.name(g, e.producer()) + "\") and a .recovery(..) path.", Edges.agents(e), e.id(), Edges.anchor(e));
                continue;
            }
            // inside a composite: judged once, at the root that runs it
            boolean inComposite = trees.values().stream().anyMatch(t -> Reach.in(t, e.producer()) && Reach.in(t, e.consumer()));
            if (inComposite) continue;
            if (e.payload() != PayloadKind.TYPED && !Edges.consumerActsOn(g, e, receives)) continue;
            if (Edges.orchestratorDecides(g, e) && !Edges.consumerActsOn(g, e, receives)) continue;
            findings.report(e.location(), "handoff " + Edges.describe(g, e) + " has no owner for its failures: "
                    + "add an error handler that owns this handoff's failures and decides the recovery path.", Edges.agents(e), e.id(), Edges.anchor(e));
        }
        for (dev.baton.linter.frontend.agentic.UncoveredRoute r : g.facts(dev.baton.linter.frontend.agentic.UncoveredRoute.class)) {
            // no error to handle: the conditional runs no branch and ends, and the result is simply not there
            findings.report(Severity.WARNING, r.location(), "'" + r.conditional() + "' has no branch for "
                            + String.join(", ", r.missing()) + ": for " + (r.missing().size() == 1 ? "that value" : "those values")
                            + " LangChain4j runs none and ends without an error, so '" + r.output() + "' is never written and "
                            + "nobody learns why; add a branch (or a last one for everything else) that fails or escalates.",
                    List.of(), null, "route:" + r.conditional() + "#" + String.join(",", r.missing()));
        }
        Map<String, List<dev.baton.linter.graph.Location>> invokedAt = null;
        for (Chain root : Reach.runs(g)) {
            if (root.framework() != Framework.LANGCHAIN4J_AGENTIC && root.framework() != Framework.GOOGLE_ADK) continue;
            Set<String> tree = trees.get(root);
            // LangChain4j agentic installs only the root's handler: one on a nested composite is never called
            Set<String> nested = new LinkedHashSet<>();
            if (root.framework() == Framework.LANGCHAIN4J_AGENTIC) {
                for (Chain c : g.chains()) if (!c.id().equals(root.id()) && Reach.in(tree, c.id())) nested.add(c.id());
            }
            boolean owned = covered.stream().anyMatch(s -> Reach.in(tree, s) && !nested.contains(s))
                    || Reach.edgeIds(g, tree).stream().anyMatch(covered::contains);
            if (owned) continue;
            List<String> ignored = g.chains().stream().filter(c -> nested.contains(c.id()) && covered.contains(c.id()))
                    .map(c -> "'" + c.name() + "'").toList();
            String dead = ignored.isEmpty() ? "" : " (the errorHandler of " + String.join(", ", ignored)
                    + " is never called: it runs nested in '" + root.name() + "', and only the root's handler is installed)";
            List<String> acting = Reach.effects(context, root, tree).stream()
                    .map(s -> "'" + Edges.name(g, s.agent()) + "'").distinct().toList();
            if (acting.isEmpty()) {
                // read-only, but run where nothing waits for its exception: the failure vanishes
                if (invokedAt == null) invokedAt = invocations(g);
                Optional<String> unattended = invokedAt.getOrDefault(root.id(), List.of()).stream().map(at -> Edges.unattended(context, at))
                        .flatMap(Optional::stream).findFirst();
                unattended.ifPresent(how -> findings.report(Edges.compositeLocation(context, root), "'" + root.name()
                                + "' is invoked from " + how + ", so nothing waits for its exception and a failure vanishes" + dead + ": "
                                + "add an error handler to this root composite that records or escalates the failure, or "
                                + "handle the outcome where it is invoked.",
                        new ArrayList<>(root.agents()), null, root.id() + "#unattended"));
                continue;
            }
            String handler = root.framework() == Framework.LANGCHAIN4J_AGENTIC
                    ? "add .errorHandler(..) (or an @ErrorHandler method) to this root composite"
                    + (dead.isEmpty() ? " - LangChain4j installs only the root's handler -" : "")
                    : "add an error callback to this root agent";
            findings.report(Edges.compositeLocation(context, root), "'" + root.name() + "' acts on the world through "
                            + String.join(", ", acting) + " and nothing owns its failures: a step failing after another acted "
                            + "leaves the run half done with nobody to compensate" + dead + "; " + handler
                            + " that compensates, retries only what is safe to repeat, or escalates.",
                    new ArrayList<>(root.agents()), null, root.id());
        }
    }

    /**
     * Where each root is invoked, by the root's id: the keys its callers pass in ({@code invoke(Map.of(..))}),
     * when known. Indexed once per run rather than searched for each root.
     */
    private static Map<String, List<dev.baton.linter.graph.Location>> invocations(HandoffGraph g) {
        Map<String, List<dev.baton.linter.graph.Location>> out = new java.util.HashMap<>();
        for (dev.baton.linter.frontend.agentic.AgenticKeyUse u : g.facts(dev.baton.linter.frontend.agentic.AgenticKeyUse.class)) {
            if (u.origin() == dev.baton.linter.frontend.agentic.AgenticKeyUse.Origin.CALLER && u.instance() != null) {
                out.computeIfAbsent(u.instance(), k -> new ArrayList<>()).add(u.location());
            }
        }
        return out;
    }
}
