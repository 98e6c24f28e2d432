package dev.baton.linter.graph;

/**
 * A place in the scanned project. {@code file} is relative to the project base directory and uses
 * {@code /} separators, so findings, SARIF URIs and baseline fingerprints are machine independent.
 * Lines and columns are 1-based; 0 means "the whole file".
 */
public record Location(String file, int line, int column) {
    public static Location file(String file) {
        return new Location(file, 0, 0);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
