package dev.baton.harness.generate;

import dev.baton.harness.choice.Choices;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates strings matching a simple regular expression: literals, escapes ({@code \d \w \s}),
 * classes, {@code .}, groups with alternation, quantifiers and anchors. Look-arounds and
 * back-references are outside "simple patterns" and abandon the attempt with a clear reason.
 */
final class PatternGenerator {

    private final String pattern;
    private int pos;

    private PatternGenerator(String pattern) {
        this.pattern = pattern;
    }

    static String generate(String pattern, Choices choices) {
        PatternGenerator parser = new PatternGenerator(pattern);
        Node node = parser.alternation();
        if (parser.pos != pattern.length()) {
            choices.reject("unsupported pattern " + pattern);
        }
        StringBuilder out = new StringBuilder();
        node.emit(choices, out);
        return out.toString();
    }

    private interface Node {
        void emit(Choices choices, StringBuilder out);
    }

    private record Literal(char c) implements Node {
        public void emit(Choices choices, StringBuilder out) {
            out.append(c);
        }
    }

    private record CharSet(String chars) implements Node {
        public void emit(Choices choices, StringBuilder out) {
            out.append(chars.charAt(choices.pick(chars.length())));
        }
    }

    private record Sequence(List<Node> parts) implements Node {
        public void emit(Choices choices, StringBuilder out) {
            for (Node part : parts) {
                part.emit(choices, out);
            }
        }
    }

    private record Alternation(List<Node> options) implements Node {
        public void emit(Choices choices, StringBuilder out) {
            options.get(choices.pick(options.size())).emit(choices, out);
        }
    }

    private record Repeat(Node body, int min, int max) implements Node {
        public void emit(Choices choices, StringBuilder out) {
            int count = choices.drawInt(min, max);
            for (int i = 0; i < count; i++) {
                body.emit(choices, out);
            }
        }
    }

    private static final String DIGITS = "0123456789";
    private static final String WORD = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";
    private static final String PRINTABLE = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_.,:;!?";

    private Node alternation() {
        List<Node> options = new ArrayList<>();
        options.add(sequence());
        while (pos < pattern.length() && pattern.charAt(pos) == '|') {
            pos++;
            options.add(sequence());
        }
        return options.size() == 1 ? options.get(0) : new Alternation(options);
    }

    private Node sequence() {
        List<Node> parts = new ArrayList<>();
        while (pos < pattern.length() && pattern.charAt(pos) != '|' && pattern.charAt(pos) != ')') {
            Node atom = atom();
            if (atom != null) {
                parts.add(quantified(atom));
            }
        }
        return new Sequence(parts);
    }

    private Node atom() {
        char c = pattern.charAt(pos++);
        switch (c) {
            case '^', '$' -> {
                return null;
            }
            case '.' -> {
                return new CharSet(PRINTABLE);
            }
            case '(' -> {
                if (pos < pattern.length() && pattern.charAt(pos) == '?') {
                    if (pattern.startsWith("?:", pos)) {
                        pos += 2;
                    } else {
                        throw unsupported();
                    }
                }
                Node inner = alternation();
                expect(')');
                return inner;
            }
            case '[' -> {
                return charClass();
            }
            case '\\' -> {
                return escape();
            }
            case '*', '+', '?', '{' -> throw unsupported();
            default -> {
                return new Literal(c);
            }
        }
    }

    private Node escape() {
        char e = pattern.charAt(pos++);
        return switch (e) {
            case 'd' -> new CharSet(DIGITS);
            case 'w' -> new CharSet(WORD);
            case 's' -> new CharSet(" ");
            case 'D', 'W', 'S', 'b', 'B' -> throw unsupported();
            case 'n' -> new Literal('\n');
            case 't' -> new Literal('\t');
            default -> {
                if (Character.isDigit(e)) {
                    throw unsupported();
                }
                yield new Literal(e);
            }
        };
    }

    private Node charClass() {
        boolean negated = pos < pattern.length() && pattern.charAt(pos) == '^';
        if (negated) {
            pos++;
        }
        StringBuilder chars = new StringBuilder();
        boolean first = true;
        while (pos < pattern.length() && (pattern.charAt(pos) != ']' || first)) {
            first = false;
            char c = pattern.charAt(pos++);
            if (c == '\\') {
                char e = pattern.charAt(pos++);
                switch (e) {
                    case 'd' -> chars.append(DIGITS);
                    case 'w' -> chars.append(WORD);
                    case 's' -> chars.append(' ');
                    default -> chars.append(e);
                }
            } else if (pos + 1 < pattern.length() && pattern.charAt(pos) == '-' && pattern.charAt(pos + 1) != ']') {
                char end = pattern.charAt(pos + 1);
                pos += 2;
                for (char x = c; x <= end; x++) {
                    chars.append(x);
                }
            } else {
                chars.append(c);
            }
        }
        expect(']');
        if (negated) {
            StringBuilder allowed = new StringBuilder();
            for (char x : PRINTABLE.toCharArray()) {
                if (chars.indexOf(String.valueOf(x)) < 0) {
                    allowed.append(x);
                }
            }
            return new CharSet(allowed.toString());
        }
        if (chars.isEmpty()) {
            throw unsupported();
        }
        return new CharSet(chars.toString());
    }

    private Node quantified(Node atom) {
        if (pos >= pattern.length()) {
            return atom;
        }
        char q = pattern.charAt(pos);
        Node result = switch (q) {
            case '*' -> new Repeat(atom, 0, 4);
            case '+' -> new Repeat(atom, 1, 5);
            case '?' -> new Repeat(atom, 0, 1);
            case '{' -> bounded(atom);
            default -> null;
        };
        if (result == null) {
            return atom;
        }
        if (q != '{') {
            pos++;
        }
        if (pos < pattern.length() && (pattern.charAt(pos) == '?' || pattern.charAt(pos) == '+')) {
            pos++; // lazy or possessive: same language
        }
        return result;
    }

    private Node bounded(Node atom) {
        int close = pattern.indexOf('}', pos);
        if (close < 0) {
            throw unsupported();
        }
        String body = pattern.substring(pos + 1, close);
        pos = close + 1;
        try {
            int comma = body.indexOf(',');
            if (comma < 0) {
                int n = Integer.parseInt(body.trim());
                return new Repeat(atom, n, n);
            }
            int min = Integer.parseInt(body.substring(0, comma).trim());
            String maxText = body.substring(comma + 1).trim();
            int max = maxText.isEmpty() ? min + 4 : Integer.parseInt(maxText);
            return new Repeat(atom, min, max);
        } catch (NumberFormatException e) {
            throw unsupported();
        }
    }

    private void expect(char c) {
        if (pos >= pattern.length() || pattern.charAt(pos) != c) {
            throw unsupported();
        }
        pos++;
    }

    private Choices.Unsatisfiable unsupported() {
        return new Choices.Unsatisfiable("unsupported pattern construct in " + pattern + " at " + pos);
    }
}
