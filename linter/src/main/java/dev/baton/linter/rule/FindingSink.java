package dev.baton.linter.rule;

import dev.baton.linter.graph.Location;

import java.util.List;

/** Where a rule reports. The engine fills in severity, fingerprint and suppression. */
public interface FindingSink {
    /**
     * @param anchor a short, stable piece of the offending code or declaration (a method signature, a
     *               key name) that, with the rule id and file, identifies the finding across line moves
     */
    void report(Location location, String message, List<String> agents, String edge, String anchor);

    default void report(Location location, String message, String anchor) {
        report(location, message, List.of(), null, anchor);
    }

    /** Report with an explicit severity, for rules whose severity depends on the evidence. */
    void report(Severity severity, Location location, String message, List<String> agents, String edge, String anchor);
}
