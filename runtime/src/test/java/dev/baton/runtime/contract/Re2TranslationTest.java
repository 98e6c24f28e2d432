package dev.baton.runtime.contract;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A pattern moved to RE2/J matches exactly the values java.util.regex matches; what cannot move, stays. */
class Re2TranslationTest {

    /** Patterns that run on RE2/J, including every construct the translation rewrites. */
    private static final List<String> TRANSLATED = List.of(
            "^[a-z]+$", "^(a|b)*$", "^(a+)+$", "a.c", "^.*$", "\\s", "^\\S+$", "[\\s,]+", "^\\d{3}-\\d{4}$",
            "^\\w+@\\w+\\.com$", "x$|^y", "(ab$)", "\\u00e9", "[\\u0041-\\u005A]+", "\\uD83D\\uDE00", "\\p{Lu}\\p{L}*",
            "\\pL", "^[^\\n]*$", "\\x41", "\\x{1F600}", "(?:ab)+c?", "a{2,3}", "a*?b", "\\.\\*\\+\\?\\(\\)\\[\\]\\{\\}\\|\\^\\$",
            "\\Afoo\\z", "[a-z&]", "^$", "a+?b", "a??c");

    private static final List<String> INPUTS = List.of(
            "", "a", "abc", "ABC", "abc\n", "abc\r\n", "abc\r", "abc\u0085", "abc\u2028", "a\nc", "a\rc", "a\u0085c",
            "a\u2028c", "a\u2029c", "a c", "a\u000Bc", "\u000B", "\t", "\u00A0", "\u00e9", "caf\u00e9", "\uD83D\uDE00",
            "x\uD83D\uDE00y", "123-4567", "123-4567\n", "joe@mail.com", "joe@mail.com\n", "y", "ab", "xab", "aab",
            "aaac", "aaab", "a,b", "foo", "foo\n", "A", "Zeta", "\u00c9cole", ".*+?()[]{}|^$", "&", "\n", "\r\n");

    @Test
    void translatedPatternsMatchExactlyWhatJavaMatches() {
        for (String javaPattern : TRANSLATED) {
            String re2 = Re2Translation.toRe2(javaPattern);
            assertNotNull(re2, () -> javaPattern + " should run on RE2/J");
            java.util.regex.Pattern jdk = java.util.regex.Pattern.compile(javaPattern);
            com.google.re2j.Pattern linear = com.google.re2j.Pattern.compile(re2);
            for (String input : INPUTS) {
                assertEquals(jdk.matcher(input).find(), linear.matcher(input).find(),
                        () -> "'" + javaPattern + "' (RE2 '" + re2 + "') on '" + input.replace("\n", "\\n").replace("\r", "\\r") + "'");
            }
        }
    }

    @Test
    void constructsWhoseMeaningDiffersOrRe2LacksStayOnJava() {
        for (String javaPattern : List.of("(a)\\1", "(?=a)a", "(?!a)b", "(?<=a)b", "a*+", "a*+a", "a++", "a?+", "a{2}+", "(?i)abc", "(?s)a.c",
                "[a-z&&[^aeiou]]", "[[:alpha:]]", "\\Qa.b\\E", "\\h", "\\v", "\\R", "\\Z", "\\bword\\b", "(?<name>a)",
                "\\p{IsAlphabetic}", "\\p{Alpha}", "[]a]", "a$b", "\\uD800", "\\0101", "\\e", "\\cA")) {
            assertNull(Re2Translation.toRe2(javaPattern), javaPattern);
        }
    }

    @Test
    void theFactoryKeepsJavaSemanticsOnBothEngines() {
        BoundedRegularExpressionFactory factory = new BoundedRegularExpressionFactory(BoundedRegularExpressionFactory.DEFAULT_BUDGET);
        // Java's $ admits one final line terminator, on RE2/J as on the budgeted engine
        assertEquals(true, factory.getRegularExpression("^[a-z]+$").matches("abc\n"));
        assertEquals(true, factory.budgeted("^[a-z]+$").matches("abc\n"));
        assertEquals(false, factory.getRegularExpression("^[a-z]+$").matches("abc\n\n"));
        // not anchored unless the pattern says so (JSON Schema, 6.3.3)
        assertEquals(true, factory.getRegularExpression("b").matches("abc"));
        assertEquals(true, factory.getRegularExpression("(a)\\1").matches("xaax"));
    }
}
