package dev.baton.linter.testing;

import dev.baton.linter.frontend.ParsedSource;
import dev.baton.linter.frontend.SchemaFile;
import dev.baton.linter.graph.HandoffGraph;
import dev.baton.linter.graph.Location;
import dev.baton.linter.rule.FindingSink;
import dev.baton.linter.rule.LintContext;
import dev.baton.linter.rule.Rule;
import dev.baton.linter.rule.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs one rule on a hand-built graph: for rules that read only the graph, so that every frontend's
 * way of filling it (payload kinds, uses, facts) can be tested without writing that frontend's source.
 */
public final class RuleProbe {
    /** What the rule reported. */
    public record Reported(Severity severity, Location location, String message, List<String> agents, String edge) {
    }

    private RuleProbe() {
    }

    public static List<Reported> run(Rule rule, HandoffGraph graph, String profile) {
        List<Reported> out = new ArrayList<>();
        LintContext context = new LintContext() {
            @Override
            public HandoffGraph graph() {
                return graph;
            }

            @Override
            public List<ParsedSource> sources() {
                return List.of();
            }

            @Override
            public Optional<ParsedSource> source(String relativePath) {
                return Optional.empty();
            }

            @Override
            public List<SchemaFile> schemas() {
                return List.of();
            }

            @Override
            public Optional<SchemaFile> schema(String reference) {
                return Optional.empty();
            }

            @Override
            public String profile() {
                return profile;
            }
        };
        rule.check(context, new FindingSink() {
            @Override
            public void report(Location location, String message, List<String> agents, String edge, String anchor) {
                report(rule.info().severity(), location, message, agents, edge, anchor);
            }

            @Override
            public void report(Severity severity, Location location, String message, List<String> agents, String edge,
                               String anchor) {
                out.add(new Reported(severity, location, message, agents, edge));
            }
        });
        return out;
    }
}
