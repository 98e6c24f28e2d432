package dev.baton.linter.report;

import dev.baton.linter.engine.InputProblem;
import dev.baton.linter.engine.LintResult;
import dev.baton.linter.rule.Finding;
import dev.baton.linter.rule.Severity;

import java.util.ArrayList;
import java.util.List;

/**
 * Compiler-style lines that terminals and IDEs make clickable —
 * {@code path:line:col: severity [rule-id] message} — then a one-line summary.
 */
public final class ConsoleReport {
    private ConsoleReport() {
    }

    /** One line per input problem and finding, then the summary line. */
    public static List<String> lines(LintResult result) {
        List<String> out = new ArrayList<>();
        for (InputProblem p : result.problems()) out.add(line(p));
        for (Finding f : result.findings()) out.add(line(f));
        out.add(summary(result));
        return out;
    }

    /** The whole report as text, one line each, ending with a newline. */
    public static String render(LintResult result) {
        return String.join(System.lineSeparator(), lines(result)) + System.lineSeparator();
    }

    /** {@code path:line:col: error [baton] message} for an input the linter could not read. */
    public static String line(InputProblem p) {
        return position(p.file(), p.line(), p.column()) + ": error [baton] " + p.message();
    }

    /** {@code path:line:col: severity [rule-id] message}. */
    public static String line(Finding f) {
        return position(f.location().file(), f.location().line(), f.location().column()) + ": "
                + f.severity().label() + " [" + f.ruleId() + "] " + f.message();
    }

    /** e.g. {@code baton: 2 errors, 1 warning, 0 notes; 3 suppressed, 4 baselined, 1 input problem}. */
    public static String summary(LintResult result) {
        StringBuilder sb = new StringBuilder("baton: ")
                .append(plural(result.count(Severity.ERROR), "error")).append(", ")
                .append(plural(result.count(Severity.WARNING), "warning")).append(", ")
                .append(plural(result.count(Severity.NOTE), "note")).append("; ")
                .append(result.suppressed()).append(" suppressed");
        if (!result.baselined().isEmpty()) sb.append(", ").append(result.baselined().size()).append(" baselined");
        if (!result.staleBaselineEntries().isEmpty()) {
            sb.append(", ").append(plural(result.staleBaselineEntries().size(), "stale baseline entry", "stale baseline entries"));
        }
        if (!result.problems().isEmpty()) sb.append(", ").append(plural(result.problems().size(), "input problem"));
        sb.append(" (").append(result.stats().javaFiles()).append(" Java files, ")
                .append(result.stats().parsedFiles()).append(" parsed, ")
                .append(result.stats().schemaFiles()).append(" schemas, ")
                .append(result.stats().notSchemas().isEmpty() ? ""
                        : plural(result.stats().notSchemas().size(), "JSON file") + " skipped as not schemas, ")
                .append(result.stats().millis()).append(" ms)");
        return sb.toString();
    }

    private static String position(String file, int line, int column) {
        if (file.isEmpty()) return "<project>";
        // Whole-file findings point at 1:1 so the line stays clickable.
        return file + ":" + Math.max(line, 1) + ":" + Math.max(column, 1);
    }

    private static String plural(long n, String one) {
        return plural(n, one, one + "s");
    }

    private static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
