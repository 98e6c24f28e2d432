package dev.baton.runtime.contract;

import java.util.Set;

/**
 * Rewrites a {@code java.util.regex} pattern into RE2 syntax with the same meaning, or says it cannot.
 * The boundary has always given schema patterns Java's semantics (its start-up check compiles them with
 * {@code java.util.regex}); running them on RE2/J must not change which values match, only how long and
 * how deep matching goes. So only constructs whose meaning is known to agree are passed through, the few
 * that RE2 spells or reads differently are rewritten, and anything else (backreferences, lookaround,
 * possessive quantifiers, inline flags, nested classes and intersections, {@code \Q..\E}, {@code \h},
 * {@code \v}, {@code \R}, {@code \Z}, {@code \b} (Unicode-aware in Java 17, ASCII in RE2), named groups,
 * property names other than general categories) makes
 * the pattern stay on the budgeted Java engine.
 *
 * <p>Rewritten, to keep Java's meaning:
 * <ul>
 *   <li>{@code .} excludes Java's line terminators {@code \n}, {@code \r}, U+0085, U+2028 and U+2029 (RE2's only {@code \n});</li>
 *   <li>{@code \s} is {@code [ \t\n\x0B\f\r]} (RE2's lacks {@code \x0B});</li>
 *   <li>{@code $} (not multi-line) also matches before one final line terminator, as in Java;</li>
 *   <li>an escape of one UTF-16 unit by four hex digits becomes {@code \x{..}}, a surrogate pair one code point
 *       (RE2 has no such escape).</li>
 * </ul>
 */
final class Re2Translation {

    private static final String LINE_TERMINATORS = "\\n\\r\\x{85}\\x{2028}\\x{2029}";
    private static final String JAVA_DOT = "[^" + LINE_TERMINATORS + "]";
    private static final String JAVA_SPACES = "\\t\\n\\x0B\\f\\r ";
    /** Java's non-multi-line {@code $}: the end, or before a line terminator that ends the input. */
    private static final String JAVA_END = "(?:\\r\\n|[" + LINE_TERMINATORS + "])?\\z";
    /** Unicode general categories: the one family of {@code \p{..}} names both engines read alike. */
    private static final Set<String> CATEGORIES = Set.of("L", "Lu", "Ll", "Lt", "Lm", "Lo", "M", "Mn", "Mc", "Me",
            "N", "Nd", "Nl", "No", "P", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "S", "Sm", "Sc", "Sk", "So",
            "Z", "Zs", "Zl", "Zp", "C", "Cc", "Cf", "Co", "Cs");

    private final String p;
    private final StringBuilder out = new StringBuilder();
    private int i;

    private Re2Translation(String pattern) {
        this.p = pattern;
    }

    /** @return the RE2 form of {@code javaPattern}, or null when its meaning on RE2 is not known to be Java's */
    static String toRe2(String javaPattern) {
        try {
            return new Re2Translation(javaPattern).run();
        } catch (Unsupported e) {
            return null;
        }
    }

    private String run() {
        while (i < p.length()) {
            char c = p.charAt(i);
            switch (c) {
                case '\\' -> escape(false);
                case '[' -> characterClass();
                case '.' -> {
                    out.append(JAVA_DOT);
                    i++;
                }
                case '$' -> {
                    // only where nothing can follow the end: Java's '$' is zero-width, this form consumes
                    char next = i + 1 < p.length() ? p.charAt(i + 1) : ')';
                    if (next != '|' && next != ')') throw new Unsupported();
                    out.append(JAVA_END);
                    i++;
                }
                case '(' -> {
                    if (i + 1 < p.length() && p.charAt(i + 1) == '?') {
                        if (i + 2 >= p.length() || p.charAt(i + 2) != ':') throw new Unsupported();
                        out.append("(?:");
                        i += 3;
                    } else {
                        out.append('(');
                        i++;
                    }
                }
                case '*', '+', '?', '}' -> {
                    // Java's possessive quantifiers (a*+) never give back; RE2 would read a*+ as (a*)+
                    if (i + 1 < p.length() && p.charAt(i + 1) == '+') throw new Unsupported();
                    out.append(c);
                    i++;
                }
                default -> {
                    out.append(c);
                    i++;
                }
            }
        }
        return out.toString();
    }

