package dev.baton.runtime.contract;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaContext;
import com.networknt.schema.format.Format;
import com.networknt.schema.format.Formats;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A fast, conservative acceptance check for the schema subset that records generate (and most hand-written
 * boundary schemas use): {@code type}, {@code properties}, {@code required}, {@code additionalProperties},
 * {@code items}, {@code enum}, {@code const}, numeric and length bounds, {@code uniqueItems}, {@code anyOf},
 * local {@code $ref}s and the formats networknt itself checks.
 *
 * <p>It only ever says "certainly valid". Whenever it is unsure (an unsupported keyword anywhere in the
 * schema, numbers that JSON equality might treat differently, a non-integral {@code 1.0}...) it answers
 * false and the boundary asks networknt, which also produces the precise violations. So a payload is never
 * accepted that networknt would reject, and a valid payload, the hot path, skips the general validator.
 */
final class FastAcceptance {

    private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$comment", "title", "description",
            "examples", "default", "deprecated", "readOnly", "writeOnly", "$defs", "definitions");
    private static final Map<String, Format> FORMATS = new HashMap<>();

    static {
        for (Format format : Formats.DEFAULT) {
            FORMATS.put(format.getName(), format);
        }
    }

    private final JsonNode root;
    private final SchemaContext schemaContext;

    private FastAcceptance(JsonNode root, SchemaContext schemaContext) {
        this.root = root;
        this.schemaContext = schemaContext;
    }

    /** @return a checker for {@code schemaNode}, or null if the schema uses anything outside the subset */
    static FastAcceptance of(JsonNode schemaNode, Schema compiled) {
        String dialect = schemaNode.path("$schema").asString(SchemaCompiler.DRAFT_2020_12);
        if (!dialect.equals(SchemaCompiler.DRAFT_2020_12)) {
            return null;
        }
        if (!supported(schemaNode, schemaNode, new HashSet<>(), 0)) {
            return null;
        }
        return new FastAcceptance(schemaNode, compiled.getSchemaContext());
    }

    private static boolean supported(JsonNode root, JsonNode schema, Set<String> seenRefs, int depth) {
        if (depth > 64) {
            return false;
        }
        if (schema.isBoolean()) {
            return true;
        }
        if (!schema.isObject()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> entry : schema.properties()) {
            String keyword = entry.getKey();
            JsonNode value = entry.getValue();
            if (ANNOTATIONS.contains(keyword)) {
                if ((keyword.equals("$defs") || keyword.equals("definitions")) && value.isObject()) {
                    for (Map.Entry<String, JsonNode> def : value.properties()) {
                        if (!supported(root, def.getValue(), seenRefs, depth + 1)) {
                            return false;
                        }
                    }
                }
                if (keyword.equals("$id") && schema != root) {
                    return false; // embedded resources change $ref resolution
                }
                continue;
            }
            boolean ok = switch (keyword) {
                case "type" -> value.isString() || value.isArray();
                case "required" -> value.isArray();
                case "enum" -> value.isArray();
                case "const" -> true;
                case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum" -> value.isNumber();
                case "minLength", "maxLength", "minItems", "maxItems" -> value.isIntegralNumber();
                case "uniqueItems" -> value.isBoolean();
                case "format" -> value.isString() && FORMATS.containsKey(value.asString());
                case "$ref" -> value.isString() && localRef(root, value.asString()) != null;
                case "properties" -> value.isObject() && allSupported(root, value, seenRefs, depth);
                case "additionalProperties", "items" -> supported(root, value, seenRefs, depth + 1);
                case "anyOf" -> value.isArray() && allSupportedArray(root, value, seenRefs, depth);
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean allSupported(JsonNode root, JsonNode object, Set<String> seenRefs, int depth) {
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            if (!supported(root, entry.getValue(), seenRefs, depth + 1)) {
                return false;
            }
        }
        return true;
    }

    private static boolean allSupportedArray(JsonNode root, JsonNode array, Set<String> seenRefs, int depth) {
        for (JsonNode item : array) {
            if (!supported(root, item, seenRefs, depth + 1)) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode localRef(JsonNode root, String ref) {
        if (ref.equals("#")) {
            return root;
        }
        if (!ref.startsWith("#/") || ref.contains("%")) {
            return null;
        }
        JsonNode target = root.at(ref.substring(1));
        return target.isMissingNode() ? null : target;
    }

    /** @return true only if {@code value} is certainly valid against the schema */
    boolean accepts(JsonNode value) {
        return accepts(root, value, 0);
    }

    private boolean accepts(JsonNode schema, JsonNode value, int depth) {
        if (depth > 256) {
            return false;
        }
        if (schema.isBoolean()) {
            return schema.booleanValue();
        }
        JsonNode ref = schema.get("$ref");
        if (ref != null && !accepts(localRef(root, ref.asString()), value, depth + 1)) {
            return false;
        }
        JsonNode type = schema.get("type");
        if (type != null && !typeMatches(type, value)) {
            return false;
        }
        JsonNode constant = schema.get("const");
        if (constant != null && !sameJson(constant, value)) {
            return false;
        }
        JsonNode enumeration = schema.get("enum");
        if (enumeration != null && !inEnum(enumeration, value)) {
            return false;
        }
        if (value.isNumber() && !numberBounds(schema, value)) {
            return false;
        }
        if (value.isString() && !stringChecks(schema, value.asString())) {
            return false;
        }
        if (value.isArray() && !arrayChecks(schema, value, depth)) {
            return false;
        }
        if (value.isObject() && !objectChecks(schema, value, depth)) {
            return false;
        }
        JsonNode anyOf = schema.get("anyOf");
        if (anyOf != null) {
            boolean any = false;
            for (JsonNode branch : anyOf) {
                if (accepts(branch, value, depth + 1)) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    private static boolean typeMatches(JsonNode type, JsonNode value) {
        if (type.isString()) {
            return typeIs(type.asString(), value);
        }
        for (JsonNode t : type) {
            if (typeIs(t.asString(), value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean typeIs(String type, JsonNode value) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isString();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            case "number" -> value.isNumber();
            case "integer" -> value.isIntegralNumber(); // 1.0 is left to the full validator
            default -> false;
        };
    }

    /** Structural equality without number subtleties: numbers only count as equal when both are integral. */
    private static boolean sameJson(JsonNode expected, JsonNode value) {
        if (expected.isNumber() || value.isNumber()) {
            return expected.isIntegralNumber() && value.isIntegralNumber()
                    && expected.bigIntegerValue().equals(value.bigIntegerValue());
        }
        if (expected.isContainer() || value.isContainer()) {
            return !containsNumber(expected) && !containsNumber(value) && expected.equals(value);
        }
        return expected.equals(value);
    }

    private static boolean containsNumber(JsonNode node) {
        if (node.isNumber()) {
            return true;
        }
        for (JsonNode child : node) {
            if (containsNumber(child)) {
                return true;
            }
        }
        return false;
    }

    private static boolean inEnum(JsonNode enumeration, JsonNode value) {
        for (JsonNode candidate : enumeration) {
            if (sameJson(candidate, value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean numberBounds(JsonNode schema, JsonNode value) {
        JsonNode minimum = schema.get("minimum");
        JsonNode maximum = schema.get("maximum");
        JsonNode exclusiveMinimum = schema.get("exclusiveMinimum");
        JsonNode exclusiveMaximum = schema.get("exclusiveMaximum");
        if (minimum == null && maximum == null && exclusiveMinimum == null && exclusiveMaximum == null) {
            return true;
        }
        BigDecimal number = value.decimalValue();
        return (minimum == null || number.compareTo(minimum.decimalValue()) >= 0)
                && (maximum == null || number.compareTo(maximum.decimalValue()) <= 0)
                && (exclusiveMinimum == null || number.compareTo(exclusiveMinimum.decimalValue()) > 0)
                && (exclusiveMaximum == null || number.compareTo(exclusiveMaximum.decimalValue()) < 0);
    }

    private boolean stringChecks(JsonNode schema, String text) {
        JsonNode minLength = schema.get("minLength");
        // lengths: accept only if the bound holds whether counted in code points or in UTF-16 units
        if (minLength != null && text.codePointCount(0, text.length()) < minLength.asLong()) {
            return false;
        }
        JsonNode maxLength = schema.get("maxLength");
        if (maxLength != null && text.length() > maxLength.asLong()) {
            return false;
        }
        JsonNode format = schema.get("format");
        if (format != null) {
            Format check = FORMATS.get(format.asString());
            return check != null && check.matches(new ExecutionContext(), schemaContext, text);
        }
        return true;
    }

    private boolean arrayChecks(JsonNode schema, JsonNode array, int depth) {
        JsonNode minItems = schema.get("minItems");
        if (minItems != null && array.size() < minItems.asLong()) {
            return false;
        }
        JsonNode maxItems = schema.get("maxItems");
        if (maxItems != null && array.size() > maxItems.asLong()) {
            return false;
        }
        JsonNode items = schema.get("items");
        if (items != null) {
            for (JsonNode item : array) {
                if (!accepts(items, item, depth + 1)) {
                    return false;
                }
            }
        }
        JsonNode unique = schema.get("uniqueItems");
        if (unique != null && unique.booleanValue()) {
            List<JsonNode> seen = new ArrayList<>(array.size());
            for (JsonNode item : array) {
                if (containsNumber(item)) {
                    return false; // 1 and 1.0 are equal to JSON Schema: leave it to the full validator
                }
                for (JsonNode earlier : seen) {
                    if (earlier.equals(item)) {
                        return false;
                    }
                }
                seen.add(item);
            }
        }
        return true;
    }

    private boolean objectChecks(JsonNode schema, JsonNode object, int depth) {
        JsonNode required = schema.get("required");
        if (required != null) {
            for (JsonNode name : required) {
                if (!object.has(name.asString())) {
                    return false;
                }
            }
        }
        JsonNode properties = schema.get("properties");
        JsonNode additional = schema.get("additionalProperties");
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            JsonNode propertySchema = properties == null ? null : properties.get(entry.getKey());
            if (propertySchema != null) {
                if (!accepts(propertySchema, entry.getValue(), depth + 1)) {
                    return false;
                }
            } else if (additional != null && !accepts(additional, entry.getValue(), depth + 1)) {
                return false;
            }
        }
        return true;
    }
}
