package dev.baton.harness.generate;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Folds two schema objects into one that admits what both admit, the way {@code allOf} constrains. */
public final class SchemaMerge {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SchemaMerge() {
    }

    /** Merges {@code a} and {@code b}: properties and required are united, the stricter bound wins. */
    public static JsonNode merge(JsonNode a, JsonNode b) {
        if (!a.isObject()) {
            return b;
        }
        if (!b.isObject()) {
            return a;
        }
        ObjectNode out = (ObjectNode) a.deepCopy();
        for (Map.Entry<String, JsonNode> e : b.properties()) {
            String key = e.getKey();
            JsonNode value = e.getValue();
            JsonNode existing = out.get(key);
            if (existing == null) {
                out.set(key, value.deepCopy());
                continue;
            }
            switch (key) {
                case "properties" -> {
                    ObjectNode props = (ObjectNode) existing;
                    for (Map.Entry<String, JsonNode> p : value.properties()) {
                        JsonNode prior = props.get(p.getKey());
                        props.set(p.getKey(), prior == null ? p.getValue().deepCopy() : merge(prior, p.getValue()));
                    }
                }
                case "required" -> {
                    Set<String> names = new LinkedHashSet<>();
                    existing.forEach(n -> names.add(n.asString()));
                    value.forEach(n -> names.add(n.asString()));
                    ArrayNode arr = NODES.arrayNode();
                    names.forEach(arr::add);
                    out.set(key, arr);
                }
                case "type" -> out.set(key, intersectTypes(existing, value));
                case "minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties" ->
                        out.set(key, existing.decimalValue().compareTo(value.decimalValue()) >= 0 ? existing : value);
                case "maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties" ->
                        out.set(key, existing.decimalValue().compareTo(value.decimalValue()) <= 0 ? existing : value);
                case "enum" -> {
                    ArrayNode arr = NODES.arrayNode();
                    for (JsonNode x : existing) {
                        for (JsonNode y : value) {
                            if (x.equals(y)) {
                                arr.add(x);
                            }
                        }
                    }
                    out.set(key, arr);
                }
                default -> out.set(key, value.deepCopy());
            }
        }
        return out;
    }

    private static JsonNode intersectTypes(JsonNode a, JsonNode b) {
        Set<String> left = types(a);
        Set<String> right = types(b);
        ArrayNode out = NODES.arrayNode();
        for (String t : left) {
            if (right.contains(t) || (t.equals("integer") && right.contains("number"))) {
                out.add(t);
            } else if (t.equals("number") && right.contains("integer")) {
                out.add("integer");
            }
        }
        return out;
    }

    static Set<String> types(JsonNode type) {
        Set<String> out = new LinkedHashSet<>();
        if (type.isArray()) {
            type.forEach(t -> out.add(t.asString()));
        } else {
            out.add(type.asString());
        }
        return out;
    }

}
