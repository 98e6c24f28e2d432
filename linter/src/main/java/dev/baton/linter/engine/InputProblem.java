package dev.baton.linter.engine;

/**
 * An input the linter could not read (a Java file that does not parse, an unreadable file, a
 * frontend that failed on a file). The scan goes on without it.
 *
 * @param file relative to the base directory, {@code /} separators
 */
public record InputProblem(String file, int line, int column, String message) {
}
