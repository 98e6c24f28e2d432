package dev.baton.linter.rule;

import dev.baton.linter.graph.Location;

import java.util.List;

/**
 * One contract gap. {@code fingerprint} is a content hash that survives line moves (rule id, file,
 * enclosing declaration, agents and edge, the normalised text of the offending code); baselines and
 * SARIF {@code partialFingerprints} use it.
 */
public record Finding(String ruleId, Severity severity, String message, Location location,
                      List<String> agents, String edge, String fingerprint) {
}
