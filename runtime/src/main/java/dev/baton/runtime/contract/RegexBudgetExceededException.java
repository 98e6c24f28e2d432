package dev.baton.runtime.contract;

/**
 * A schema {@code pattern} took more steps than the budget allows on one value. Thrown from inside
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

    /** @return the schema pattern that exceeded the budget */
    public String pattern() {
        return pattern;
    }
}
