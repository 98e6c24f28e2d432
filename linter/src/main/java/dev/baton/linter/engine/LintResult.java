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
 * @param problems              input problems: what the scan could not list or run (symbolic link loops, unknown
 *                              suppression ids, a frontend or rule that failed); Java files that cannot be read
 *                              are {@code parse-error} findings
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

    /**
     * How many reasons to fail a build whose {@code failOn} is {@code threshold}: the findings at or above it
     * (a Java file that does not parse is a {@code parse-error} finding), plus the input problems when the
     * threshold is {@code warning} or {@code note}, because an input problem (a symbolic link loop, a
     * suppression naming no rule, a frontend that failed) counts as a warning. Zero when {@code threshold}
     * is {@code null} ({@code none}). The Maven plugin and the command line both decide with this.
     */
    public long failuresAt(Severity threshold) {
        if (threshold == null) return 0;
        long n = findings.stream().filter(f -> f.severity().atLeast(threshold)).count();
        if (Severity.WARNING.atLeast(threshold)) n += problems.size();
        return n;
    }
}
