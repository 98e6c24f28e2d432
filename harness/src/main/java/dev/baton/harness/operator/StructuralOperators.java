package dev.baton.harness.operator;

import static dev.baton.runtime.boundary.Bucket.SCHEMA_VIOLATION;

import dev.baton.runtime.boundary.Bucket;

import dev.baton.harness.choice.Choices;
import dev.baton.harness.operator.Locations.Location;
import dev.baton.harness.schema.SchemaOracle;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Operators that keep the text well-formed JSON but break the contract's shape. */
final class StructuralOperators {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<Bucket> SCHEMA = Set.of(SCHEMA_VIOLATION);

    private StructuralOperators() {
    }

    private static String text(JsonNode value, Choices choices) {
        return Rendering.of(value, choices.drawBoolean(0.5)).text();
    }

    private static boolean declares(Location l, String keyword) {
        return l.schema() != null && l.schema().has(keyword);
    }

    private static Set<String> types(Location l) {
        JsonNode type = l.schema() == null ? null : l.schema().get("type");
        Set<String> out = new java.util.HashSet<>();
        if (type != null) {
            if (type.isArray()) {
                type.forEach(t -> out.add(t.asString()));
            } else {
                out.add(type.asString());
            }
        }
        return out;
    }

    /** A value of another JSON type than {@code original}; integer never becomes number (Schemathesis change_type). */
    private static JsonNode otherType(JsonNode original, Choices choices) {
        return otherType(original, choices, true);
    }

    /** As above; a root never becomes null, because a null document is the EMPTY bucket, not a schema matter. */
    private static JsonNode otherType(JsonNode original, Choices choices, boolean allowNull) {
        List<JsonNode> options = new ArrayList<>();
        if (!original.isString()) {
            options.add(NODES.stringNode(original.isNumber() ? original.asString() : "true"));
        }
        if (!original.isNumber()) {
            options.add(NODES.numberNode(42));
        }
        if (!original.isBoolean()) {
            options.add(NODES.booleanNode(true));
        }
        if (!original.isObject()) {
            options.add(NODES.objectNode());
        }
        if (!original.isArray()) {
            options.add(NODES.arrayNode().add(original.deepCopy()));
        }
        if (!original.isNull() && allowNull) {
            options.add(NODES.nullNode());
        }
        return options.get(choices.pick(options.size()));
    }

