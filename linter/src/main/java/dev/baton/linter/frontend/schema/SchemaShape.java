package dev.baton.linter.frontend.schema;

import dev.baton.linter.frontend.SchemaFile;
import tools.jackson.databind.JsonNode;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a JSON file found in a schema directory is a JSON Schema at all. Resource directories hold
 * every kind of JSON (package.json, MCP server configs, application data, fixtures); only a file that
 * says it is a schema is checked by the schema rules:
 * <ul>
 *   <li>its name or directory says so ({@code *.schema.json}, a {@code schema/} or {@code schemas/} folder):
 *       then even an empty or broken file is a broken schema;</li>
 *   <li>it declares a {@code $schema} dialect;</li>
 *   <li>it has the shape of one: an object whose keys are mostly JSON Schema keywords, with at least one
 *       keyword that describes a value ({@code type}, {@code properties}, {@code $ref}, a combinator...),
 *       and whose {@code type}, {@code properties} and {@code required} are well-formed
 *       ({@code "type": "module"} in a package.json is not a JSON Schema type).</li>
 * </ul>
 * A file a contract names is a schema whatever its shape ({@link SchemaIndex#find}).
 */
public final class SchemaShape {
    private static final Set<String> TYPES = Set.of("object", "array", "string", "number", "integer", "boolean", "null");
    private static final Set<String> DESCRIBING = Set.of("type", "properties", "$ref", "$defs", "definitions", "allOf",
            "anyOf", "oneOf", "items", "prefixItems", "enum", "const", "not", "patternProperties", "additionalProperties");
    private static final Set<String> KEYWORDS = Set.of("$schema", "$id", "$ref", "$defs", "$anchor", "$dynamicRef",
            "$dynamicAnchor", "$comment", "$vocabulary", "id", "definitions", "type", "properties", "required",
            "additionalProperties", "patternProperties", "propertyNames", "unevaluatedProperties", "minProperties",
            "maxProperties", "dependentRequired", "dependentSchemas", "dependencies", "items", "prefixItems",
            "additionalItems", "unevaluatedItems", "contains", "minContains", "maxContains", "minItems", "maxItems",
            "uniqueItems", "enum", "const", "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "minLength",
            "maxLength", "pattern", "format", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
            "title", "description", "default", "examples", "deprecated", "readOnly", "writeOnly", "contentEncoding",
            "contentMediaType", "contentSchema");

    private SchemaShape() {
    }

    /** Why a file is not a JSON Schema, or empty when it is one. */
    public static Optional<String> notASchema(SchemaFile f) {
        if (namedAsSchema(f.path())) return Optional.empty();
        if (!f.parsed()) return Optional.of("not JSON, and not named as a schema");
        JsonNode tree = f.tree();
        if (!tree.isObject()) return Optional.of("a JSON " + tree.getNodeType().name().toLowerCase(Locale.ROOT) + ", not a schema object");
        JsonNode dialect = tree.get("$schema");
        if (dialect != null && dialect.isString() && dialect.asString().contains("json-schema")) return Optional.empty();
        int keys = 0, keywords = 0;
        boolean describes = false;
        for (Map.Entry<String, JsonNode> e : tree.properties()) {
            keys++;
            if (KEYWORDS.contains(e.getKey())) keywords++;
            if (DESCRIBING.contains(e.getKey())) describes = true;
        }
        if (!describes || keywords * 2 < keys) return Optional.of("no JSON Schema keywords that describe a value");
        if (!wellFormed(tree)) return Optional.of("'type', 'properties' or 'required' is not used as JSON Schema uses them");
        return Optional.empty();
    }

    /** {@code x.schema.json}, or a file under a {@code schema}/{@code schemas}/{@code json-schema(s)} folder. */
    static boolean namedAsSchema(String path) {
        String p = path.replace('\\', '/').toLowerCase(Locale.ROOT);
        String name = p.substring(p.lastIndexOf('/') + 1);
        if (name.endsWith(".schema.json") || name.endsWith("-schema.json") || name.endsWith("_schema.json")) return true;
        for (String dir : p.split("/")) {
            if (dir.equals("schema") || dir.equals("schemas") || dir.equals("json-schema") || dir.equals("json-schemas")
                    || dir.equals("jsonschema") || dir.equals("jsonschemas")) {
                return true;
            }
        }
        return false;
    }

    private static boolean wellFormed(JsonNode tree) {
        JsonNode type = tree.get("type");
        if (type != null) {
            if (type.isString()) {
                if (!TYPES.contains(type.asString())) return false;
            } else if (type.isArray()) {
                for (JsonNode t : type) if (!t.isString() || !TYPES.contains(t.asString())) return false;
            } else {
                return false;
            }
        }
        JsonNode props = tree.get("properties");
        if (props != null) {
            if (!props.isObject()) return false;
            for (Map.Entry<String, JsonNode> e : props.properties()) {
                if (!e.getValue().isObject() && !e.getValue().isBoolean()) return false;
            }
        }
        JsonNode required = tree.get("required");
        if (required != null) {
            if (!required.isArray()) return false;
            for (JsonNode r : required) if (!r.isString()) return false;
        }
        return true;
    }
}
