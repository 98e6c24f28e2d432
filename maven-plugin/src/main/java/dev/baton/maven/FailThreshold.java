package dev.baton.maven;

import dev.baton.linter.engine.LintConfigurationException;
import dev.baton.linter.rule.Severity;

import java.util.Locale;
import java.util.Optional;

/**
 * The {@code failOn} parameter: the least severe finding that fails the build, or {@code none} to
 * report without failing.
 */
record FailThreshold(Optional<Severity> severity) {

    static final String PARAMETER = "failOn";

    /** Parses {@code error}, {@code warning}, {@code note} or {@code none} (any case). */
    static FailThreshold parse(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "error", "" -> new FailThreshold(Optional.of(Severity.ERROR));
            case "warning" -> new FailThreshold(Optional.of(Severity.WARNING));
            case "note" -> new FailThreshold(Optional.of(Severity.NOTE));
            case "none" -> new FailThreshold(Optional.empty());
            default -> throw new LintConfigurationException("Invalid value for parameter '" + PARAMETER
                    + "' (property baton." + PARAMETER + "): '" + value
                    + "'; expected one of error, warning, note, none");
        };
    }

    boolean fails(Severity findingSeverity) {
        return severity.map(findingSeverity::atLeast).orElse(false);
    }

    String label() {
        return severity.map(Severity::label).orElse("none");
    }
}
