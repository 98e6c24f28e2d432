package dev.baton.linter.engine;

/** The request is wrong (an unknown rule id, an unknown profile); the message names the field and the value. */
public class LintConfigurationException extends IllegalArgumentException {
    public LintConfigurationException(String message) {
        super(message);
    }
}
