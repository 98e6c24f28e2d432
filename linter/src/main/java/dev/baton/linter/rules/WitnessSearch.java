package dev.baton.linter.rules;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Candidate values a schema plausibly admits: a base value per subschema and, for objects, variants
 * that change one property, drop or add an optional one, or add an unknown one. Candidates are
 * only suggestions — the caller keeps those the real validator accepts — so this can be simple
 * without being unsound. Variants grow with the sum, not the product, of the subschemas' sizes.
 */
final class WitnessSearch {
    private static final JsonNodeFactory F = JsonMapper.builder().build().getNodeFactory();
    private static final int MAX_DEPTH = 8, MAX_VARIANTS = 64;
    private final JsonNode root;

    WitnessSearch(JsonNode root) {
        this.root = root;
    }

    List<JsonNode> candidates() {
        Set<JsonNode> out = new LinkedHashSet<>(variants(root, 0));
        return new ArrayList<>(out);
    }

    private List<JsonNode> variants(JsonNode schema, int depth) {
        List<JsonNode> out = new ArrayList<>();
        if (depth > MAX_DEPTH || schema == null) {
            out.add(F.nullNode());
            return out;
        }
        if (schema.isBoolean()) {
            if (schema.asBoolean()) out.addAll(List.of(F.stringNode("x"), F.numberNode(1), F.objectNode(), F.nullNode()));
            return out;
        }
        if (!schema.isObject()) return out;
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asString("");
            if (ref.startsWith("#")) {
                JsonNode target = ref.equals("#") ? root : root.at(ref.substring(1));
                if (!target.isMissingNode()) return variants(target, depth + 1);
            }
        }
        if (schema.has("const")) return List.of(schema.get("const"));
        if (schema.has("enum") && schema.get("enum").isArray()) {
            schema.get("enum").forEach(out::add);
            return out;
        }
        for (String comb : List.of("anyOf", "oneOf")) {
            if (schema.has(comb) && schema.get(comb).isArray()) {
                for (JsonNode branch : schema.get(comb)) out.addAll(variants(merge(schema, branch, comb), depth + 1));
                return cap(out);
            }
        }
        if (schema.has("allOf") && schema.get("allOf").isArray()) {
            JsonNode merged = schema;
            for (JsonNode b : schema.get("allOf")) merged = merge(merged, b, "allOf");
            return variants(merged, depth + 1);
        }
        List<String> types = new ArrayList<>();
        JsonNode type = schema.get("type");
        if (type != null && type.isString()) types.add(type.asString());
        else if (type != null && type.isArray()) type.forEach(t -> types.add(t.asString()));
        else if (schema.has("properties") || schema.has("required")) types.add("object");
        else if (schema.has("items")) types.add("array");
        else types.addAll(List.of("string", "integer", "object", "array", "boolean", "null"));
        for (String t : types) out.addAll(ofType(schema, t, depth));
        return cap(out);
    }

    private List<JsonNode> ofType(JsonNode s, String type, int depth) {
        List<JsonNode> out = new ArrayList<>();
        switch (type) {
            case "string" -> {
                int min = s.path("minLength").asInt(0), max = s.path("maxLength").asInt(Math.max(min, 12));
                String format = s.path("format").asString("");
                switch (format) {
                    case "date-time" -> out.add(F.stringNode("2024-01-01T00:00:00Z"));
                    case "date" -> out.add(F.stringNode("2024-01-01"));
                    case "time" -> out.add(F.stringNode("12:00:00Z"));
                    case "email" -> out.add(F.stringNode("a@example.com"));
                    case "uri", "url" -> out.add(F.stringNode("https://example.com/a"));
                    case "uuid" -> out.add(F.stringNode("123e4567-e89b-12d3-a456-426614174000"));
                    default -> { }
                }
                out.add(F.stringNode("x".repeat(Math.max(1, min))));
                out.add(F.stringNode("x".repeat(min)));
                out.add(F.stringNode("y".repeat(Math.min(max, 256))));
                out.add(F.stringNode("maybe"));
            }
            case "integer", "number" -> {
                boolean integer = type.equals("integer");
                double lo = s.has("minimum") ? s.get("minimum").asDouble() : s.has("exclusiveMinimum") && s.get("exclusiveMinimum").isNumber()
                        ? s.get("exclusiveMinimum").asDouble() + (integer ? 1 : 0.5) : -1;
                double hi = s.has("maximum") ? s.get("maximum").asDouble() : s.has("exclusiveMaximum") && s.get("exclusiveMaximum").isNumber()
                        ? s.get("exclusiveMaximum").asDouble() - (integer ? 1 : 0.5) : 1_000_000;
                for (double d : new double[]{lo, hi, 0, 1, -1, (lo + hi) / 2}) {
                    if (integer) out.add(F.numberNode((long) Math.ceil(d)));
                    else out.add(F.numberNode(d));
                }
                if (!integer) out.add(F.numberNode(0.5));
            }
            case "boolean" -> {
                out.add(F.booleanNode(true));
                out.add(F.booleanNode(false));
            }
            case "null" -> out.add(F.nullNode());
            case "array" -> {
                JsonNode items = s.get("items");
                int min = s.path("minItems").asInt(0);
                List<JsonNode> itemVariants = items != null && !items.isArray() ? variants(items, depth + 1) : List.of(F.stringNode("x"));
                JsonNode first = itemVariants.isEmpty() ? F.nullNode() : itemVariants.get(0);
                ArrayNode base = F.arrayNode();
                for (int i = 0; i < Math.max(1, min); i++) base.add(first);
                out.add(base);
                if (min == 0) out.add(F.arrayNode());
                for (JsonNode v : itemVariants) {
                    ArrayNode a = base.deepCopy();
                    a.set(0, v);
                    out.add(a);
                }
            }
            case "object" -> {
                JsonNode props = s.path("properties");
                Set<String> required = new LinkedHashSet<>();
                s.path("required").forEach(r -> required.add(r.asString()));
                ObjectNode base = F.objectNode();
                java.util.Map<String, List<JsonNode>> propVariants = new java.util.LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> p : props.properties()) {
                    List<JsonNode> vs = variants(p.getValue(), depth + 1);
                    propVariants.put(p.getKey(), vs);
                }
                for (String r : required) {
                    List<JsonNode> vs = propVariants.get(r);
                    base.set(r, vs == null || vs.isEmpty() ? F.stringNode("x") : vs.get(0));
                }
                out.add(base);
                ObjectNode full = base.deepCopy();
                for (Map.Entry<String, List<JsonNode>> e : propVariants.entrySet()) {
                    if (!full.has(e.getKey()) && !e.getValue().isEmpty()) full.set(e.getKey(), e.getValue().get(0));
                }
                out.add(full);
                for (Map.Entry<String, List<JsonNode>> e : propVariants.entrySet()) {
                    for (JsonNode v : e.getValue()) {
                        ObjectNode o = full.deepCopy();
                        o.set(e.getKey(), v);
                        out.add(o);
                    }
                    if (!required.contains(e.getKey())) {
                        ObjectNode o = full.deepCopy();
                        o.remove(e.getKey());
                        out.add(o);
                    }
                }
                JsonNode additional = s.get("additionalProperties");
                if (additional == null || !(additional.isBoolean() && !additional.asBoolean())) {
                    ObjectNode o = full.deepCopy();
                    List<JsonNode> extra = additional != null && additional.isObject() ? variants(additional, depth + 1) : List.of(F.stringNode("x"));
                    o.set("unexpectedField", extra.isEmpty() ? F.stringNode("x") : extra.get(0));
                    out.add(o);
                }
            }
            default -> { }
        }
        return out;
    }

    /** A branch of a combinator with the sibling keywords of its parent (minus the combinator). */
    private static JsonNode merge(JsonNode parent, JsonNode branch, String without) {
        if (!branch.isObject()) return branch;
        ObjectNode m = ((ObjectNode) parent).deepCopy();
        m.remove(without);
        for (Map.Entry<String, JsonNode> e : branch.properties()) {
            if (e.getKey().equals("properties") && m.get("properties") instanceof ObjectNode p && e.getValue().isObject()) {
                ObjectNode props = p.deepCopy();
                e.getValue().properties().forEach(pe -> props.set(pe.getKey(), pe.getValue()));
                m.set("properties", props);
            } else if (e.getKey().equals("required") && m.get("required") instanceof ArrayNode r && e.getValue().isArray()) {
                ArrayNode req = r.deepCopy();
                e.getValue().forEach(req::add);
                m.set("required", req);
            } else {
                m.set(e.getKey(), e.getValue());
            }
        }
        return m;
    }

    private static List<JsonNode> cap(List<JsonNode> in) {
        List<JsonNode> dedup = new ArrayList<>(new LinkedHashSet<>(in));
        return dedup.size() > MAX_VARIANTS ? dedup.subList(0, MAX_VARIANTS) : dedup;
    }
}
