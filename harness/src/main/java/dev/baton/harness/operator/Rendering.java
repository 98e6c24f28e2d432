package dev.baton.harness.operator;

import dev.baton.harness.schema.SchemaOracle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A JSON value written as text, with the position of every token, so lexical operators can edit
 * exactly one token (a closing bracket, a string's quotes, a number) and stay reproducible.
 *
 * @param text  the rendered JSON
 * @param sites every token, in text order
 */
public record Rendering(String text, List<Site> sites) {

    /** Token kinds. */
    public enum Kind { OPEN_OBJECT, CLOSE_OBJECT, OPEN_ARRAY, CLOSE_ARRAY, KEY, STRING, NUMBER, TRUE, FALSE, NULL, COMMA, COLON }

    /**
     * One token.
     *
     * @param kind     what it is
     * @param start    offset of its first character
     * @param end      offset after its last character
     * @param nonEmpty for brackets: whether the container has members
     */
    public record Site(Kind kind, int start, int end, boolean nonEmpty) {

        public boolean isValue() {
            return switch (kind) {
                case STRING, NUMBER, TRUE, FALSE, NULL -> true;
                default -> false;
            };
        }
    }

    public Rendering {
        sites = List.copyOf(sites);
    }

    /** Renders {@code value} compactly or indented by two spaces, as models do both. */
    public static Rendering of(JsonNode value, boolean pretty) {
        Writer writer = new Writer(pretty);
        writer.write(value, 0);
        return new Rendering(writer.out.toString(), writer.sites);
    }

    /** Sites of the given kinds. */
    public List<Site> sites(Kind... kinds) {
        List<Site> out = new ArrayList<>();
        for (Site site : sites) {
            for (Kind kind : kinds) {
                if (site.kind() == kind) {
                    out.add(site);
                }
            }
        }
        return out;
    }

    /** Replaces {@code site}'s text with {@code replacement}. */
    public String replace(Site site, String replacement) {
        return text.substring(0, site.start()) + replacement + text.substring(site.end());
    }

    /** Inserts {@code insertion} at {@code offset}. */
    public String insert(int offset, String insertion) {
        return text.substring(0, offset) + insertion + text.substring(offset);
    }

    private static final class Writer {
        private final boolean pretty;
        private final StringBuilder out = new StringBuilder();
        private final List<Site> sites = new ArrayList<>();

        Writer(boolean pretty) {
            this.pretty = pretty;
        }

        void write(JsonNode node, int depth) {
            if (node.isObject()) {
                boolean nonEmpty = !node.isEmpty();
                token(Kind.OPEN_OBJECT, "{", nonEmpty);
                boolean first = true;
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    if (!first) {
                        token(Kind.COMMA, ",", false);
                    }
                    first = false;
                    newline(depth + 1);
                    token(Kind.KEY, quote(e.getKey()), false);
                    token(Kind.COLON, ":", false);
                    if (pretty) {
                        out.append(' ');
                    }
                    write(e.getValue(), depth + 1);
                }
                if (nonEmpty) {
                    newline(depth);
                }
                token(Kind.CLOSE_OBJECT, "}", nonEmpty);
            } else if (node.isArray()) {
                boolean nonEmpty = !node.isEmpty();
                token(Kind.OPEN_ARRAY, "[", nonEmpty);
                boolean first = true;
                for (JsonNode item : node) {
                    if (!first) {
                        token(Kind.COMMA, ",", false);
                    }
                    first = false;
                    newline(depth + 1);
                    write(item, depth + 1);
                }
                if (nonEmpty) {
                    newline(depth);
                }
                token(Kind.CLOSE_ARRAY, "]", nonEmpty);
            } else if (node.isString()) {
                token(Kind.STRING, quote(node.asString()), false);
            } else if (node.isNumber()) {
                token(Kind.NUMBER, node.toString(), false);
            } else if (node.isBoolean()) {
                token(node.booleanValue() ? Kind.TRUE : Kind.FALSE, node.toString(), false);
            } else {
                token(Kind.NULL, "null", false);
            }
        }

        private void token(Kind kind, String text, boolean nonEmpty) {
            int start = out.length();
            out.append(text);
            sites.add(new Site(kind, start, out.length(), nonEmpty));
        }

        private void newline(int depth) {
            if (pretty) {
                out.append('\n').append("  ".repeat(depth));
            }
        }

        private static String quote(String s) {
            return SchemaOracle.STRICT.writeValueAsString(JsonNodeFactory.instance.stringNode(s));
        }
    }
}
