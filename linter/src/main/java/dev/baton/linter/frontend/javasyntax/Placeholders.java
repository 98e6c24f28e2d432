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

    private static List<Placeholder> find(Pattern p, String template) {
        List<Placeholder> out = new ArrayList<>();
        Matcher m = p.matcher(template);
        while (m.find()) out.add(new Placeholder(m.group(1), m.start()));
        return out;
    }
}
