package dev.baton.harness.report;

/**
 * Makes text safe to print and store: the inputs Baton reports are exactly the ones that break
 * terminals, XML reports and files (control characters, lone UTF-16 surrogates, zero-width and
 * bidirectional marks). Every such character becomes a visible Java-style escape ({@code \n},
 * {@code \t}, {@code \r} or {@code \}{@code uXXXX}); every other character, paired surrogates
 * included, is kept as it is.
 */
public final class Printable {

    private Printable() {
    }

    /** {@code text} with every non-printable character and lone surrogate escaped, line breaks too. */
    public static String escape(String text) {
        return escape(text, false);
    }

    /**
     * Like {@link #escape(String)}, but keeps {@code \n}: for multi-line reports whose lines are
     * structure, each value in them already escaped.
     */
    public static String escapeKeepingLines(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean keepNewlines) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = null;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            String replacement = null;
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, text.charAt(i + 1));
                if (printable(cp)) {
                    if (out != null) {
                        out.append(c).append(text.charAt(i + 1));
                    }
                } else {
                    replacement = unicode(c) + unicode(text.charAt(i + 1));
                    out = started(out, text, i);
                    out.append(replacement);
                }
                i++;
                continue;
            }
            if (c == '\n') {
                replacement = keepNewlines ? null : "\\n";
            } else if (c == '\t') {
                replacement = "\\t";
            } else if (c == '\r') {
                replacement = "\\r";
            } else if (Character.isSurrogate(c) || !printable(c)) {
                replacement = unicode(c);
            }
            if (replacement != null) {
                out = started(out, text, i);
                out.append(replacement);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static StringBuilder started(StringBuilder out, String text, int upTo) {
        return out != null ? out : new StringBuilder(text.length() + 16).append(text, 0, upTo);
    }

    private static boolean printable(int cp) {
        if (cp == ' ') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.UNASSIGNED, Character.PRIVATE_USE,
                 Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }

    private static String unicode(char c) {
        return String.format("\\u%04X", (int) c);
    }

    /**
     * The first {@code max} characters of {@code text}, never cutting a surrogate pair in two, with
     * the full length noted when it was cut.
     */
    public static String abbreviate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max;
        if (Character.isHighSurrogate(text.charAt(end - 1)) && Character.isLowSurrogate(text.charAt(end))) {
            end--;
        }
        return text.substring(0, end) + "… (" + text.length() + " chars)";
    }
}
