package dev.baton.harness.operator;

import dev.baton.harness.choice.Choices;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every value inside a JSON document together with the sub-schema that governs it, so structural
 * operators can pick "a numeric field" or "an enum value" and replace it.
 */
public final class Locations {

    /**
     * One value in the document.
     *
     * @param path   the path from the root: property names (String) and indexes (Integer)
     * @param value  the value there
     * @param schema its governing sub-schema after $ref and allOf, or {@code null} when unknown
     *               (inside anyOf / oneOf, or no schema applies)
     */
    public record Location(List<Object> path, JsonNode value, JsonNode schema) {

        public boolean isRoot() {
            return path.isEmpty();
        }

        /** The property name when this value is an object member, else {@code null}. */
        public String propertyName() {
            return path.isEmpty() || !(path.get(path.size() - 1) instanceof String name) ? null : name;
        }

        /** JSON Pointer of this location. */
        public String pointer() {
            StringBuilder out = new StringBuilder();
            for (Object step : path) {
                out.append('/').append(step.toString().replace("~", "~0").replace("/", "~1"));
            }
            return out.toString();
        }
    }

    private Locations() {
    }

    /** All locations of {@code value} under {@code schema}, root first. */
    public static List<Location> of(JsonNode value, JsonNode schema) {
        List<Location> out = new ArrayList<>();
        walk(value, schema, normalise(schema, schema, 0), new ArrayList<>(), out, 0);
        return out;
    }

    /** Picks one location matching {@code condition}, or abandons the attempt if there is none. */
    public static Location pick(JsonNode value, JsonNode schema, Predicate<Location> condition, Choices choices,
                                String what) {
        List<Location> matching = of(value, schema).stream().filter(condition).toList();
        if (matching.isEmpty()) {
            choices.reject("the contract has no " + what);
        }
        return matching.get(choices.pick(matching.size()));
    }

    /** A copy of {@code root} with the value at {@code path} replaced by {@code replacement}. */
    public static JsonNode replace(JsonNode root, List<Object> path, JsonNode replacement) {
        if (path.isEmpty()) {
            return replacement;
        }
        JsonNode copy = root.deepCopy();
        JsonNode parent = copy;
        for (int i = 0; i < path.size() - 1; i++) {
            parent = step(parent, path.get(i));
        }
        Object last = path.get(path.size() - 1);
        if (last instanceof String name) {
            ((ObjectNode) parent).set(name, replacement);
        } else {
            ((ArrayNode) parent).set((Integer) last, replacement);
        }
        return copy;
    }

    /** The node at {@code path} inside {@code root}. */
    public static JsonNode at(JsonNode root, List<Object> path) {
        JsonNode node = root;
        for (Object step : path) {
            node = step(node, step);
        }
        return node;
    }

    private static JsonNode step(JsonNode node, Object step) {
        return step instanceof String name ? node.get(name) : node.get((Integer) step);
    }

    private static void walk(JsonNode value, JsonNode root, JsonNode schema, List<Object> path, List<Location> out,
                             int depth) {
        out.add(new Location(List.copyOf(path), value, schema));
        if (depth > 64) {
            return;
        }
        if (value.isObject()) {
            for (Map.Entry<String, JsonNode> e : value.properties()) {
                JsonNode child = null;
                if (schema != null) {
                    JsonNode props = schema.path("properties");
                    child = props.has(e.getKey()) ? props.get(e.getKey()) : schema.get("additionalProperties");
                }
                path.add(e.getKey());
                walk(e.getValue(), root, normalise(child, root, 0), path, out, depth + 1);
                path.remove(path.size() - 1);
            }
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                JsonNode child = null;
                if (schema != null) {
                    JsonNode prefix = schema.get("prefixItems");
                    JsonNode items = schema.get("items");
                    if (prefix == null && items != null && items.isArray()) {
                        prefix = items;
                        items = schema.get("additionalItems");
                    }
                    child = prefix != null && i < prefix.size() ? prefix.get(i) : items;
                }
                path.add(i);
                walk(value.get(i), root, normalise(child, root, 0), path, out, depth + 1);
                path.remove(path.size() - 1);
            }
        }
    }

    /** Resolves local $refs and folds allOf; returns null where the governing schema is not knowable. */
    static JsonNode normalise(JsonNode schema, JsonNode root, int hops) {
        if (schema == null || !schema.isObject() || hops > 16) {
            return schema != null && schema.isObject() ? schema : null;
        }
        if (schema.has("anyOf") || schema.has("oneOf")) {
            return null;
        }
        ObjectNode s = (ObjectNode) schema.deepCopy();
        if (s.has("$ref")) {
            String ref = s.remove("$ref").asString();
            if (!ref.startsWith("#")) {
                return null;
            }
            JsonNode target = ref.equals("#") ? root : root.at(ref.substring(1));
            if (target.isMissingNode()) {
                return null;
            }
            JsonNode resolved = normalise(target, root, hops + 1);
            return resolved == null ? null : normalise(dev.baton.harness.generate.SchemaMerge.merge(resolved, s), root, hops + 1);
        }
        if (s.has("allOf")) {
            JsonNode all = s.remove("allOf");
            JsonNode merged = s;
            for (JsonNode part : all) {
                JsonNode p = normalise(part, root, hops + 1);
                if (p == null) {
                    return null;
                }
                merged = dev.baton.harness.generate.SchemaMerge.merge(merged, p);
            }
            return normalise(merged, root, hops + 1);
        }
        return s;
    }
}
