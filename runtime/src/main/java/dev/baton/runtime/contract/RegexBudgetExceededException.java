package dev.baton.runtime.contract;

/**
 * A schema {@code pattern} took more steps than the budget allows on one value, or recursed deeper than the
 * stack on it (patterns RE2/J cannot run stay on the backtracking {@code java.util.regex}). Thrown from inside
 * validation so that a catastrophic regular expression (e.g. {@code ^(a+)+$}) ends in a bounded
 * rejection instead of a hung thread.
 */
public final class RegexBudgetExceededException extends RuntimeException {

    private final String pattern;

    RegexBudgetExceededException(String pattern, long budget) {
        super("regular expression '" + pattern + "' exceeded its budget of " + budget
                + " steps on one value; the value is rejected rather than evaluated further");
        this.pattern = pattern;
    }

    /** The backtracking engine recursed deeper than the thread's stack on a value of {@code length} chars. */
    RegexBudgetExceededException(String pattern, int length) {
        super("regular expression '" + pattern + "' recursed deeper than the stack allows on a value of " + length
                + " characters (java.util.regex backtracks recursively); the value is rejected rather than evaluated further");
        this.pattern = pattern;
    }

    /** @return the schema pattern that exceeded the budget */
    public String pattern() {
        return pattern;
    }
}
