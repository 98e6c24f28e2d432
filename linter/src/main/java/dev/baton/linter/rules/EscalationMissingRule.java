package dev.baton.linter.rules;

import dev.baton.linter.frontend.javasyntax.Locations;
import dev.baton.linter.graph.AgentNode;
import dev.baton.linter.graph.Chain;
import dev.baton.linter.graph.Edge;
import dev.baton.linter.frontend.agentic.LoopExit;
import dev.baton.linter.frontend.baton.BatonFrontend;
import dev.baton.linter.graph.Framework;
import dev.baton.linter.graph.facts.RetrySite;
import dev.baton.linter.graph.HandoffGraph;
import dev.baton.linter.graph.facts.ErrorHandlerSite;
import dev.baton.linter.graph.facts.HumanStep;
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

/**
 * Per run: if an agent of a root chain, of a composite nested in it, or a tool of any of them acts on the
 * world ({@link SideEffect}), or an error handler of it ends the run ({@link ErrorHandlerSite.Outcome#RETHROW}),
 * there must be a path to a human somewhere in that run: a {@link HumanStep}, an escalating handler, or a
 * human agent. A nested composite is judged with its root, where one human step covers the whole run.
 *
 * <p>Reported where the human step goes: at the side-effecting action when it is written in the chain's
 * own code (an Embabel {@code @Action}, a tool method beside the workflow), else at the root composite that
 * runs the acting agent or tool (its builder call or declarative annotation), where a human-in-the-loop
 * agent is added before it.
 */
@RuleInfo(id = "escalation-missing", severity = Severity.ERROR, principle = Principle.P3_HUMAN_ESCALATION,
        summary = "A chain with side effects or a dead-end error path has no path to a human",
        description = "The chain acts on the world, or its error handling ends the run when recovery fails, and nothing "
                + "routes the failure to a person. When automated recovery is exhausted the work is lost or half done "
                + "with no durable record for anyone to resume it.",
        fix = "Give the chain a designed escalation path: Baton's .escalateTo(Escalation.toHuman(\"desk\")), a "
                + "human-in-the-loop step, or an error handler that writes a durable escalation record.")
public final class EscalationMissingRule implements Rule {
    @Override
    public void check(LintContext context, FindingSink findings) {
        HandoffGraph g = context.graph();
        for (Chain chain : g.chains()) {
            if (chain.framework() == Framework.BATON) checkDeclared(g, chain, findings);
        }
        Set<String> exhausted = new HashSet<>();
        for (Chain chain : Reach.runs(g)) {
            if (chain.framework() == Framework.BATON) continue;
            Set<String> tree = Reach.tree(g, chain);
            Set<String> edgeIds = Reach.edgeIds(g, tree);
            boolean human = g.facts(HumanStep.class).stream().anyMatch(h -> Reach.in(tree, h.scope()) || edgeIds.contains(h.scope()))
                    || g.facts(ErrorHandlerSite.class).stream().anyMatch(h -> h.outcome() == ErrorHandlerSite.Outcome.ESCALATE
                    && (Reach.in(tree, h.scope()) || edgeIds.contains(h.scope())))
                    || tree.stream().anyMatch(a -> g.agent(a).map(n -> n.kind() == AgentNode.Kind.HUMAN).orElse(false));
            if (human) continue;
            List<SideEffect> effects = Reach.effects(context, chain, tree);
            boolean deadEnd = g.facts(ErrorHandlerSite.class).stream()
                    .anyMatch(h -> h.outcome() == ErrorHandlerSite.Outcome.RETHROW && (Reach.in(tree, h.scope()) || edgeIds.contains(h.scope())));
            if (!effects.isEmpty()) {
                String fix = " but has no path to a human: add a human confirmation before it acts "
                        + "(.escalateTo(Escalation.toHuman(..)), a human-in-the-loop step) or an escalation for when recovery runs out.";
                // an action written in the chain's own code is where its confirmation goes
                List<SideEffect> own = effects.stream().filter(s -> s.location().file().equals(chain.location().file())).toList();
                Set<String> done = new HashSet<>();
                for (SideEffect s : own) {
                    if (!done.add(s.location().toString())) continue;
                    findings.report(Severity.ERROR, s.location(), "'" + chain.name() + "' acts on the world in '"
                                    + Edges.name(g, s.agent()) + "'" + fix,
                            List.copyOf(chain.agents()), null, chain.id() + "#side-effect@" + s.agent());
                }
                exhaustedLoops(context, chain, tree, exhausted, findings);
                if (own.size() == effects.size()) continue;
                List<String> who = effects.stream().filter(s -> !own.contains(s))
                        .map(s -> "'" + Edges.name(g, s.agent()) + "'").distinct().toList();
                findings.report(Severity.ERROR, Edges.compositeLocation(context, chain), "'" + chain.name() + "' acts on the world through "
                                + String.join(", ", who) + fix,
                        List.copyOf(chain.agents()), null, chain.id() + "#side-effect");
            } else if (deadEnd) {
                findings.report(Severity.WARNING, chain.location(), "'" + chain.name() + "' ends the run when recovery "
                                + "fails and has no path to a human: escalate exhausted failures to a person with a durable record.",
                        List.copyOf(chain.agents()), null, chain.id() + "#dead-end");
            }
        }
    }