    private void characterClass() {
        out.append('[');
        i++;
        if (i < p.length() && p.charAt(i) == '^') {
            out.append('^');
            i++;
        }
        // Java and RE2 disagree on a ']' first in a class; Java's nested classes and '&&' do not exist in RE2
        if (i < p.length() && p.charAt(i) == ']') throw new Unsupported();
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == ']') {
                out.append(']');
                i++;
                return;
            }
            if (c == '[' || (c == '&' && i + 1 < p.length() && p.charAt(i + 1) == '&')) throw new Unsupported();
            if (c == '\\') {
                escape(true);
            } else {
                out.append(c);
                i++;
            }
        }
        throw new Unsupported(); // unclosed: let Java report it
    }

    private void escape(boolean inClass) {
        if (i + 1 >= p.length()) throw new Unsupported();
        char c = p.charAt(i + 1);
        switch (c) {
            case 'd', 'D', 'w', 'W', 't', 'n', 'r', 'f', 'x' -> {
                out.append('\\').append(c);
                i += 2;
            }
            case 'A', 'z' -> {
                if (inClass) throw new Unsupported();
                out.append('\\').append(c);
                i += 2;
            }
            case 's' -> {
                out.append(inClass ? JAVA_SPACES : "[" + JAVA_SPACES + "]");
                i += 2;
            }
            case 'S' -> {
                if (inClass) throw new Unsupported();
                out.append("[^" + JAVA_SPACES + "]");
                i += 2;
            }
            case 'u' -> unicodeEscape();
            case 'p', 'P' -> {
                String name;
                int end;
                if (i + 2 < p.length() && p.charAt(i + 2) == '{') {
                    int close = p.indexOf('}', i + 3);
                    if (close < 0) throw new Unsupported();
                    name = p.substring(i + 3, close);
                    end = close + 1;
                } else if (i + 2 < p.length()) {
                    name = String.valueOf(p.charAt(i + 2));
                    end = i + 3;
                } else {
                    throw new Unsupported();
                }
                if (!CATEGORIES.contains(name)) throw new Unsupported();
                out.append('\\').append(c).append('{').append(name).append('}');
                i = end;
            }
            default -> {
                // an escaped ASCII punctuation character is that character in both engines
                if (c < 0x80 && !Character.isLetterOrDigit(c) && c > ' ') {
                    out.append('\\').append(c);
                    i += 2;
                } else {
                    throw new Unsupported();
                }
            }
        }
    }

    private void unicodeEscape() {
        int unit = hex4(i + 2);
        i += 6;
        int codePoint = unit;
        if (Character.isHighSurrogate((char) unit)) {
            int low = i + 1 < p.length() && p.charAt(i) == '\\' && p.charAt(i + 1) == 'u' ? hex4(i + 2) : -1;
            if (low < 0 || !Character.isLowSurrogate((char) low)) throw new Unsupported();
            codePoint = Character.toCodePoint((char) unit, (char) low);
            i += 6;
        } else if (Character.isLowSurrogate((char) unit)) {
            throw new Unsupported();
        }
        out.append("\\x{").append(Integer.toHexString(codePoint)).append('}');
    }

    private int hex4(int at) {
        if (at + 4 > p.length()) throw new Unsupported();
        int value = 0;
        for (int k = at; k < at + 4; k++) {
            int digit = Character.digit(p.charAt(k), 16);
            if (digit < 0) throw new Unsupported();
            value = value * 16 + digit;
        }
        return value;
    }

    /** The pattern uses something whose RE2 meaning is not known to equal Java's. */
    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }
}
