package dev.baton.linter.engine;

/**
 * Something the scan could not list or run: a symbolic link loop, a suppression naming no rule, a frontend
 * or rule that failed on a file. The scan goes on without it; it counts as a warning when the build decides
 * whether to fail ({@link LintResult#failuresAt}). A Java file that cannot be read (does not parse, is not
 * UTF-8, is binary) is a {@code parse-error} finding instead, so that SARIF, HTML and baselines see it.
 *
 * @param file relative to the base directory, {@code /} separators
 */
public record InputProblem(String file, int line, int column, String message) {
}
