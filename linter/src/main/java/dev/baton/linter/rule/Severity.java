package dev.baton.linter.rule;

/** Ordered from least to most severe. */
public enum Severity {
    NOTE, WARNING, ERROR;

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
