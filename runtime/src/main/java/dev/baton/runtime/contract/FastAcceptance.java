package dev.baton.runtime.contract;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaContext;
import com.networknt.schema.format.Format;
import com.networknt.schema.format.Formats;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
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

    private final Check root;
    private final SchemaContext schemaContext;

    private FastAcceptance(JsonNode schemaNode, SchemaContext schemaContext) {
        this.schemaContext = schemaContext;
        Compiler compiler = new Compiler(schemaNode);
        this.root = compiler.compile(schemaNode);
        compiler.markStreamable();
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
        return root.accepts(value, 0, new Evaluation(schemaContext));
    }

    /** @return whether {@link #acceptsStream} can decide this schema from tokens alone */
    boolean streamable() {
        return root.streamable;
    }

    /**
     * The same conservative check as {@link #accepts(JsonNode)}, made on the token stream of one value so that
     * no tree is built: true only if the value is certainly valid. The parser must stand before the value's
     * first token; on return it stands on the value's last token. Only for {@link #streamable()} schemas.
     */
    boolean acceptsStream(JsonParser parser) {
        JsonToken first = parser.nextToken();
        return first != null && root.acceptsStream(parser, first, 0, new Evaluation(schemaContext));
    }

    /** One acceptance check: the formats of a payload share one execution context (they only read its config). */
    private static final class Evaluation {
        private final SchemaContext schemaContext;
        private ExecutionContext executionContext;

        Evaluation(SchemaContext schemaContext) {
            this.schemaContext = schemaContext;
        }

        ExecutionContext executionContext() {
            if (executionContext == null) {
                executionContext = new ExecutionContext();
            }
            return executionContext;
        }
    }

    private static final int OBJECT = 1, ARRAY = 2, STRING = 4, BOOLEAN = 8, NULL = 16, NUMBER = 32, INTEGER = 64;

    private static int typeBit(String type) {
        return switch (type) {
            case "object" -> OBJECT;
            case "array" -> ARRAY;
            case "string" -> STRING;
            case "boolean" -> BOOLEAN;
            case "null" -> NULL;
            case "number" -> NUMBER;
            case "integer" -> INTEGER;
            default -> 0;
        };
    }

    /** Turns schema JSON into checks once, so validation does no keyword lookups per value. */
    private static final class Compiler {
        private final JsonNode rootNode;
        private final Map<JsonNode, Check> compiled = new java.util.IdentityHashMap<>();

        Compiler(JsonNode rootNode) {
            this.rootNode = rootNode;
        }

        Check compile(JsonNode schema) {
            Check existing = compiled.get(schema);
            if (existing != null) {
                return existing;
            }
            Check check = new Check();
            compiled.put(schema, check); // before the parts: recursive $refs find it
            check.onlyRef = schema.isObject() && schema.has("$ref") && onlyAnnotationsBesides(schema, "$ref");
            if (schema.isBoolean()) {
                check.always = schema.booleanValue() ? Boolean.TRUE : Boolean.FALSE;
                return check;
            }
            JsonNode ref = schema.get("$ref");
            if (ref != null) {
                check.ref = compile(localRef(rootNode, ref.asString()));
            }
            JsonNode type = schema.get("type");
            if (type != null) {
                int mask = 0;
                if (type.isString()) {
                    mask = typeBit(type.asString());
                } else {
                    for (JsonNode t : type) {
                        mask |= typeBit(t.asString());
                    }
                }
                check.typeMask = mask;
            }
            check.constant = schema.get("const");
            JsonNode enumeration = schema.get("enum");
            if (enumeration != null) {
                List<JsonNode> values = new ArrayList<>();
                enumeration.forEach(values::add);
                check.enumValues = values.toArray(new JsonNode[0]);
            }
            check.minimum = bound(schema.get("minimum"));
            check.maximum = bound(schema.get("maximum"));
            check.exclusiveMinimum = bound(schema.get("exclusiveMinimum"));
            check.exclusiveMaximum = bound(schema.get("exclusiveMaximum"));
            check.hasBounds = check.minimum != null || check.maximum != null || check.exclusiveMinimum != null
                    || check.exclusiveMaximum != null;
            check.integralBounds = fitsLong(check.minimum) && fitsLong(check.maximum)
                    && fitsLong(check.exclusiveMinimum) && fitsLong(check.exclusiveMaximum);
            check.minLength = schema.path("minLength").asLong(-1);
            check.maxLength = schema.path("maxLength").asLong(-1);
            check.minItems = schema.path("minItems").asLong(-1);
            check.maxItems = schema.path("maxItems").asLong(-1);
            JsonNode format = schema.get("format");
            check.format = format == null ? null : FORMATS.get(format.asString());
            check.uniqueItems = schema.path("uniqueItems").asBoolean(false);
            JsonNode items = schema.get("items");
            check.items = items == null ? null : compile(items);
            JsonNode required = schema.get("required");
            if (required != null) {
                List<String> names = new ArrayList<>();
                required.forEach(name -> names.add(name.asString()));
                check.required = names.toArray(new String[0]);
            }
            JsonNode properties = schema.get("properties");
            if (properties != null) {
                check.properties = new HashMap<>();
                for (Map.Entry<String, JsonNode> entry : properties.properties()) {
                    check.properties.put(entry.getKey(), compile(entry.getValue()));
                }
            }
            JsonNode additional = schema.get("additionalProperties");
            check.additional = additional == null ? null : compile(additional);
            JsonNode anyOf = schema.get("anyOf");
            if (anyOf != null) {
                List<Check> branches = new ArrayList<>();
                anyOf.forEach(branch -> branches.add(compile(branch)));
                check.anyOf = branches.toArray(new Check[0]);
            }
            return check;
        }

        private static boolean onlyAnnotationsBesides(JsonNode schema, String keyword) {
            for (Map.Entry<String, JsonNode> entry : schema.properties()) {
                if (!entry.getKey().equals(keyword) && !ANNOTATIONS.contains(entry.getKey())) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Which checks the token-stream check can decide: no {@code anyOf} or {@code uniqueItems} (both look at
         * a value more than once), a {@code $ref} only where it is the schema's only assertion, scalar-only
         * {@code enum}/{@code const} without numbers, at most 64 required names, and the same of every subschema
         * reached (a fixed point, so that recursive schemas are decided too).
         */
        void markStreamable() {
            for (Check check : compiled.values()) {
                check.streamable = check.locallyStreamable();
            }
            for (boolean changed = true; changed; ) {
                changed = false;
                for (Check check : compiled.values()) {
                    if (check.streamable && !check.partsStreamable()) {
                        check.streamable = false;
                        changed = true;
                    }
                }
            }
        }

        private static boolean fitsLong(BigDecimal bound) {
            if (bound == null) {
                return true;
            }
            try {
                bound.longValueExact();
                return true;
            } catch (ArithmeticException e) {
                return false;
            }
        }

        private static BigDecimal bound(JsonNode node) {
            return node == null ? null : node.decimalValue();
        }
    }

    /** One compiled schema object; fields are null/-1 when the keyword is absent. */
    private static final class Check {
        Boolean always;
        Check ref;
        int typeMask = -1;
        JsonNode constant;
        JsonNode[] enumValues;
        boolean hasBounds;
        boolean integralBounds;
        BigDecimal minimum;
        BigDecimal maximum;
        BigDecimal exclusiveMinimum;
        BigDecimal exclusiveMaximum;
        long minLength = -1;
        long maxLength = -1;
        long minItems = -1;
        long maxItems = -1;
        Format format;
        boolean uniqueItems;
        Check items;
        String[] required;
        Map<String, Check> properties;
        Check additional;
        Check[] anyOf;
        /** The schema is {@code {"$ref": …}} and annotations: the stream check delegates to the target. */
        boolean onlyRef;
        boolean streamable;
        /** Required names by position, for the stream check's bit set of names seen. */
        Map<String, Integer> requiredIndex;

        boolean locallyStreamable() {
            if (always != null) {
                return true;
            }
            if (anyOf != null || uniqueItems || (ref != null && !onlyRef)) {
                return false;
            }
            if (constant != null && !streamableScalar(constant)) {
                return false;
            }
            if (enumValues != null) {
                for (JsonNode value : enumValues) {
                    if (!streamableScalar(value)) {
                        return false;
                    }
                }
            }
            if (required != null) {
                if (required.length > 64) {
                    return false;
                }
                requiredIndex = new HashMap<>();
                for (int i = 0; i < required.length; i++) {
                    requiredIndex.putIfAbsent(required[i], i);
                }
            }
            return true;
        }

        private static boolean streamableScalar(JsonNode value) {
            return value.isString() || value.isBoolean() || value.isNull();
        }

        boolean partsStreamable() {
            if (ref != null && !ref.streamable || items != null && !items.streamable
                    || additional != null && !additional.streamable) {
                return false;
            }
            if (properties != null) {
                for (Check property : properties.values()) {
                    if (!property.streamable) {
                        return false;
                    }
                }
            }
            return true;
        }

        /** {@link #accepts(JsonNode, int, Evaluation)} on tokens; {@code token} is the value's first token. */
        boolean acceptsStream(JsonParser parser, JsonToken token, int depth, Evaluation owner) {
            if (always != null) {
                skip(parser, token);
                return always;
            }
            if (depth > 256) {
                return false;
            }
            if (onlyRef) {
                return ref.acceptsStream(parser, token, depth + 1, owner);
            }
            if (typeMask != -1 && (typeMask & bitOf(token)) == 0) {
                return false;
            }
            switch (token) {
                case START_OBJECT:
                    return objectStream(parser, depth, owner);
                case START_ARRAY:
                    return arrayStream(parser, depth, owner);
                case VALUE_STRING: {
                    boolean needsText = constant != null || enumValues != null || minLength >= 0 || format != null;
                    if (!needsText) {
                        return maxLength < 0 || parser.getStringLength() <= maxLength;
                    }
                    String text = parser.getString();
                    return scalarAllowed(text) && stringChecks(text, owner);
                }
                case VALUE_TRUE:
                case VALUE_FALSE:
                    return scalarAllowed(token == JsonToken.VALUE_TRUE);
                case VALUE_NULL:
                    return scalarAllowed(null);
                case VALUE_NUMBER_INT:
                case VALUE_NUMBER_FLOAT:
                    if (constant != null || enumValues != null) {
                        return false; // only string, boolean and null constants are streamable
                    }
                    return !hasBounds || numberWithinBounds(parser, token);
                default:
                    return false;
            }
        }

        /**
         * Skips a value token by token rather than with {@link JsonParser#skipChildren()}, which a delegating
         * parser passes straight to the one it wraps: the boundary's number guard must see every number.
         */
        private static void skip(JsonParser parser, JsonToken token) {
            if (token != JsonToken.START_OBJECT && token != JsonToken.START_ARRAY) {
                return;
            }
            for (int open = 1; open > 0; ) {
                JsonToken next = parser.nextToken();
                if (next == null) {
                    return;
                }
                if (next == JsonToken.START_OBJECT || next == JsonToken.START_ARRAY) {
                    open++;
                } else if (next == JsonToken.END_OBJECT || next == JsonToken.END_ARRAY) {
                    open--;
                }
            }
        }

        private static int bitOf(JsonToken token) {
            return switch (token) {
                case START_OBJECT -> OBJECT;
                case START_ARRAY -> ARRAY;
                case VALUE_STRING -> STRING;
                case VALUE_TRUE, VALUE_FALSE -> BOOLEAN;
                case VALUE_NULL -> NULL;
                case VALUE_NUMBER_INT -> NUMBER | INTEGER;
                case VALUE_NUMBER_FLOAT -> NUMBER; // as in the tree check: 1.0 is left to the full validator
                default -> 0;
            };
        }

        /** @param scalar a String, Boolean or null */
        private boolean scalarAllowed(Object scalar) {
            if (constant != null && !sameScalar(constant, scalar)) {
                return false;
            }
            if (enumValues != null) {
                for (JsonNode candidate : enumValues) {
                    if (sameScalar(candidate, scalar)) {
                        return true;
                    }
                }
                return false;
            }
            return true;
        }

        private static boolean sameScalar(JsonNode expected, Object scalar) {
            if (scalar == null) {
                return expected.isNull();
            }
            if (scalar instanceof Boolean b) {
                return expected.isBoolean() && expected.booleanValue() == b;
            }
            return expected.isString() && expected.asString().equals(scalar);
        }

        private boolean numberWithinBounds(JsonParser parser, JsonToken token) {
            if (integralBounds && token == JsonToken.VALUE_NUMBER_INT) {
                JsonParser.NumberType type = parser.getNumberType();
                if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
                    return withinLongBounds(parser.getLongValue());
                }
            }
            return withinDecimalBounds(parser.getDecimalValue());
        }

        private boolean arrayStream(JsonParser parser, int depth, Evaluation owner) {
            if (constant != null || enumValues != null) {
                return false;
            }
            long count = 0;
            for (JsonToken element = parser.nextToken(); element != JsonToken.END_ARRAY; element = parser.nextToken()) {
                if (element == null) {
                    return false;
                }
                count++;
                if (maxItems >= 0 && count > maxItems) {
                    return false;
                }
                if (items != null) {
                    if (!items.acceptsStream(parser, element, depth + 1, owner)) {
                        return false;
                    }
                } else {
                    skip(parser, element);
                }
            }
            return minItems < 0 || count >= minItems;
        }

        private boolean objectStream(JsonParser parser, int depth, Evaluation owner) {
            if (constant != null || enumValues != null) {
                return false;
            }
            long seen = 0;
            for (JsonToken name = parser.nextToken(); name != JsonToken.END_OBJECT; name = parser.nextToken()) {
                if (name != JsonToken.PROPERTY_NAME) {
                    return false;
                }
                String key = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == null) {
                    return false;
                }
                if (requiredIndex != null) {
                    Integer at = requiredIndex.get(key);
                    if (at != null) {
                        seen |= 1L << at;
                    }
                }
                Check property = properties == null ? null : properties.get(key);
                Check check = property != null ? property : additional;
                if (check != null) {
                    if (!check.acceptsStream(parser, value, depth + 1, owner)) {
                        return false;
                    }
                } else {
                    skip(parser, value);
                }
            }
            if (required != null) {
                for (int i = 0; i < required.length; i++) {
                    if ((seen & (1L << requiredIndex.get(required[i]))) == 0) {
                        return false;
                    }
                }
            }
            return true;
        }

        boolean accepts(JsonNode value, int depth, Evaluation owner) {
            if (always != null) {
                return always;
            }
            if (depth > 256) {
                return false;
            }
            if (ref != null && !ref.accepts(value, depth + 1, owner)) {
                return false;
            }
            if (typeMask != -1 && (typeMask & bitOf(value)) == 0) {
                return false;
            }
            if (constant != null && !sameJson(constant, value)) {
                return false;
            }
            if (enumValues != null && !inEnum(value)) {
                return false;
            }
            if (hasBounds && value.isNumber() && !withinBounds(value)) {
                return false;
            }
            if (value.isString() && !stringChecks(value.asString(), owner)) {
                return false;
            }
            if (value.isArray() && !arrayChecks(value, depth, owner)) {
                return false;
            }
            if (value.isObject() && !objectChecks(value, depth, owner)) {
                return false;
            }
            if (anyOf != null) {
                for (Check branch : anyOf) {
                    if (branch.accepts(value, depth + 1, owner)) {
                        return true;
                    }
                }
                return false;
            }
            return true;
        }

        private static int bitOf(JsonNode value) {
            if (value.isObject()) {
                return OBJECT;
            }
            if (value.isArray()) {
                return ARRAY;
            }
            if (value.isString()) {
                return STRING;
            }
            if (value.isBoolean()) {
                return BOOLEAN;
            }
            if (value.isNull()) {
                return NULL;
            }
            if (value.isIntegralNumber()) {
                return NUMBER | INTEGER;
            }
            if (value.isNumber()) {
                return NUMBER; // 1.0 is not taken as an integer here: the full validator decides
            }
            return 0;
        }

        private boolean inEnum(JsonNode value) {
            for (JsonNode candidate : enumValues) {
                if (sameJson(candidate, value)) {
                    return true;
                }
            }
            return false;
        }

        private boolean withinBounds(JsonNode value) {
            if (integralBounds && value.isIntegralNumber() && value.canConvertToLong()) {
                return withinLongBounds(value.longValue()); // the common case: an int field, no BigDecimal
            }
            return withinDecimalBounds(value.decimalValue());
        }

        private boolean withinLongBounds(long number) {
            return (minimum == null || number >= minimum.longValue())
                    && (maximum == null || number <= maximum.longValue())
                    && (exclusiveMinimum == null || number > exclusiveMinimum.longValue())
                    && (exclusiveMaximum == null || number < exclusiveMaximum.longValue());
        }

        private boolean withinDecimalBounds(BigDecimal number) {
            return (minimum == null || number.compareTo(minimum) >= 0)
                    && (maximum == null || number.compareTo(maximum) <= 0)
                    && (exclusiveMinimum == null || number.compareTo(exclusiveMinimum) > 0)
                    && (exclusiveMaximum == null || number.compareTo(exclusiveMaximum) < 0);
        }

        private boolean stringChecks(String text, Evaluation owner) {
            // lengths: accept only if the bound holds whether counted in code points or in UTF-16 units
            if (minLength >= 0 && text.codePointCount(0, text.length()) < minLength) {
                return false;
            }
            if (maxLength >= 0 && text.length() > maxLength) {
                return false;
            }
            return format == null || format.matches(owner.executionContext(), owner.schemaContext, text);
        }

        private boolean arrayChecks(JsonNode array, int depth, Evaluation owner) {
            if (minItems >= 0 && array.size() < minItems) {
                return false;
            }
            if (maxItems >= 0 && array.size() > maxItems) {
                return false;
            }
            if (items != null) {
                for (JsonNode item : array) {
                    if (!items.accepts(item, depth + 1, owner)) {
                        return false;
                    }
                }
            }
            if (uniqueItems) {
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

        private boolean objectChecks(JsonNode object, int depth, Evaluation owner) {
            if (required != null) {
                for (String name : required) {
                    if (!object.has(name)) {
                        return false;
                    }
                }
            }
            if (properties == null && additional == null) {
                return true;
            }
            for (Map.Entry<String, JsonNode> entry : object.properties()) {
                Check property = properties == null ? null : properties.get(entry.getKey());
                if (property != null) {
                    if (!property.accepts(entry.getValue(), depth + 1, owner)) {
                        return false;
                    }
                } else if (additional != null && !additional.accepts(entry.getValue(), depth + 1, owner)) {
                    return false;
                }
            }
            return true;
        }
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
}
