package dev.baton.maven;

import dev.baton.linter.engine.LintConfigurationException;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The report files {@code baton:check} writes besides the console output ({@code formats} parameter). */
enum ReportFormat {
    SARIF, HTML;

    static final String PARAMETER = "formats";

    /** Parses a list such as {@code sarif,html}; blank entries are ignored, {@code none} alone means no files. */
    static Set<ReportFormat> parse(Collection<String> values) {
        Set<ReportFormat> out = EnumSet.noneOf(ReportFormat.class);
        if (values == null) return out;
        for (String raw : values) {
            if (raw == null) continue;
            for (String part : raw.split(",")) {
                String v = part.strip().toLowerCase(Locale.ROOT);
                switch (v) {
                    case "" , "none", "console" -> { }
                    case "sarif" -> out.add(SARIF);
                    case "html" -> out.add(HTML);
                    default -> throw new LintConfigurationException("Invalid value for parameter '" + PARAMETER
                            + "' (property baton." + PARAMETER + "): '" + part.strip()
                            + "'; expected a comma-separated list of sarif, html (or none)");
                }
            }
        }
        return out;
    }
}
