package dev.baton.linter.rules;

import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.type.Type;
import dev.baton.linter.frontend.ParsedSource;
import dev.baton.linter.frontend.SchemaFile;
import dev.baton.linter.graph.ContractRef;
import dev.baton.linter.graph.Edge;
import dev.baton.linter.graph.facts.AgentContract;
import dev.baton.linter.rule.FindingSink;
import dev.baton.linter.rule.LintContext;
import dev.baton.linter.rule.Principle;
import dev.baton.linter.rule.Rule;
import dev.baton.linter.rule.RuleInfo;
import dev.baton.linter.rule.Severity;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * For contracts that name both a record and a schema ({@code Contract.of(Notes.class, "notes.schema.json")}),
 * compares the record's components with the schema's top-level properties: missing and extra
 * properties, JSON type against Java type, and primitives the schema lets go missing.
 * Only records are compared (their components are the whole binding); classes are left alone.
 */
@RuleInfo(id = "schema-drift", severity = Severity.ERROR, principle = Principle.P1_EXPLICIT_SCHEMAS,
        summary = "A record and the JSON Schema that claims to describe it disagree",
        description = "The contract pairs a Java record with a JSON Schema, and they have drifted apart: a component the "
                + "schema does not mention, a property the record cannot hold, a type that cannot bind, or a primitive the "
                + "schema allows to be absent. Values pass validation and then fail binding, or bind with silent defaults.",
        fix = "Regenerate the schema from the record, or edit one to match the other: same property names, compatible "
                + "types, and every primitive component listed in \"required\".")
public final class SchemaDriftRule implements Rule {
    @Override
    public void check(LintContext context, FindingSink findings) {
        List<ContractRef> contracts = new ArrayList<>();
        for (Edge e : context.graph().edges()) if (e.contract() != null) contracts.add(e.contract());
        for (AgentContract c : context.graph().facts(AgentContract.class)) contracts.add(c.contract());
        Set<String> done = new HashSet<>();
        for (ContractRef c : contracts) {
            if (c.javaType() == null || c.schemaPath() == null) continue;
            if (!done.add(c.javaType() + "|" + c.schemaPath())) continue;
            Optional<SchemaFile> schema = context.schema(c.schemaPath());
            if (schema.isEmpty() || !schema.get().parsed() || !schema.get().tree().isObject()) continue;
            Optional<RecordDeclaration> record = record(context, c.javaType());
            if (record.isEmpty()) continue;
            compare(c, record.get(), schema.get().tree(), findings);
        }
    }

