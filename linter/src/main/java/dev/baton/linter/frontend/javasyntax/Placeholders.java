package dev.baton.linter.frontend.javasyntax;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Template variables in prompt text: {@code {{name}}} (LangChain4j) and {@code {name}} (ADK). */
public final class Placeholders {
    private static final Pattern DOUBLE = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_.]*)\\s*}}");
    private static final Pattern SINGLE = Pattern.compile("(?<!\\{)\\{([A-Za-z_][A-Za-z0-9_]*)(\\?)?}(?!})");

    private Placeholders() {
    }

    /** One placeholder and its character offset in the template. */
    public record Placeholder(String name, int offset) {
    }

    /** LangChain4j prompt-template variables, in order of appearance. */
    public static List<Placeholder> doubleBraced(String template) {
        return find(DOUBLE, template);
    }

    /** ADK-style {@code {key}} placeholders ({@code {key?}} marks an optional one and is skipped). */
    public static List<Placeholder> singleBraced(String template) {
        List<Placeholder> out = new ArrayList<>();
        Matcher m = SINGLE.matcher(template);
        while (m.find()) if (m.group(2) == null) out.add(new Placeholder(m.group(1), m.start()));
        return out;
    }

    /**
     * One {@code {key}} placeholder of a Google ADK instruction, as {@code InstructionUtils.injectSessionState}
     * resolves it: {@code optional} for {@code {key?}} (replaced by "" when the key is missing, where a
     * missing required key fails the model call with "Context variable not found").
     */
    public record StatePlaceholder(String name, int offset, boolean optional) {
        /** {@code app:} and {@code user:} keys live beyond one session: earlier sessions may have written them. */
        public boolean crossSession() {
            return name.startsWith("app:") || name.startsWith("user:");
        }
    }

    /** ADK's own pattern: one or more braces on each side, no brace inside. */
    private static final Pattern ADK = Pattern.compile("\\{+[^{}]*}+");
    private static final List<String> ADK_PREFIXES = List.of("app:", "user:", "temp:");

    /**
     * Session-state placeholders of an ADK instruction, exactly those ADK substitutes: the text between the
     * braces, trimmed, less a trailing {@code ?}, that is a Java identifier or {@code app:}/{@code user:}/
     * {@code temp:} followed by one. {@code {artifact.x}} names an artifact, not a state key, and anything
     * else ({@code {"a": 1}}, {@code {a b}}, {@code {}}) is left in the text as it is.
     */
    public static List<StatePlaceholder> adkState(String template) {
        List<StatePlaceholder> out = new ArrayList<>();
        Matcher m = ADK.matcher(template);
        while (m.find()) {
            String inner = m.group().replaceAll("^\\{+", "").replaceAll("}+$", "").trim();
            boolean optional = inner.endsWith("?");
            String name = optional ? inner.substring(0, inner.length() - 1) : inner;
            if (name.startsWith("artifact.") || !validStateName(name)) continue;
            out.add(new StatePlaceholder(name, m.start(), optional));
        }
        return out;
    }

    private static boolean validStateName(String name) {
        int colon = name.indexOf(':');
        if (colon < 0) return identifier(name);
        return ADK_PREFIXES.contains(name.substring(0, colon + 1)) && identifier(name.substring(colon + 1));
    }

    private static boolean identifier(String s) {
        if (s.isEmpty() || !Character.isJavaIdentifierStart(s.charAt(0))) return false;
        for (int i = 1; i < s.length(); i++) if (!Character.isJavaIdentifierPart(s.charAt(i))) return false;
        return true;
    }

    private static List<Placeholder> find(Pattern p, String template) {
        List<Placeholder> out = new ArrayList<>();
        Matcher m = p.matcher(template);
        while (m.find()) out.add(new Placeholder(m.group(1), m.start()));
        return out;
    }
}
