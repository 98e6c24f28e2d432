package dev.baton.linter.rules;

import dev.baton.linter.graph.HandoffGraph;
import dev.baton.linter.graph.facts.KeyAccess;
import dev.baton.linter.graph.facts.ParallelGroup;
import dev.baton.linter.graph.facts.RetrySite;
import dev.baton.linter.rule.FindingSink;
import dev.baton.linter.rule.LintContext;
import dev.baton.linter.rule.Principle;
import dev.baton.linter.rule.Rule;
import dev.baton.linter.rule.RuleInfo;
import dev.baton.linter.rule.Severity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Two owners for one failure mode, or two concurrent producers of one key. */
@RuleInfo(id = "owner-ambiguous", severity = Severity.WARNING, principle = Principle.P2_OWNERSHIP_AND_RETRY,
        summary = "Two owners for one failure mode, or two producers racing on one key",
        description = "Two agents running in parallel write the same state key (the last one wins, silently), or two retry "
                + "mechanisms own the same scope (their attempts multiply and neither knows the other gave up). When a "
                + "failure or a wrong value shows up, nobody can say who owns it.",
        fix = "Give each parallel branch its own output key and merge them explicitly; keep one retry owner per scope.")
public final class OwnerAmbiguousRule implements Rule {

    @Override
    public void check(LintContext context, FindingSink findings) {
        HandoffGraph graph = context.graph();
        List<KeyAccess> writes = graph.facts(KeyAccess.class).stream().filter(k -> k.access() == KeyAccess.Access.WRITE).toList();
        for (ParallelGroup group : graph.facts(ParallelGroup.class)) {
            List<Set<String>> branches = new ArrayList<>();
            for (String b : group.branches()) branches.add(Reach.within(graph, b));
            Set<String> reportedKeys = new HashSet<>();
            for (KeyAccess w : writes) {
                int mine = branchOf(branches, w.agent());
                if (mine < 0) continue;
                for (KeyAccess other : writes) {
                    if (other == w || !other.key().equals(w.key()) || !other.namespace().equals(w.namespace())) continue;
                    int theirs = branchOf(branches, other.agent());
                    if (theirs < 0 || theirs == mine) continue;
                    KeyAccess later = Comparator.comparing((KeyAccess k) -> k.location().file()).thenComparingInt(k -> k.location().line())
                            .compare(w, other) > 0 ? w : other;
                    if (!reportedKeys.add(w.namespace() + "/" + w.key())) continue;
                    findings.report(later.location(), "Key '" + w.key() + "' is written by two agents that run in parallel in "
                                    + group.scope() + " (" + w.agent() + ", " + other.agent() + "): the last one wins silently; give each "
                                    + "branch its own key and merge them explicitly.",
                            List.of(w.agent(), other.agent()), null, "key " + w.key() + " in " + group.scope());
                }
            }
        }
        List<RetrySite> retries = graph.facts(RetrySite.class);
        Set<String> reportedScopes = new HashSet<>();
        for (RetrySite a : retries) {
            for (RetrySite b : retries) {
                if (a == b || !a.scope().equals(b.scope()) || a.kind().equals(b.kind())) continue;
                RetrySite later = a.location().line() >= b.location().line() ? a : b;
                RetrySite earlier = later == a ? b : a;
                if (!reportedScopes.add(a.scope())) continue;
                findings.report(later.location(), "Two retry mechanisms own the same scope (" + earlier.kind() + " and "
                                + later.kind() + "): their attempts multiply and neither knows when the other gave up; keep one.",
                        List.of(a.scope()), null, "retries " + a.scope());
            }
        }
    }

    private static int branchOf(List<Set<String>> branches, String agent) {
        for (int i = 0; i < branches.size(); i++) if (branches.get(i).contains(agent)) return i;
        return -1;
    }
}
