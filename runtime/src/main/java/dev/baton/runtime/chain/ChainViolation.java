package dev.baton.runtime.chain;

/**
 * One reason a chain definition was refused.
 *
 * @param ruleId the linter's rule id for the same gap ({@code untyped-handoff}, {@code error-unowned},
 *               {@code escalation-missing}, {@code handoff-unwired})
 * @param handoff the edge, as {@code from->to}
 * @param message what is missing and how to add it
 */
public record ChainViolation(String ruleId, String handoff, String message) {
    @Override
    public String toString() {
        return "[" + ruleId + "] " + handoff + ": " + message;
    }
}
