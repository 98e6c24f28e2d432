package dev.baton.linter.engine;

import dev.baton.linter.graph.HandoffGraph;
import dev.baton.linter.rule.Finding;
import dev.baton.linter.rule.Severity;

import java.util.List;

/**
 * The outcome of a scan.
 *
 * @param findings              findings to act on, sorted by file, line, column, rule (not suppressed, not baselined)
 * @param suppressed            how many findings {@code @SuppressWarnings("baton…")} suppressed
 * @param baselined             findings the baseline accepts
 * @param staleBaselineEntries  baseline fingerprints no finding matches any more (fixed: drop them)
 * @param stats                 how much work the scan did
 * @param problems              inputs that could not be read (unparsable Java files...)
 * @param graph                 the handoff graph the rules saw
 */
public record LintResult(List<Finding> findings, int suppressed, List<Finding> baselined,
                         List<String> staleBaselineEntries, LintStats stats, List<InputProblem> problems,
                         HandoffGraph graph) {

    public LintResult {
        findings = List.copyOf(findings);
        baselined = List.copyOf(baselined);
        staleBaselineEntries = List.copyOf(staleBaselineEntries);
        problems = List.copyOf(problems);
    }

    /** Number of findings with exactly this severity. */
    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    /** Whether any finding is at or above {@code threshold}. */
    public boolean hasFindingsAtLeast(Severity threshold) {
        return findings.stream().anyMatch(f -> f.severity().atLeast(threshold));
    }
}
