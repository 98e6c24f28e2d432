package dev.baton.harness.generate;

import dev.baton.harness.choice.Choices;
import dev.baton.harness.choice.Gen;
import dev.baton.harness.schema.SchemaOracle;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates valid JSON instances from a JSON Schema (draft 2020-12 and draft-07): types,
 * {@code required}, {@code properties}, {@code additionalProperties}, {@code items} /
 * {@code prefixItems}, {@code enum} / {@code const}, numeric and string bounds, simple
 * {@code pattern}s, the formats date, date-time, email, uuid and uri, local {@code $ref}s and
 * {@code allOf} / {@code anyOf} / {@code oneOf}. Every instance is checked by the real validator;
 * one that fails (an unsatisfiable combination the generator cannot see) abandons the attempt.
 */
public final class SchemaGenerator implements Gen<JsonNode> {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 8;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.";

    private final JsonNode root;
    private final SchemaOracle oracle;

    private SchemaGenerator(JsonNode root, SchemaOracle oracle) {
        this.root = root;
        this.oracle = oracle;
    }

    /** A generator of instances valid against {@code oracle}'s schema. */
    public static SchemaGenerator of(SchemaOracle oracle) {
        return new SchemaGenerator(oracle.schemaNode(), oracle);
    }

    @Override
    public JsonNode generate(Choices choices) {
        JsonNode value = generate(root, choices, 0);
        if (!oracle.isValid(value)) {
            choices.reject("generated value is not valid against the schema: " + oracle.errors(value));
        }
        return value;
    }

    private JsonNode generate(JsonNode schema, Choices choices, int depth) {
        if (schema.isBoolean()) {
            if (!schema.booleanValue()) {
                choices.reject("schema false admits nothing");
            }
            return anyScalar(choices);
        }
        JsonNode s = normalise(schema, choices, 0);
        if (s.has("const")) {
            return s.get("const").deepCopy();
        }
        if (s.has("enum")) {
            JsonNode values = s.get("enum");
            if (values.isEmpty()) {
                choices.reject("empty enum");
            }
            return values.get(choices.pick(values.size())).deepCopy();
        }
        String type = pickType(s, choices);
        return switch (type) {
            case "object" -> object(s, choices, depth);
            case "array" -> array(s, choices, depth);
            case "string" -> NODES.stringNode(string(s, choices));
            case "integer" -> NODES.numberNode(integer(s, choices));
            case "number" -> NODES.numberNode(number(s, choices));
            case "boolean" -> NODES.booleanNode(choices.drawBoolean(0.5));
            case "null" -> NODES.nullNode();
            default -> {
                choices.reject("unknown type " + type);
                yield NODES.nullNode();
            }
        };
    }

    /** Resolves $ref and folds allOf / anyOf / oneOf into one schema object. */
    private JsonNode normalise(JsonNode schema, Choices choices, int hops) {
        if (hops > 32) {
            choices.reject("$ref / composition too deep in schema");
        }
        if (!schema.isObject()) {
            return schema.isBoolean() && schema.booleanValue() ? NODES.objectNode() : schema;
        }
        ObjectNode s = (ObjectNode) schema.deepCopy();
        if (s.has("$ref")) {
            JsonNode target = resolve(s.remove("$ref").asString(), choices);
            return normalise(SchemaMerge.merge(normalise(target, choices, hops + 1), s), choices, hops + 1);
        }
        if (s.has("allOf")) {
            JsonNode all = s.remove("allOf");
            JsonNode merged = s;
            for (JsonNode part : all) {
                merged = SchemaMerge.merge(merged, normalise(part, choices, hops + 1));
            }
            return normalise(merged, choices, hops + 1);
        }
        for (String key : List.of("anyOf", "oneOf")) {
            if (s.has(key)) {
                JsonNode options = s.remove(key);
                if (options.isEmpty()) {
                    choices.reject("empty " + key);
                }
                JsonNode chosen = normalise(options.get(choices.pick(options.size())), choices, hops + 1);
                return normalise(SchemaMerge.merge(s, chosen), choices, hops + 1);
            }
        }
        return s;
    }

    private JsonNode resolve(String ref, Choices choices) {
        if (!ref.startsWith("#")) {
            choices.reject("only local $ref is supported by the generator: " + ref);
        }
        JsonNode target = ref.equals("#") ? root : root.at(ref.substring(1));
        if (target.isMissingNode()) {
            choices.reject("unresolved $ref " + ref);
        }
        return target;
    }

    private String pickType(JsonNode s, Choices choices) {
        JsonNode type = s.get("type");
        if (type != null) {
            List<String> options = new ArrayList<>(SchemaMerge.types(type));
            if (options.isEmpty()) {
                choices.reject("no type satisfies the schema");
            }
            return options.get(choices.pick(options.size()));
        }
        if (s.has("properties") || s.has("required") || s.has("additionalProperties")) {
            return "object";
        }
        if (s.has("items") || s.has("prefixItems") || s.has("minItems")) {
            return "array";
        }
        if (s.has("minLength") || s.has("maxLength") || s.has("pattern") || s.has("format")) {
            return "string";
        }
        if (s.has("minimum") || s.has("maximum") || s.has("multipleOf")) {
            return "number";
        }
        return List.of("string", "integer", "boolean", "null").get(choices.pick(4));
    }

