package dev.baton.runtime.contract;

import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Schema patterns with {@code java.util.regex} semantics ({@code find()}, as JSON Schema patterns are not
 * anchored), matched so that no value can hang or crash the thread:
 * <ul>
 *   <li>on RE2/J, linear in the value and without recursion, whenever {@link Re2Translation} knows the
 *       pattern's RE2 form means the same ({@code ^(a|b)*$} on 100 KB overflows Java's recursive matcher);</li>
 *   <li>otherwise on {@code java.util.regex} with a step budget. Backtracking engines re-read the input
 *       through {@link CharSequence#charAt}; counting those reads bounds the work of any pattern on any
 *       value, so a catastrophic pattern ends with {@link RegexBudgetExceededException} instead of running
 *       for minutes, and a recursion too deep for the stack ends with the same typed exception instead of a
 *       {@link StackOverflowError}.</li>
 * </ul>
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
        String re2 = Re2Translation.toRe2(regex);
        if (re2 != null) {
            try {
                com.google.re2j.Pattern linear = com.google.re2j.Pattern.compile(re2);
                return value -> linear.matcher(value).find();
            } catch (com.google.re2j.PatternSyntaxException e) {
                // RE2 lacks it (a repetition over 1000, ...): the budgeted engine below decides
            }
        }
        return budgeted(regex);
    }

    /** The {@code java.util.regex} engine with the step budget, whatever the pattern. */
    RegularExpression budgeted(String regex) {
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid pattern '" + regex + "': " + e.getDescription(), e);
        }
        return value -> {
            try {
                return pattern.matcher(new CountingSequence(value, budget, regex)).find();
            } catch (StackOverflowError e) {
                // java.util.regex recurses per repetition of some groups; the stack is unwound by now
                throw new RegexBudgetExceededException(regex, value.length());
            }
        };
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