    /**
     * A loop nested in an acting run with no human, iterating to pass a gate (its exit condition): when
     * {@code maxIterations} runs out the framework ends it exactly as if the gate had passed, so the rest of
     * the run acts on a result nobody accepted. Reported once per loop, at the loop, where the exhaustion
     * must be told apart and escalated.
     */
    private static void exhaustedLoops(LintContext context, Chain run, Set<String> tree, Set<String> reported, FindingSink findings) {
        HandoffGraph g = context.graph();
        String module = Locations.sourceRoot(run.location().file());
        for (LoopExit exit : g.facts(LoopExit.class)) {
            if (exit.loop().equals(run.id()) || !tree.contains(exit.loop())) continue;
            if (!Locations.sourceRoot(exit.location().file()).equals(module) || !reported.add(exit.location().toString())) continue;
            Chain loop = g.chains().stream().filter(c -> c.id().equals(exit.loop())
                    && Locations.sourceRoot(c.location().file()).equals(module)).findFirst().orElse(null);
            if (loop == null) continue;
            findings.report(Severity.WARNING, Edges.compositeLocation(context, loop), "'" + loop.name() + "' ends after its last "
                            + "iteration exactly as when its exit condition holds, and '" + run.name() + "' then goes on acting on "
                            + "the world with a result that never passed the gate, with no path to a human: tell the exhausted "
                            + "loop apart (check the gate after it, or an error handler) and escalate it to a person.",
                    List.copyOf(loop.agents()), null, run.id() + "#exhausted@" + loop.id());
        }
    }

    /**
     * Baton chains are checked per declared edge, exactly as the runtime's {@code HandoffChain.build()}
     * does: an edge needs {@code escalateTo} when the chain has a side-effecting agent or the edge has a
     * recovery path that runs out.
     */
    private void checkDeclared(HandoffGraph g, Chain chain, FindingSink findings) {
        boolean sideEffects = g.facts(SideEffect.class).stream().anyMatch(s -> chain.agents().contains(s.agent()));
        for (Edge e : g.edges()) {
            if (!BatonFrontend.declaredIn(chain.name(), e)) continue;
            boolean escalates = g.facts(HumanStep.class).stream().anyMatch(h -> e.id().equals(h.scope()))
                    || g.facts(ErrorHandlerSite.class).stream().anyMatch(h -> e.id().equals(h.scope())
                    && h.outcome() == ErrorHandlerSite.Outcome.ESCALATE);
            if (escalates) continue;
            boolean recovers = g.facts(RetrySite.class).stream().anyMatch(r -> e.id().equals(r.scope()));
            if (sideEffects) {
                findings.report(Severity.ERROR, e.location(), "'" + chain.name() + "' has side effects but handoff "
                                + Edges.describe(g, e) + " has no path to a human: add .escalateTo(Escalation.toHuman(\"<queue>\")).",
                        Edges.agents(e), e.id(), Edges.anchor(e) + "#side-effect");
            } else if (recovers) {
                findings.report(Severity.ERROR, e.location(), "the recovery of handoff " + Edges.describe(g, e)
                                + " ends nowhere when exhausted: add .escalateTo(Escalation.toHuman(\"<queue>\")).",
                        Edges.agents(e), e.id(), Edges.anchor(e) + "#recovery");
            }
        }
    }
}