    private JsonNode object(JsonNode s, Choices choices, int depth) {
        ObjectNode out = NODES.objectNode();
        Set<String> required = new HashSet<>();
        s.path("required").forEach(n -> required.add(n.asString()));
        JsonNode properties = s.path("properties");
        int maxProps = s.has("maxProperties") ? s.get("maxProperties").asInt() : Integer.MAX_VALUE;
        for (Map.Entry<String, JsonNode> p : properties.properties()) {
            String name = p.getKey();
            boolean include = required.contains(name);
            if (!include && depth < MAX_DEPTH && out.size() < maxProps - countMissing(required, out, name)) {
                choices.startSpan();
                include = choices.drawBoolean(0.5);
                if (include) {
                    out.set(name, generate(p.getValue(), choices, depth + 1));
                }
                choices.endSpan();
                continue;
            }
            if (include) {
                out.set(name, generate(p.getValue(), choices, depth + 1));
            }
        }
        for (String name : required) {
            if (!out.has(name)) {
                // required without a property schema: any value the additionalProperties allow
                out.set(name, generate(additional(s), choices, depth + 1));
            }
        }
        int minProps = s.path("minProperties").asInt(0);
        int extra = 0;
        while (out.size() < minProps) {
            JsonNode schema = additional(s);
            if (schema.isBoolean() && !schema.booleanValue()) {
                choices.reject("minProperties cannot be met without additional properties");
            }
            out.set("extra" + extra++, generate(schema, choices, depth + 1));
        }
        return out;
    }

    private static int countMissing(Set<String> required, ObjectNode out, String current) {
        int missing = 0;
        for (String r : required) {
            if (!out.has(r) && !r.equals(current)) {
                missing++;
            }
        }
        return missing;
    }

    private static JsonNode additional(JsonNode s) {
        JsonNode additional = s.get("additionalProperties");
        return additional == null ? NODES.booleanNode(true) : additional;
    }

    private JsonNode array(JsonNode s, Choices choices, int depth) {
        ArrayNode out = NODES.arrayNode();
        JsonNode prefix = s.get("prefixItems");
        JsonNode items = s.get("items");
        if (prefix == null && items != null && items.isArray()) {
            // draft-07 tuple form
            prefix = items;
            items = s.get("additionalItems");
        }
        int min = s.path("minItems").asInt(0);
        int max = s.has("maxItems") ? s.get("maxItems").asInt() : min + 6;
        int prefixSize = prefix == null ? 0 : prefix.size();
        if (items != null && items.isBoolean() && !items.booleanValue()) {
            max = Math.min(max, prefixSize);
        }
        boolean unique = s.path("uniqueItems").asBoolean(false);
        while (out.size() < max) {
            choices.startSpan();
            boolean more = out.size() < min || (depth < MAX_DEPTH && choices.drawBoolean(0.6));
            if (!more) {
                choices.endSpan();
                break;
            }
            int index = out.size();
            JsonNode itemSchema = index < prefixSize ? prefix.get(index) : items == null ? NODES.booleanNode(true) : items;
            JsonNode item = generate(itemSchema, choices, depth + 1);
            choices.endSpan();
            if (unique && contains(out, item)) {
                if (out.size() < min) {
                    choices.reject("could not generate unique items");
                }
                break;
            }
            out.add(item);
        }
        return out;
    }

    private static boolean contains(ArrayNode array, JsonNode item) {
        for (JsonNode x : array) {
            if (x.equals(item)) {
                return true;
            }
        }
        return false;
    }