    private static Optional<RecordDeclaration> record(LintContext context, String javaType) {
        String simple = javaType.substring(javaType.lastIndexOf('.') + 1);
        Optional<ParsedSource> src = context.sourceOfType(javaType);
        List<ParsedSource> candidates = new ArrayList<>();
        src.ifPresent(candidates::add);
        if (src.isEmpty()) candidates.addAll(context.sources());
        List<RecordDeclaration> found = new ArrayList<>();
        for (ParsedSource s : candidates) {
            for (RecordDeclaration r : s.unit().findAll(RecordDeclaration.class)) {
                if (r.getNameAsString().equals(simple)) found.add(r);
            }
        }
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    private void compare(ContractRef c, RecordDeclaration record, JsonNode schema, FindingSink findings) {
        JsonNode props = schema.path("properties");
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asString()));
        Map<String, Type> components = new LinkedHashMap<>();
        record.getParameters().forEach(p -> components.put(jsonName(p.getAnnotations(), p.getNameAsString()), p.getType()));
        String prefix = "record " + record.getNameAsString() + " and schema '" + c.schemaPath() + "' disagree: ";
        List<String> issues = new ArrayList<>();
        for (Map.Entry<String, Type> comp : components.entrySet()) {
            String name = comp.getKey();
            JsonNode prop = props.get(name);
            if (prop == null) {
                if (!props.isMissingNode() || schema.path("additionalProperties").isBoolean()) {
                    issues.add("component '" + name + "' has no property in the schema");
                }
                continue;
            }
            String javaJson = jsonType(comp.getValue());
            Set<String> schemaTypes = types(prop);
            if (javaJson != null && !schemaTypes.isEmpty() && !compatible(javaJson, schemaTypes)) {
                issues.add("'" + name + "' is " + comp.getValue().asString() + " (JSON " + javaJson + ") in the record but "
                        + schemaTypes + " in the schema");
            }
            if (comp.getValue().isPrimitiveType() && !required.contains(name)) {
                issues.add("primitive '" + name + "' is not required in the schema, so a missing value binds as "
                        + (comp.getValue().asString().equals("boolean") ? "false" : "0"));
            }
        }
        for (Map.Entry<String, JsonNode> p : props.properties()) {
            if (!components.containsKey(p.getKey())) issues.add("schema property '" + p.getKey() + "' has no record component");
        }
        for (String issue : issues) {
            findings.report(c.location(), prefix + issue + ". Regenerate the schema from the record or align them.",
                    c.javaType() + "|" + c.schemaPath() + "|" + issue);
        }
    }

    private static String jsonName(List<AnnotationExpr> annotations, String name) {
        for (AnnotationExpr a : annotations) {
            if (!a.getNameAsString().endsWith("JsonProperty")) continue;
            if (a instanceof SingleMemberAnnotationExpr s && s.getMemberValue() instanceof StringLiteralExpr l) return l.asString();
            if (a instanceof NormalAnnotationExpr n) {
                for (var pair : n.getPairs()) {
                    if (pair.getNameAsString().equals("value") && pair.getValue() instanceof StringLiteralExpr l) return l.asString();
                }
            }
        }
        return name;
    }

    private static Set<String> types(JsonNode prop) {
        Set<String> out = new HashSet<>();
        JsonNode t = prop.get("type");
        if (t == null) return out;
        if (t.isString()) out.add(t.asString());
        else t.forEach(x -> out.add(x.asString()));
        return out;
    }

    private static boolean compatible(String javaJson, Set<String> schemaTypes) {
        Set<String> nonNull = new HashSet<>(schemaTypes);
        nonNull.remove("null");
        if (nonNull.isEmpty()) return false;
        for (String s : nonNull) {
            boolean ok = s.equals(javaJson) || (javaJson.equals("number") && s.equals("integer"));
            if (!ok) return false;
        }
        return true;
    }

    /** The JSON type a Java type binds from, or {@code null} when the source does not say (a class, a type variable). */
    static String jsonType(Type type) {
        String t = type.asString();
        if (type.isArrayType()) return "array";
        int lt = t.indexOf('<');
        String raw = lt >= 0 ? t.substring(0, lt) : t;
        raw = raw.substring(raw.lastIndexOf('.') + 1);
        if (raw.equals("Optional") && type.isClassOrInterfaceType()) {
            return type.asClassOrInterfaceType().getTypeArguments().filter(a -> a.size() == 1).map(a -> jsonType(a.get(0))).orElse(null);
        }
        return switch (raw) {
            case "String", "char", "Character", "UUID", "Instant", "LocalDate", "LocalDateTime", "OffsetDateTime",
                 "ZonedDateTime", "LocalTime", "Duration", "URI", "URL" -> "string";
            case "int", "long", "short", "byte", "Integer", "Long", "Short", "Byte", "BigInteger" -> "integer";
            case "double", "float", "Double", "Float", "BigDecimal" -> "number";
            case "boolean", "Boolean" -> "boolean";
            case "List", "Set", "Collection", "ArrayList", "LinkedList", "HashSet", "SortedSet", "Iterable" -> "array";
            case "Map", "HashMap", "LinkedHashMap", "TreeMap", "SortedMap" -> "object";
            default -> null;
        };
    }
}
