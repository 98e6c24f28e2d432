package dev.baton.linter.report;

import dev.baton.linter.engine.InputProblem;
import dev.baton.linter.engine.LintResult;
import dev.baton.linter.rule.Finding;
import dev.baton.linter.rule.Severity;

import java.nio.file.Path;
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
        return line(p, "");
    }

    /** {@code path:line:col: severity [rule-id] message}. */
    public static String line(Finding f) {
        return line(f, "");
    }

    /** As {@link #line(InputProblem)}, the path prefixed with {@code pathPrefix} (see {@link #pathPrefix}). */
    public static String line(InputProblem p, String pathPrefix) {
        return position(pathPrefix, p.file(), p.line(), p.column()) + ": error [baton] " + p.message();
    }

    /** As {@link #line(Finding)}, the path prefixed with {@code pathPrefix} (see {@link #pathPrefix}). */
    public static String line(Finding f, String pathPrefix) {
        return position(pathPrefix, f.location().file(), f.location().line(), f.location().column()) + ": "
                + f.severity().label() + " [" + f.ruleId() + "] " + f.message();
    }

    /**
     * What to put before a result path (relative to {@code projectDir}) so that it is relative to
     * {@code displayDir} instead — the directory the build was started in, so a module's paths stay
     * clickable from the terminal that ran a multi-module build. Empty when they are the same directory
     * or the project lies outside it.
     */
    public static String pathPrefix(Path projectDir, Path displayDir) {
        if (displayDir == null) return "";
        Path project = projectDir.toAbsolutePath().normalize(), display = displayDir.toAbsolutePath().normalize();
        if (project.equals(display) || !project.startsWith(display)) return "";
        return display.relativize(project).toString().replace('\\', '/') + "/";
    }

    /**
     * e.g. {@code baton: 2 errors, 1 warning, 0 notes; 3 suppressed, 4 baselined, 1 input problem
     * (12 Java files analysed (3 parsed, 9 from cache), 2 schemas, 85 ms)}; when no agent code and no
     * schema was recognised at all, {@code baton: nothing was checked: …} instead of a bare count of zero.
     */
    public static String summary(LintResult result) {
        StringBuilder sb = new StringBuilder("baton: ");
        if (nothingChecked(result)) {
            sb.append("nothing was checked: no agent code recognised and no JSON Schema file found;"
                    + " check the source roots and includes");
        } else {
            sb.append(plural(result.count(Severity.ERROR), "error")).append(", ")
                    .append(plural(result.count(Severity.WARNING), "warning")).append(", ")
                    .append(plural(result.count(Severity.NOTE), "note")).append("; ")
                    .append(result.suppressed()).append(" suppressed");
        }
        if (!result.baselined().isEmpty()) sb.append(", ").append(result.baselined().size()).append(" baselined");
        if (!result.staleBaselineEntries().isEmpty()) {
            sb.append(", ").append(plural(result.staleBaselineEntries().size(), "stale baseline entry", "stale baseline entries"));
        }
        if (!result.problems().isEmpty()) sb.append(", ").append(plural(result.problems().size(), "input problem"));
        return sb.append(" (").append(work(result)).append(")").toString();
    }

    /**
     * No agent, handoff, chain or fact in the graph, no schema read and nothing found: a run that looked at
     * the wrong directory (or at a project with no agents) must not read as a clean bill of health.
     */
    public static boolean nothingChecked(LintResult result) {
        return result.graph().agents().isEmpty() && result.graph().edges().isEmpty() && result.graph().chains().isEmpty()
                && result.graph().facts().isEmpty()
                && result.stats().schemaFiles() == 0 && result.findings().isEmpty() && result.baselined().isEmpty()
                && result.suppressed() == 0;
    }

    /** e.g. {@code 12 Java files analysed (3 parsed, 9 from cache), 1 schema, 85 ms}. */
    static String work(LintResult result) {
        var stats = result.stats();
        StringBuilder sb = new StringBuilder(plural(stats.javaFiles(), "Java file")).append(" analysed");
        List<String> how = new ArrayList<>();
        if (stats.parsedFiles() > 0) how.add(stats.parsedFiles() + " parsed");
        if (stats.cachedFiles() > 0) how.add(stats.cachedFiles() + " from cache");
        if (!how.isEmpty()) sb.append(" (").append(String.join(", ", how)).append(")");
        sb.append(", ").append(plural(stats.schemaFiles(), "schema"));
        if (!stats.notSchemas().isEmpty()) {
            sb.append(", ").append(plural(stats.notSchemas().size(), "JSON file")).append(" skipped as not schemas");
        }
        return sb.append(", ").append(stats.millis()).append(" ms").toString();
    }

    private static String position(String prefix, String file, int line, int column) {
        if (file.isEmpty()) return "<project>";
        // Whole-file findings point at 1:1 so the line stays clickable; absolute paths get no prefix.
        String path = file.startsWith("/") || file.matches("[A-Za-z]:[\\\\/].*") ? file : prefix + file;
        return path + ":" + Math.max(line, 1) + ":" + Math.max(column, 1);
    }

    private static String plural(long n, String one) {
        return plural(n, one, one + "s");
    }

    private static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
