package dev.baton.linter.rules;

import dev.baton.linter.frontend.SchemaFile;
import dev.baton.linter.frontend.schema.JsonSchemas;
import dev.baton.linter.rule.FindingSink;
import dev.baton.linter.rule.LintContext;
import dev.baton.linter.rule.Principle;
import dev.baton.linter.rule.Rule;
import dev.baton.linter.rule.RuleInfo;
import dev.baton.linter.rule.Severity;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks each schema's subschemas (properties, items, definitions, combinator branches) and reports,
 * once per subschema, what makes it admit almost anything: {@code {}} or {@code true}; no
 * {@code type} (nor const, enum, $ref or a combinator); an object with properties but no
 * {@code required}; an object whose {@code additionalProperties} is open.
 */
@RuleInfo(id = "schema-loose", severity = Severity.WARNING, principle = Principle.P1_EXPLICIT_SCHEMAS,
        summary = "A boundary schema admits almost anything",
        description = "A schema that has no type, objects without required properties, or open additionalProperties "
                + "accepts the malformed output it exists to reject: a refusal, a wrapper object, or a renamed field all "
                + "validate, and the consumer binds defaults.",
        fix = "Give every subschema a type, list the properties the consumer needs in required, and close objects "
                + "with \"additionalProperties\": false.")
public final class SchemaLooseRule implements Rule {
    private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$comment", "title", "description",
            "examples", "default", "$defs", "definitions", "$anchor", "deprecated", "readOnly", "writeOnly");
    private static final Set<String> CONSTRAINING = Set.of("type", "const", "enum", "$ref", "$dynamicRef", "allOf",
            "anyOf", "oneOf", "not", "if");

    @Override
    public void check(LintContext context, FindingSink findings) {
        for (SchemaFile f : context.schemas()) {
            if (!f.parsed() || JsonSchemas.dialect(f.tree()).isEmpty()) continue;
            walk(context, f, f.tree(), "", false, findings);
        }
    }

    private void walk(LintContext context, SchemaFile f, JsonNode node, String pointer, boolean branch,
                      FindingSink findings) {
        if (node.isBoolean()) {
            if (node.asBoolean() && !branch) {
                findings.report(SchemaText.at(context, f, pointer), where(pointer) + " is 'true' and admits any value: "
                        + "describe the value with a type and its properties.", pointer + "|true");
            }
            return;
        }
        if (!node.isObject()) return;
        List<String> issues = new ArrayList<>();
        boolean onlyAnnotations = true;
        for (Map.Entry<String, JsonNode> e : node.properties()) if (!ANNOTATIONS.contains(e.getKey())) onlyAnnotations = false;
        if (onlyAnnotations && !branch) {
            findings.report(SchemaText.at(context, f, pointer), where(pointer) + " is empty and admits any value: "
                    + "describe the value with a type and its properties.", pointer + "|empty");
        } else if (!branch && CONSTRAINING.stream().noneMatch(node::has)) {
            issues.add("no \"type\"");
        }
        if (isObject(node)) {
            JsonNode props = node.get("properties");
            JsonNode required = node.get("required");
            if (props != null && props.isObject() && !props.isEmpty() && (required == null || !required.isArray() || required.isEmpty())) {
                issues.add("no \"required\" properties");
            }
            JsonNode additional = node.get("additionalProperties");
            JsonNode unevaluated = node.get("unevaluatedProperties");
            boolean closed = (additional != null && !(additional.isBoolean() && additional.asBoolean()))
                    || (unevaluated != null && unevaluated.isBoolean() && !unevaluated.asBoolean());
            if (!closed) issues.add("open \"additionalProperties\"");
        }
        if (!issues.isEmpty()) {
            findings.report(SchemaText.at(context, f, pointer), where(pointer) + " admits almost anything: "
                    + String.join(", ", issues) + ". " + advice(issues), pointer + "|" + String.join(",", issues));
        }
        for (String key : List.of("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")) {
            JsonNode m = node.get(key);
            if (m != null && m.isObject()) {
                for (Map.Entry<String, JsonNode> e : m.properties()) {
                    walk(context, f, e.getValue(), pointer + "/" + key + "/" + SchemaText.escape(e.getKey()), false, findings);
                }
            }
        }
        for (String key : List.of("items", "additionalItems", "contains")) {
            JsonNode s = node.get(key);
            if (s == null) continue;
            if (s.isArray()) for (int i = 0; i < s.size(); i++) walk(context, f, s.get(i), pointer + "/" + key + "/" + i, false, findings);
            else if (s.isObject()) walk(context, f, s, pointer + "/" + key, false, findings);
        }
        JsonNode additional = node.get("additionalProperties");
        if (additional != null && additional.isObject()) walk(context, f, additional, pointer + "/additionalProperties", false, findings);
        for (String key : List.of("prefixItems", "allOf", "anyOf", "oneOf")) {
            JsonNode arr = node.get(key);
            if (arr != null && arr.isArray()) {
                boolean isBranch = !key.equals("prefixItems");
                for (int i = 0; i < arr.size(); i++) walk(context, f, arr.get(i), pointer + "/" + key + "/" + i, isBranch, findings);
            }
        }
    }

    private static boolean isObject(JsonNode node) {
        JsonNode type = node.get("type");
        if (type == null) return false;
        if (type.isString()) return type.asString().equals("object");
        if (type.isArray()) for (JsonNode t : type) if ("object".equals(t.asString())) return true;
        return false;
    }

    private static String where(String pointer) {
        return pointer.isEmpty() ? "the schema" : "the schema at '" + pointer + "'";
    }

    private static String advice(List<String> issues) {
        List<String> fixes = new ArrayList<>();
        if (issues.contains("no \"type\"")) fixes.add("add a \"type\"");
        if (issues.contains("no \"required\" properties")) fixes.add("list the properties consumers need in \"required\"");
        if (issues.contains("open \"additionalProperties\"")) fixes.add("close the object with \"additionalProperties\": false");
        return String.join(", ", fixes).substring(0, 1).toUpperCase() + String.join(", ", fixes).substring(1) + ".";
    }
}
