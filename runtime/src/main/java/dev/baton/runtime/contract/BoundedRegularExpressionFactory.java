package dev.baton.runtime.contract;

import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code java.util.regex} with a step budget. Backtracking engines re-read the input through
 * {@link CharSequence#charAt}; counting those reads bounds the work of any pattern on any value, so a
 * catastrophic pattern ends with {@link RegexBudgetExceededException} instead of running for minutes.
 * Same semantics as networknt's JDK factory ({@code find()}, as JSON Schema patterns are not anchored).
 */
final class BoundedRegularExpressionFactory implements RegularExpressionFactory {

    /** Enough for ordinary patterns on values of megabytes; a catastrophic one exhausts it in milliseconds. */
    static final long DEFAULT_BUDGET = 5_000_000L;

    private final long budget;

    BoundedRegularExpressionFactory(long budget) {
        this.budget = budget;
    }

    @Override
    public RegularExpression getRegularExpression(String regex) {
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid pattern '" + regex + "': " + e.getDescription(), e);
        }
        return value -> pattern.matcher(new CountingSequence(value, budget, regex)).find();
    }

    /** Counts every character read by the matcher against a shared budget. */
    private static final class CountingSequence implements CharSequence {
        private final String text;
        private final int start;
        private final int end;
        private final long[] remaining;
        private final long budget;
        private final String regex;

        CountingSequence(String text, long budget, String regex) {
            this(text, 0, text.length(), new long[] {budget}, budget, regex);
        }

        private CountingSequence(String text, int start, int end, long[] remaining, long budget, String regex) {
            this.text = text;
            this.start = start;
            this.end = end;
            this.remaining = remaining;
            this.budget = budget;
            this.regex = regex;
        }

        @Override
        public int length() {
            return end - start;
        }

        @Override
        public char charAt(int index) {
            if (--remaining[0] < 0) {
                throw new RegexBudgetExceededException(regex, budget);
            }
            return text.charAt(start + index);
        }

        @Override
        public CharSequence subSequence(int from, int to) {
            return new CountingSequence(text, start + from, start + to, remaining, budget, regex);
        }

        @Override
        public String toString() {
            return text.substring(start, end);
        }
    }
}