    private static String driftCase(String name, Choices choices) {
        return switch (choices.pick(4)) {
            case 0 -> Character.toUpperCase(name.charAt(0)) + name.substring(1);
            case 1 -> name.toUpperCase(Locale.ROOT);
            case 2 -> " " + name + " ";
            default -> name.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT) + "_";
        };
    }

    private static JsonNode requiredNames(Location l) {
        return l.schema() == null ? NODES.arrayNode() : l.schema().path("required");
    }

    static List<MalformedOperator> all() {
        return List.of(
                new MalformedOperator("type-swap", Family.STRUCTURAL, "#24, #25",
                        "a field of the wrong JSON type (Schemathesis change_type)", SCHEMA,
                        (v, ctx, c) -> {
                            Location l = Locations.pick(v, ctx.schema(), x -> x.schema() != null && declares(x, "type"),
                                    c, "typed value");
                            return text(Locations.replace(v, l.path(), otherType(l.value(), c, !l.isRoot())), c);
                        }),
                new MalformedOperator("number-as-string", Family.STRUCTURAL, "#23",
                        "a number sent as a string, possibly with units or currency", SCHEMA,
                        (v, ctx, c) -> {
                            Location l = Locations.pick(v, ctx.schema(), x -> x.value().isNumber(), c, "numeric field");
                            String n = l.value().asString();
                            String s = List.of(n, "$" + n, n + "GB", n + " hours", n + ".0").get(c.pick(5));
                            return text(Locations.replace(v, l.path(), NODES.stringNode(s)), c);
                        }),
                new MalformedOperator("number-for-string", Family.STRUCTURAL, "#24",
                        "a number where a string is required", SCHEMA,
                        (v, ctx, c) -> {
                            Location l = Locations.pick(v, ctx.schema(), x -> x.value().isString()
                                    && !types(x).isEmpty() && !types(x).contains("number") && !types(x).contains("integer"),
                                    c, "string field");
                            return text(Locations.replace(v, l.path(), NODES.numberNode(1235)), c);
                        }),
                new MalformedOperator("missing-required", Family.STRUCTURAL, "#28",
                        "a required field left out", SCHEMA,
                        (v, ctx, c) -> {
                            Location l = Locations.pick(v, ctx.schema(), x -> x.value().isObject()
                                    && !requiredNames(x).isEmpty(), c, "object with required fields");
                            JsonNode required = requiredNames(l);
                            ObjectNode copy = (ObjectNode) l.value().deepCopy();
                            copy.remove(required.get(c.pick(required.size())).asString());
                            return text(Locations.replace(v, l.path(), copy), c);
                        }),
                new MalformedOperator("empty-object", Family.STRUCTURAL, "#28",
                        "{} instead of the answer", SCHEMA,
                        (v, ctx, c) -> c.drawBoolean(0.5) ? "{}" : "{ }"),
                new MalformedOperator("null-field", Family.STRUCTURAL, "#33",
                        "null for a field that is not nullable", SCHEMA,
                        (v, ctx, c) -> {
                            Location l = Locations.pick(v, ctx.schema(), x -> !x.isRoot() && !x.value().isNull()
                                    && !types(x).isEmpty() && !types(x).contains("null"), c, "non-nullable field");
                            return text(Locations.replace(v, l.path(), NODES.nullNode()), c);
                        }),
                new MalformedOperator("extra-field", Family.STRUCTURAL, "#29",
                        "a hallucinated extra field", SCHEMA,
                        (v, ctx, c) -> {
                            Location l = Locations.pick(v, ctx.schema(), x -> x.value().isObject(), c, "object");
                            ObjectNode copy = (ObjectNode) l.value().deepCopy();
                            String name = List.of("pallets", "container_type", "confidence", "notes").get(c.pick(4));
                            if (copy.has(name)) {
                                c.reject("field already present");
                            }
                            copy.set(name, c.drawBoolean(0.5) ? NODES.numberNode(2) : NODES.stringNode("40 HC"));
                            return text(Locations.replace(v, l.path(), copy), c);
                        }),
                new MalformedOperator("key-case-drift", Family.STRUCTURAL, "#30",
                        "a key in Title-Case, UPPER case, snake_case or padded with spaces", SCHEMA,
                        (v, ctx, c) -> {
                            Location l = Locations.pick(v, ctx.schema(), x -> x.value().isObject() && !x.value().isEmpty(),
                                    c, "non-empty object");
                            List<String> names = new ArrayList<>(l.value().propertyNames());
                            String name = names.get(c.pick(names.size()));
                            String drifted = driftCase(name, c);
                            if (drifted.equals(name) || l.value().has(drifted)) {
                                c.reject("no case drift possible for " + name);
                            }
                            ObjectNode copy = NODES.objectNode();
                            for (Map.Entry<String, JsonNode> e : l.value().properties()) {
                                copy.set(e.getKey().equals(name) ? drifted : e.getKey(), e.getValue().deepCopy());
                            }
                            return text(Locations.replace(v, l.path(), copy), c);
                        }),
                new MalformedOperator("content-as-keys", Family.STRUCTURAL, "#31",
                        "content used as keys instead of the contract's structure", SCHEMA,
                        (v, ctx, c) -> {
                            ObjectNode out = NODES.objectNode();
                            out.put(List.of("The speed of light in a vacuum is faster than the speed of sound.",
                                    "Answer", "1").get(c.pick(3)), "870");
                            return text(out, c);
                        }),
                new MalformedOperator("enum-case-drift", Family.STRUCTURAL, "#26",
                        "an enum value in another case (\"Active\" for ACTIVE)", SCHEMA,
                        (v, ctx, c) -> {
                            Location l = Locations.pick(v, ctx.schema(), x -> x.value().isString() && declares(x, "enum"),
                                    c, "string enum");
                            String s = l.value().asString();
                            String drifted = switch (c.pick(3)) {
                                case 0 -> s.toLowerCase(Locale.ROOT);
                                case 1 -> s.toUpperCase(Locale.ROOT);
                                default -> s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT)
                                        + s.substring(1).toLowerCase(Locale.ROOT);
                            };
                            return text(Locations.replace(v, l.path(), NODES.stringNode(drifted)), c);
                        }),
                new MalformedOperator("enum-out-of-set", Family.STRUCTURAL, "#27",
                        "a value outside the enum", SCHEMA,
                        (v, ctx, c) -> {
                            Location l = Locations.pick(v, ctx.schema(), x -> declares(x, "enum") || declares(x, "const"),
                                    c, "enum or const");
                            JsonNode other = l.value().isString()
                                    ? NODES.stringNode(List.of("Bob", "UNKNOWN", "other", "N/A").get(c.pick(4)))
                                    : otherType(l.value(), c, !l.isRoot());
                            return text(Locations.replace(v, l.path(), other), c);
                        }),
                new MalformedOperator("wrapper-key", Family.STRUCTURAL, "#20",
                        "the answer wrapped in an extra object ({\"Answer\": ...})", SCHEMA,
                        (v, ctx, c) -> {
                            String title = ctx.schema().path("title").asString("");
                            List<String> keys = new ArrayList<>(List.of("Answer", "result", "data", "output"));
                            if (!title.isBlank()) {
                                keys.add(title);
                            }
                            ObjectNode out = NODES.objectNode();
                            out.set(keys.get(c.pick(keys.size())), v.deepCopy());
                            return text(out, c);
                        }),
                new MalformedOperator("bare-array-for-wrapper", Family.STRUCTURAL, "#20",
                        "a bare array where a wrapping object was expected", SCHEMA,
                        (v, ctx, c) -> {
                            List<Location> arrays = Locations.of(v, ctx.schema()).stream()
                                    .filter(x -> x.value().isArray()).toList();
                            JsonNode out = arrays.isEmpty() ? NODES.arrayNode().add(v.deepCopy())
                                    : arrays.get(c.pick(arrays.size())).value().deepCopy();
                            return text(out, c);
                        }),
                new MalformedOperator("schema-echo", Family.STRUCTURAL, "#21",
                        "the schema (or its keywords) echoed as data", SCHEMA,
                        (v, ctx, c) -> {
                            if (c.drawBoolean(0.5)) {
                                return text(ctx.schema(), c);
                            }
                            ObjectNode out = NODES.objectNode();
                            out.put("type", v.isArray() ? "array" : "object");
                            out.set(v.isArray() ? "items" : "properties", v.deepCopy());
                            return text(out, c);
                        }),
                new MalformedOperator("stringified-nested-value", Family.STRUCTURAL, "#22",
                        "a nested object or array sent as a JSON string, possibly fenced", SCHEMA,
                        (v, ctx, c) -> {
                            Location l = Locations.pick(v, ctx.schema(), x -> !x.isRoot() && x.value().isContainer(),
                                    c, "nested object or array");
                            String inner = Rendering.of(l.value(), false).text();
                            String s = c.drawBoolean(0.3) ? "\n```json\n" + inner + "\n```" : inner;
                            return text(Locations.replace(v, l.path(), NODES.stringNode(s)), c);
                        }),
                new MalformedOperator("double-encoded-document", Family.STRUCTURAL, "#22",
                        "the whole answer as a JSON string (double-encoded)", SCHEMA,
                        (v, ctx, c) -> SchemaOracle.STRICT.writeValueAsString(NODES.stringNode(text(v, c)))),
                new MalformedOperator("scalar-array-swap", Family.STRUCTURAL, "#25",
                        "a single value where a list is expected, or a list where a single value is", SCHEMA,
                        (v, ctx, c) -> {
                            Location l = Locations.pick(v, ctx.schema(), x -> x.schema() != null
                                    && (x.value().isArray() && !x.value().isEmpty() || x.value().isValueNode()),
                                    c, "scalar or non-empty list");
                            JsonNode swapped = l.value().isArray() ? l.value().get(0).deepCopy()
                                    : NODES.arrayNode().add(l.value().deepCopy());
                            return text(Locations.replace(v, l.path(), swapped), c);
                        }),
                new MalformedOperator("array-for-object", Family.STRUCTURAL, "#25",
                        "a JSON array where an object was expected", SCHEMA,
                        (v, ctx, c) -> {
                            if (!v.isObject()) {
                                c.reject("the contract's root is not an object");
                            }
                            return text(c.drawBoolean(0.5) ? NODES.arrayNode().add(v.deepCopy())
                                    : NODES.arrayNode().addAll(new ArrayList<>(v.values())), c);
                        }),
                new MalformedOperator("bound-violation", Family.SYNTHETIC, "§3.3 VALUE_ABOVE_MAXIMUM",
                        "a value just beyond a numeric, length or item-count bound (Schemathesis; not LLM-evidenced)",
                        SCHEMA, MalformedOperator.Judge.SCHEMA,
                        (v, ctx, c) -> {
                            Location l = Locations.pick(v, ctx.schema(), x -> boundOf(x) != null, c, "bounded value");
                            return text(Locations.replace(v, l.path(), beyond(l, boundOf(l), c)), c);
                        }),
                new MalformedOperator("invalid-format", Family.SYNTHETIC, "§3.3 INVALID_FORMAT",
                        "a date, e-mail, uuid or uri in a free-text form (Schemathesis; not LLM-evidenced)", SCHEMA,
                        MalformedOperator.Judge.SCHEMA,
                        (v, ctx, c) -> {
                            Location l = Locations.pick(v, ctx.schema(), x -> x.value().isString() && declares(x, "format"),
                                    c, "formatted string");
                            String bad = List.of("next Tuesday", "24/11/2026", "n/a", "see above").get(c.pick(4));
                            return text(Locations.replace(v, l.path(), NODES.stringNode(bad)), c);
                        }));
    }

    private static String boundOf(Location l) {
        if (l.schema() == null) {
            return null;
        }
        for (String keyword : List.of("maximum", "minimum", "maxLength", "minLength", "maxItems", "minItems")) {
            if (l.schema().has(keyword)) {
                boolean numeric = keyword.endsWith("imum");
                boolean length = keyword.endsWith("Length");
                if (numeric && l.value().isNumber() || length && l.value().isString()
                        || !numeric && !length && l.value().isArray()) {
                    if (keyword.startsWith("min") && l.schema().get(keyword).asLong() <= 0 && !numeric) {
                        continue;
                    }
                    return keyword;
                }
            }
        }
        return null;
    }

    private static JsonNode beyond(Location l, String keyword, Choices choices) {
        JsonNode bound = l.schema().get(keyword);
        long step = 1 + choices.drawInt(0, 9);
        return switch (keyword) {
            case "maximum" -> NODES.numberNode(bound.decimalValue().add(BigDecimal.valueOf(step)));
            case "minimum" -> NODES.numberNode(bound.decimalValue().subtract(BigDecimal.valueOf(step)));
            case "maxLength" -> NODES.stringNode("x".repeat((int) (bound.asLong() + step)));
            case "minLength" -> NODES.stringNode("x".repeat((int) Math.max(0, bound.asLong() - step)));
            case "maxItems" -> {
                var array = NODES.arrayNode();
                JsonNode item = l.value().isEmpty() ? NODES.nullNode() : l.value().get(0);
                for (long i = 0; i < bound.asLong() + step; i++) {
                    array.add(item.deepCopy());
                }
                yield array;
            }
            default -> {
                var array = NODES.arrayNode();
                for (long i = 0; i < Math.max(0, bound.asLong() - step); i++) {
                    array.add(l.value().get((int) i).deepCopy());
                }
                yield array;
            }
        };
    }
}