    private String string(JsonNode s, Choices choices) {
        if (s.has("format")) {
            String formatted = Formats.generate(s.get("format").asString(), choices);
            if (formatted != null) {
                return formatted;
            }
        }
        if (s.has("pattern")) {
            return PatternGenerator.generate(s.get("pattern").asString(), choices);
        }
        int min = s.path("minLength").asInt(0);
        int max = s.has("maxLength") ? s.get("maxLength").asInt() : min + 12;
        int length = choices.drawInt(min, Math.max(min, Math.min(max, min + 12)));
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(choices.pick(ALPHABET.length())));
        }
        return out.toString();
    }

    private long integer(JsonNode s, Choices choices) {
        long lo = Long.MIN_VALUE / 4;
        long hi = Long.MAX_VALUE / 4;
        if (s.has("minimum")) {
            lo = s.get("minimum").decimalValue().setScale(0, java.math.RoundingMode.CEILING).longValue();
        }
        if (s.has("exclusiveMinimum") && s.get("exclusiveMinimum").isNumber()) {
            lo = Math.max(lo, s.get("exclusiveMinimum").decimalValue().setScale(0, java.math.RoundingMode.FLOOR).longValue() + 1);
        }
        if (s.has("maximum")) {
            hi = s.get("maximum").decimalValue().setScale(0, java.math.RoundingMode.FLOOR).longValue();
        }
        if (s.has("exclusiveMaximum") && s.get("exclusiveMaximum").isNumber()) {
            hi = Math.min(hi, s.get("exclusiveMaximum").decimalValue().setScale(0, java.math.RoundingMode.CEILING).longValue() - 1);
        }
        if (lo > hi) {
            choices.reject("empty integer range");
        }
        long multiple = s.has("multipleOf") && s.get("multipleOf").isIntegralNumber() ? s.get("multipleOf").asLong() : 1;
        long kLo = Math.floorDiv(lo + multiple - 1, multiple);
        long kHi = Math.floorDiv(hi, multiple);
        if (kLo > kHi) {
            choices.reject("no multiple of " + multiple + " in range");
        }
        return towardZero(kLo, kHi, choices) * multiple;
    }

    /** A long in [lo, hi] whose simplest choice is 0, or the bound nearest to 0. Spreads over a modest range. */
    static long towardZero(long lo, long hi, Choices choices) {
        long span = 1000;
        if (lo >= 0) {
            return lo + choices.draw(Math.min(hi - lo, span));
        }
        if (hi <= 0) {
            return hi - choices.draw(Math.min(hi - lo, span));
        }
        boolean negative = choices.drawBoolean(0.3);
        return negative ? -Math.min(-lo, 1 + choices.draw(Math.min(-lo - 1, span))) : choices.draw(Math.min(hi, span));
    }

    private BigDecimal number(JsonNode s, Choices choices) {
        if (s.has("multipleOf")) {
            BigDecimal step = s.get("multipleOf").decimalValue();
            BigDecimal lo = lowerBound(s);
            BigDecimal hi = upperBound(s);
            long kLo = lo == null ? -1000 : lo.divide(step, 0, java.math.RoundingMode.CEILING).longValue();
            long kHi = hi == null ? kLo + 1000 : hi.divide(step, 0, java.math.RoundingMode.FLOOR).longValue();
            if (kLo > kHi) {
                choices.reject("no multiple in range");
            }
            return step.multiply(BigDecimal.valueOf(towardZero(kLo, kHi, choices)));
        }
        BigDecimal lo = lowerBound(s);
        BigDecimal hi = upperBound(s);
        // hundredths: decimals appear, and the shrinker can still walk down to integers
        long loH = lo == null ? Long.MIN_VALUE / 4 : lo.movePointRight(2).setScale(0, java.math.RoundingMode.CEILING).longValue();
        long hiH = hi == null ? Long.MAX_VALUE / 4 : hi.movePointRight(2).setScale(0, java.math.RoundingMode.FLOOR).longValue();
        if (s.has("exclusiveMinimum") && s.get("exclusiveMinimum").isNumber()
                && BigDecimal.valueOf(loH, 2).compareTo(s.get("exclusiveMinimum").decimalValue()) <= 0) {
            loH++;
        }
        if (s.has("exclusiveMaximum") && s.get("exclusiveMaximum").isNumber()
                && BigDecimal.valueOf(hiH, 2).compareTo(s.get("exclusiveMaximum").decimalValue()) >= 0) {
            hiH--;
        }
        if (loH > hiH) {
            choices.reject("empty number range");
        }
        long hundredths = towardZero(loH, hiH, choices);
        boolean whole = choices.drawBoolean(0.5) || hundredths % 100 == 0;
        if (!whole) {
            return BigDecimal.valueOf(hundredths, 2).stripTrailingZeros();
        }
        long rounded = hundredths / 100 * 100;
        if (rounded < loH || rounded > hiH) {
            rounded = hundredths;
        }
        return BigDecimal.valueOf(rounded, 2).setScale(0, java.math.RoundingMode.DOWN).compareTo(BigDecimal.valueOf(rounded, 2)) == 0
                ? BigDecimal.valueOf(rounded / 100)
                : BigDecimal.valueOf(rounded, 2).stripTrailingZeros();
    }

    private static BigDecimal lowerBound(JsonNode s) {
        BigDecimal lo = s.has("minimum") ? s.get("minimum").decimalValue() : null;
        if (s.has("exclusiveMinimum") && s.get("exclusiveMinimum").isNumber()) {
            BigDecimal ex = s.get("exclusiveMinimum").decimalValue();
            lo = lo == null || ex.compareTo(lo) > 0 ? ex : lo;
        }
        return lo;
    }

    private static BigDecimal upperBound(JsonNode s) {
        BigDecimal hi = s.has("maximum") ? s.get("maximum").decimalValue() : null;
        if (s.has("exclusiveMaximum") && s.get("exclusiveMaximum").isNumber()) {
            BigDecimal ex = s.get("exclusiveMaximum").decimalValue();
            hi = hi == null || ex.compareTo(hi) < 0 ? ex : hi;
        }
        return hi;
    }

    private JsonNode anyScalar(Choices choices) {
        return switch (choices.pick(4)) {
            case 0 -> NODES.stringNode(string(NODES.objectNode(), choices));
            case 1 -> NODES.numberNode(towardZero(-1000, 1000, choices));
            case 2 -> NODES.booleanNode(choices.drawBoolean(0.5));
            default -> NODES.nullNode();
        };
    }
}
