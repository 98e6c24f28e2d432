package dev.baton.harness.operator;

import static dev.baton.runtime.boundary.Bucket.INVALID_ENCODING;
import static dev.baton.runtime.boundary.Bucket.NOT_JSON;
import static dev.baton.runtime.boundary.Bucket.TRUNCATED;

import dev.baton.harness.choice.Choices;
import dev.baton.harness.operator.Rendering.Kind;
import dev.baton.harness.operator.Rendering.Site;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Operators that break the JSON text itself, one token at a time. */
final class LexicalOperators {

    private LexicalOperators() {
    }

    private static Rendering render(JsonNode valid, Choices choices) {
        return Rendering.of(valid, choices.drawBoolean(0.5));
    }

    private static Site pick(List<Site> sites, Choices choices, String what) {
        if (sites.isEmpty()) {
            choices.reject("the value has no " + what);
        }
        return sites.get(choices.pick(sites.size()));
    }

    /** An offset strictly inside a string token (after its opening quote, before its closing one). */
    private static int inside(Site site, Choices choices) {
        return site.start() + 1 + choices.drawInt(0, site.end() - site.start() - 2);
    }

    static List<MalformedOperator> all() {
        return List.of(
                new MalformedOperator("truncation", Family.LEXICAL, "#5",
                        "output cut at a byte offset (max tokens reached)", Set.of(TRUNCATED),
                        (v, ctx, c) -> {
                            String t = render(v, c).text();
                            if (t.length() < 2) {
                                c.reject("too short to truncate");
                            }
                            // shrinks toward cutting early: the simplest truncated value is a lone '{'
                            return t.substring(0, 1 + c.drawInt(0, t.length() - 2));
                        }),
                new MalformedOperator("repetition-truncation", Family.LEXICAL, "#7",
                        "a repetition loop over list items, then a cut mid-item", Set.of(TRUNCATED),
                        (v, ctx, c) -> {
                            ArrayNode repeated = JsonNodeFactory.instance.arrayNode();
                            JsonNode item = v.isArray() && !v.isEmpty() ? v.get(0) : v;
                            int count = 3 + c.drawInt(0, 20);
                            for (int i = 0; i < count; i++) {
                                repeated.add(item.deepCopy());
                            }
                            String t = Rendering.of(repeated, false).text();
                            int from = t.length() / 2;
                            return t.substring(0, from + c.drawInt(0, t.length() - from - 2));
                        }),
                new MalformedOperator("runaway-whitespace", Family.LEXICAL, "#8",
                        "whitespace padding that runs until the token limit", Set.of(TRUNCATED),
                        (v, ctx, c) -> {
                            Rendering r = render(v, c);
                            Site site = pick(r.sites(Kind.OPEN_OBJECT, Kind.OPEN_ARRAY, Kind.COMMA, Kind.COLON), c,
                                    "container to pad");
                            String pad = (c.drawBoolean(0.5) ? "\n" : " ").repeat(64 + c.drawInt(0, 4000));
                            return r.text().substring(0, site.end()) + pad;
                        }),
                new MalformedOperator("trailing-comma", Family.LEXICAL, "#9",
                        "a comma before a closing bracket", Set.of(NOT_JSON),
                        (v, ctx, c) -> {
                            Rendering r = render(v, c);
                            List<Site> closers = r.sites(Kind.CLOSE_OBJECT, Kind.CLOSE_ARRAY).stream()
                                    .filter(Site::nonEmpty).toList();
                            Site close = pick(closers, c, "non-empty object or array");
                            int at = close.start();
                            while (at > 0 && Character.isWhitespace(r.text().charAt(at - 1))) {
                                at--;
                            }
                            return r.insert(at, ",");
                        }),
                new MalformedOperator("single-quotes", Family.LEXICAL, "#10",
                        "Python-repr single quotes around keys or strings", Set.of(NOT_JSON),
                        (v, ctx, c) -> {
                            Rendering r = render(v, c);
                            List<Site> strings = r.sites(Kind.KEY, Kind.STRING).stream()
                                    .filter(s -> !r.text().substring(s.start(), s.end()).contains("'")).toList();
                            if (strings.isEmpty()) {
                                c.reject("the value has no string or key");
                            }
                            boolean all = c.drawBoolean(0.5);
                            Site only = strings.get(c.pick(strings.size()));
                            StringBuilder out = new StringBuilder(r.text());
                            for (Site s : strings) {
                                if (all || s.equals(only)) {
                                    out.setCharAt(s.start(), '\'');
                                    out.setCharAt(s.end() - 1, '\'');
                                }
                            }
                            return out.toString();
                        }),
                new MalformedOperator("comments", Family.LEXICAL, "#11",
                        "a # or // comment after a value", Set.of(NOT_JSON),
                        (v, ctx, c) -> {
                            Rendering r = Rendering.of(v, true);
                            Site site = pick(r.sites().stream().filter(Site::isValue).toList(), c, "value");
                            String comment = List.of("  # included in the standard library", "  // estimated",
                                    " /* see above */").get(c.pick(3));
                            return r.insert(site.end(), comment);
                        }),
                new MalformedOperator("python-literals", Family.LEXICAL, "#12",
                        "True, False or None instead of true, false, null", Set.of(NOT_JSON),
                        (v, ctx, c) -> {
                            Rendering r = render(v, c);
                            List<Site> literals = r.sites(Kind.TRUE, Kind.FALSE, Kind.NULL);
                            if (!literals.isEmpty()) {
                                Site s = literals.get(c.pick(literals.size()));
                                String py = switch (s.kind()) {
                                    case TRUE -> "True";
                                    case FALSE -> "False";
                                    default -> "None";
                                };
                                return r.replace(s, py);
                            }
                            Site s = pick(r.sites().stream().filter(Site::isValue).toList(), c, "value");
                            return r.replace(s, List.of("None", "True", "False").get(c.pick(3)));
                        }),
                new MalformedOperator("raw-control-character", Family.LEXICAL, "#13",
                        "a raw newline or tab inside a string", Set.of(NOT_JSON),
                        (v, ctx, c) -> {
                            Rendering r = render(v, c);
                            Site s = pick(r.sites(Kind.STRING, Kind.KEY), c, "string or key");
                            return r.insert(inside(s, c), c.drawBoolean(0.5) ? "\t" : "\n                         ");
                        }),
                new MalformedOperator("unescaped-quote", Family.LEXICAL, "#14",
                        "a bare double quote inside a string", Set.of(NOT_JSON),
                        (v, ctx, c) -> {
                            Rendering r = render(v, c);
                            Site s = pick(r.sites(Kind.STRING, Kind.KEY), c, "string or key");
                            return r.insert(inside(s, c), "\"x");
                        }),
                new MalformedOperator("bad-escape", Family.LEXICAL, "#15",
                        "an invalid escape such as \\' inside a string", Set.of(NOT_JSON),
                        (v, ctx, c) -> {
                            Rendering r = render(v, c);
                            Site s = pick(r.sites(Kind.STRING, Kind.KEY), c, "string or key");
                            return r.insert(inside(s, c), List.of("\\'", "\\x41", "\\a").get(c.pick(3)));
                        }),
                new MalformedOperator("extra-closing-bracket", Family.LEXICAL, "#16",
                        "an extra } or ] after a container", Set.of(NOT_JSON),
                        (v, ctx, c) -> {
                            Rendering r = render(v, c);
                            List<Site> closers = r.sites(Kind.CLOSE_OBJECT, Kind.CLOSE_ARRAY);
                            if (closers.isEmpty()) {
                                return r.text() + "}";
                            }
                            Site s = closers.get(c.pick(closers.size()));
                            return r.insert(s.end(), c.drawBoolean(0.5) ? "]" : "}");
                        }),
                new MalformedOperator("missing-closing-bracket", Family.LEXICAL, "#16",
                        "closing brackets missing at the end", Set.of(TRUNCATED),
                        (v, ctx, c) -> {
                            String t = Rendering.of(v, false).text();
                            int trailing = 0;
                            while (trailing < t.length() && "}]".indexOf(t.charAt(t.length() - 1 - trailing)) >= 0) {
                                trailing++;
                            }
                            if (trailing == 0) {
                                c.reject("the value has no closing bracket");
                            }
                            return t.substring(0, t.length() - 1 - c.drawInt(0, trailing - 1));
                        }),
                new MalformedOperator("smart-quotes", Family.LEXICAL, "#35",
                        "typographic quotes instead of \"", Set.of(NOT_JSON),
                        (v, ctx, c) -> {
                            Rendering r = render(v, c);
                            Site s = pick(r.sites(Kind.STRING, Kind.KEY), c, "string or key");
                            String token = r.text().substring(s.start() + 1, s.end() - 1);
                            return r.replace(s, "\u201C" + token + "\u201D");
                        }),
                new MalformedOperator("zero-width-character", Family.SYNTHETIC, "#35",
                        "a zero-width character between tokens (CATS fuzzers; not LLM-evidenced)", Set.of(NOT_JSON),
                        MalformedOperator.Judge.TEXT,
                        (v, ctx, c) -> {
                            Rendering r = render(v, c);
                            List<Site> sites = r.sites();
                            Site s = sites.get(c.pick(sites.size()));
                            return r.insert(s.start(), List.of("\u200B", "\u200D", "\u2060").get(c.pick(3)));
                        }),
                new MalformedOperator("byte-order-mark", Family.SYNTHETIC, "#37",
                        "a UTF-8 BOM before the JSON (not LLM-evidenced)", Set.of(NOT_JSON), MalformedOperator.Judge.TEXT,
                        (v, ctx, c) -> "\uFEFF" + render(v, c).text()),
                new MalformedOperator("nan-infinity", Family.SYNTHETIC, "#37",
                        "NaN or Infinity as a number (not LLM-evidenced)", Set.of(NOT_JSON), MalformedOperator.Judge.TEXT,
                        (v, ctx, c) -> {
                            Rendering r = render(v, c);
                            List<Site> numbers = r.sites(Kind.NUMBER);
                            List<Site> targets = numbers.isEmpty()
                                    ? r.sites().stream().filter(Site::isValue).toList() : numbers;
                            Site s = pick(targets, c, "value");
                            return r.replace(s, List.of("NaN", "Infinity", "-Infinity").get(c.pick(3)));
                        }),
                new MalformedOperator("ellipsis", Family.LEXICAL, "#34",
                        "... as a placeholder element", Set.of(NOT_JSON),
                        (v, ctx, c) -> {
                            Rendering r = render(v, c);
                            List<Site> arrays = r.sites(Kind.CLOSE_ARRAY).stream().filter(Site::nonEmpty).toList();
                            if (!arrays.isEmpty()) {
                                return r.insert(arrays.get(c.pick(arrays.size())).start(), ", ...");
                            }
                            Site s = pick(r.sites(Kind.CLOSE_OBJECT, Kind.CLOSE_ARRAY), c, "object or array");
                            return r.insert(s.start(), s.nonEmpty() ? ", ..." : "...");
                        }),
                new MalformedOperator("duplicate-keys", Family.SYNTHETIC, "#37",
                        "the same key twice in one object (not LLM-evidenced)", Set.of(NOT_JSON), MalformedOperator.Judge.TEXT,
                        (v, ctx, c) -> {
                            Rendering r = render(v, c);
                            List<Site> sites = r.sites();
                            List<Integer> opens = new ArrayList<>();
                            for (int i = 0; i < sites.size(); i++) {
                                if (sites.get(i).kind() == Kind.OPEN_OBJECT && sites.get(i).nonEmpty()) {
                                    opens.add(i);
                                }
                            }
                            if (opens.isEmpty()) {
                                c.reject("the value has no non-empty object");
                            }
                            int open = opens.get(c.pick(opens.size()));
                            Site key = sites.get(open + 1);
                            String keyText = r.text().substring(key.start(), key.end());
                            String value = List.of("null", "0", "\"\"", "true").get(c.pick(4));
                            return r.insert(sites.get(open).end(), keyText + ":" + value + ",");
                        }),
                new MalformedOperator("unpaired-surrogate", Family.SYNTHETIC, "#37",
                        "a lone UTF-16 surrogate, i.e. text that is not valid UTF-8 (not LLM-evidenced)",
                        Set.of(INVALID_ENCODING), MalformedOperator.Judge.LIMITS,
                        (v, ctx, c) -> {
                            Rendering r = render(v, c);
                            Site s = pick(r.sites(Kind.STRING, Kind.KEY), c, "string or key");
                            return r.insert(inside(s, c), c.drawBoolean(0.5) ? "\uDC00" : "\uD800");
                        }));
    }
}
