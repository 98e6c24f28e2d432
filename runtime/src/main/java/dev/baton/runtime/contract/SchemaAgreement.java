package dev.baton.runtime.contract;

import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.TreeSet;

/**
 * Checks that a hand-written schema and the record it claims to describe agree, so the schema the
 * receiver validates against and the type it binds to cannot drift apart silently. Compared: property
 * names of every object reached through {@code properties}/{@code items}/local {@code $ref}s, their
 * JSON types, and that every required property exists in the record.
 */
final class SchemaAgreement {

    private SchemaAgreement() {
    }

    static void check(String resource, Class<?> type, JsonNode generated, JsonNode file) {
        compare(resource, type.getSimpleName(), generated, generated, file, file, 0);
    }

    private static void compare(String resource, String path, JsonNode genRoot, JsonNode gen,
                                JsonNode fileRoot, JsonNode file, int depth) {
        if (depth > 32) {
            return; // recursive types: agreement of the first levels is what a human can act on
        }
        gen = resolve(genRoot, gen);
        file = resolve(fileRoot, file);
        if (gen == null || file == null || gen.isEmpty() || file.isBoolean()) {
            return;
        }
        if (gen.has("anyOf") && !file.has("anyOf")) {
            gen = resolve(genRoot, gen.get("anyOf").get(0));
        }
        String genType = gen.path("type").asString("");
        String fileType = typeOf(file);
        if (!genType.isEmpty() && !fileType.isEmpty() && !compatible(genType, fileType)) {
            throw new ContractDefinitionException(resource, "field '" + path + "' is " + fileType
                    + " in the schema but " + genType + " in the Java type");
        }
        if (gen.has("properties") && file.has("properties")) {
            TreeSet<String> javaNames = names(gen.get("properties"));
            TreeSet<String> schemaNames = names(file.get("properties"));
            if (!javaNames.equals(schemaNames)) {
                TreeSet<String> onlyJava = new TreeSet<>(javaNames);
                onlyJava.removeAll(schemaNames);
                TreeSet<String> onlySchema = new TreeSet<>(schemaNames);
                onlySchema.removeAll(javaNames);
                throw new ContractDefinitionException(resource, "properties of '" + path + "' disagree with "
                        + "the Java type: only in the Java type " + onlyJava + ", only in the schema " + onlySchema);
            }
            for (JsonNode required : file.path("required")) {
                if (!javaNames.contains(required.asString())) {
                    throw new ContractDefinitionException(resource, "required property '" + path + "."
                            + required.asString() + "' does not exist in the Java type");
                }
            }
            for (Map.Entry<String, JsonNode> entry : gen.get("properties").properties()) {
                compare(resource, path + "." + entry.getKey(), genRoot, entry.getValue(),
                        fileRoot, file.get("properties").get(entry.getKey()), depth + 1);
            }
        }
        if (gen.has("items") && file.has("items")) {
            compare(resource, path + "[]", genRoot, gen.get("items"), fileRoot, file.get("items"), depth + 1);
        }
    }

    private static String typeOf(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type == null) {
            return "";
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asString().equals("null")) {
                    return t.asString();
                }
            }
            return "";
        }
        return type.asString();
    }

    private static boolean compatible(String javaType, String schemaType) {
        // a schema may be narrower than the Java type (integer for a double), never wider
        return javaType.equals(schemaType) || (javaType.equals("number") && schemaType.equals("integer"));
    }

    private static JsonNode resolve(JsonNode root, JsonNode node) {
        for (int hops = 0; node != null && node.has("$ref") && hops < 16; hops++) {
            String ref = node.get("$ref").asString();
            if (ref.equals("#")) {
                node = root;
            } else if (ref.startsWith("#/")) {
                node = root.at(ref.substring(1));
                if (node.isMissingNode()) {
                    return null;
                }
            } else {
                return null; // external refs: compared by the validator at run time, not here
            }
        }
        return node;
    }

    private static TreeSet<String> names(JsonNode properties) {
        TreeSet<String> names = new TreeSet<>();
        properties.propertyNames().forEach(names::add);
        return names;
    }
}
