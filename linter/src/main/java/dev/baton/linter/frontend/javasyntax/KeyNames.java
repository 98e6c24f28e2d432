package dev.baton.linter.frontend.javasyntax;

import java.util.Locale;

/** How handoff key names compare: shared by the frontends that record keys and the rule that matches them. */
public final class KeyNames {
    /** The key a write of "inputs the source does not show" uses (a map built elsewhere, passed in). */
    public static final String OPEN_KEY = "*";
    /** Prefix of namespaces holding one prompt template's variables: only the method's parameters write there. */
    public static final String TEMPLATE_NAMESPACE = "template:";

    private KeyNames() {
    }

    /** Same letters ignoring case, underscores and dashes, or one edit apart on keys long enough to mean it. */
    public static boolean nearMiss(String a, String b) {
        if (a.equals(b)) return false;
        String x = normal(a);
        String y = normal(b);
        if (x.equals(y)) return true;
        return Math.min(x.length(), y.length()) >= 5 && distanceAtMostOne(x, y);
    }

    private static String normal(String key) {
        return key.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
    }

    private static boolean distanceAtMostOne(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1) return false;
        int i = 0;
        int j = 0;
        int edits = 0;
        while (i < a.length() && j < b.length()) {
            if (a.charAt(i) == b.charAt(j)) {
                i++;
                j++;
                continue;
            }
            if (++edits > 1) return false;
            if (a.length() > b.length()) i++;
            else if (b.length() > a.length()) j++;
            else {
                i++;
                j++;
            }
        }
        return edits + (a.length() - i) + (b.length() - j) <= 1;
    }
}
