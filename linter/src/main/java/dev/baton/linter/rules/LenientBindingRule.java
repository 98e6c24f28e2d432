package dev.baton.linter.rules;

import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.baton.linter.frontend.ParsedSource;
import dev.baton.linter.frontend.javasyntax.Imports;
import dev.baton.linter.frontend.javasyntax.LocalTypes;
import dev.baton.linter.graph.facts.ReceiveSite;
import dev.baton.linter.rule.FindingSink;
import dev.baton.linter.rule.LintContext;
import dev.baton.linter.rule.Principle;
import dev.baton.linter.rule.Rule;
import dev.baton.linter.rule.RuleInfo;
import dev.baton.linter.rule.Severity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the {@link ReceiveSite}s where agent output is bound with a named mapper, finds how that
 * mapper was built in the same class, and compares its configuration with the silent-acceptance
 * matrix of Jackson 2 ({@code new ObjectMapper()}) and Jackson 3 ({@code JsonMapper.builder().build()},
 * {@code new JsonMapper()}). A mapper it cannot see being built (injected, from a factory) is left
 * alone, and so is a receive site that validates before binding.
 */
@RuleInfo(id = "lenient-binding", severity = Severity.ERROR, principle = Principle.P1_EXPLICIT_SCHEMAS,
        summary = "Agent output is bound with a mapper that silently accepts malformed input",
        description = "Jackson's defaults accept input a boundary should reject: Jackson 2 takes the first of two JSON "
                + "values and ignores trailing prose, turns null into 0 for primitives, \"42\" into 42 and 1.9 into 1, "
                + "and lets a duplicate key win; Jackson 3 still coerces scalars and truncates floats, ignores unknown "
                + "fields and lets duplicates win. JSON-B (Yasson) ignores unknown properties and binds missing ones, "
                + "creator parameters included, as null, 0 or false; org.json's optString/optInt and JSON-P's "
                + "getString(name, default) turn a missing or mistyped key into a default. Bound that way, drifted model "
                + "output becomes plausible data.",
        fix = "Configure the boundary mapper strictly (the features named in the message), or receive through a Baton "
                + "Boundary, which parses, validates against the schema and binds strictly.")
public final class LenientBindingRule implements Rule {
    private record Feature(String name, boolean mustEnable, String accepts) {
    }

    private static final List<Feature> JACKSON2 = List.of(
            new Feature("FAIL_ON_TRAILING_TOKENS", true, "a second JSON value or trailing prose after the first"),
            new Feature("FAIL_ON_NULL_FOR_PRIMITIVES", true, "null as 0/false for primitives"),
            new Feature("ALLOW_COERCION_OF_SCALARS", false, "\"42\" as 42 and true as \"true\""),
            new Feature("ACCEPT_FLOAT_AS_INT", false, "1.9 truncated to 1"),
            new Feature("STRICT_DUPLICATE_DETECTION", true, "duplicate keys (the last one wins)"));
    private static final List<Feature> JACKSON3 = List.of(
            new Feature("FAIL_ON_UNKNOWN_PROPERTIES", true, "unknown fields, ignored"),
            new Feature("ALLOW_COERCION_OF_SCALARS", false, "\"42\" as 42 and true as \"true\""),
            new Feature("ACCEPT_FLOAT_AS_INT", false, "1.9 truncated to 1"),
            new Feature("STRICT_DUPLICATE_DETECTION", true, "duplicate keys (the last one wins)"));

    /**
     * One walk of a source file, remembered for every receive site in it: method calls by position,
     * and per enclosing type the values assigned to each name and the calls made on each name. Looking
     * these up per call site by walking the file again made a class with thousands of sites quadratic.
     */
    private static final class SourceIndex {
        final Imports imports;
        final Map<Long, MethodCallExpr> callsByPosition = new HashMap<>();
        final Map<TypeDeclaration<?>, TypeIndex> types = new IdentityHashMap<>();

        final Map<Long, ObjectCreationExpr> creationsByPosition = new HashMap<>();

        SourceIndex(ParsedSource source) {
            imports = Imports.of(source.unit());
            source.unit().walk(MethodCallExpr.class, m -> m.getBegin()
                    .ifPresent(p -> callsByPosition.putIfAbsent(position(p.line, p.column), m)));
            source.unit().walk(ObjectCreationExpr.class, o -> o.getBegin()
                    .ifPresent(p -> creationsByPosition.putIfAbsent(position(p.line, p.column), o)));
        }

        TypeIndex type(TypeDeclaration<?> t) {
            return types.computeIfAbsent(t, TypeIndex::new);
        }
    }

    /** Within one type: assigned values and calls, by the simple name of the variable or field they target. */
    private static final class TypeIndex {
        final Map<String, List<Expression>> assigned = new HashMap<>();
        final Map<String, List<MethodCallExpr>> callsOn = new HashMap<>();
        final Map<String, Map<String, Boolean>> configurations = new HashMap<>();

        TypeIndex(TypeDeclaration<?> t) {
            t.walk(AssignExpr.class, a -> {
                String target = a.getTarget() instanceof FieldAccessExpr f ? f.getNameAsString() : a.getTarget().toString();
                assigned.computeIfAbsent(target, k -> new ArrayList<>()).add(a.getValue());
            });
            t.walk(MethodCallExpr.class, m -> m.getScope().ifPresent(s -> {
                String name = s instanceof NameExpr n ? n.getNameAsString() : s instanceof FieldAccessExpr f ? f.getNameAsString() : null;
                if (name != null) callsOn.computeIfAbsent(name, k -> new ArrayList<>()).add(m);
            }));
        }
    }

    private static long position(int line, int column) {
        return ((long) line << 32) | (column & 0xffffffffL);
    }

    @Override
    public void check(LintContext context, FindingSink findings) {
        Map<ParsedSource, SourceIndex> indexes = new IdentityHashMap<>();
        for (ReceiveSite r : context.graph().facts(ReceiveSite.class)) {
            if (r.validated()) continue;
            Optional<ParsedSource> source = context.source(r.location().file());
            if (source.isEmpty()) continue;
            SourceIndex index = indexes.computeIfAbsent(source.get(), SourceIndex::new);
            long at = position(r.location().line(), r.location().column());
            Optional<MethodCallExpr> call = Optional.ofNullable(index.callsByPosition.get(at));
            Optional<ObjectCreationExpr> creation = Optional.ofNullable(index.creationsByPosition.get(at));
            if (creation.isPresent() && JsonTrees.isOrgJson(creation.get(), index.imports)) {
                JsonTrees.check(r, creation.get(), findings);
                continue;
            }
            Optional<MethodCallExpr> jsonP = call.flatMap(c -> JsonTrees.jsonP(c, index.imports));
            if (jsonP.isPresent()) {
                JsonTrees.check(r, jsonP.get(), findings);
                continue;
            }
            if (r.mapper() == null || call.isEmpty() || call.get().getScope().isEmpty()) continue;
            if (call.get().getNameAsString().equals("fromJson") && r.mechanism().startsWith("Gson.")) {
                checkGson(index, r, call.get(), findings);
                continue;
            }
            if (call.get().getNameAsString().equals("fromJson")) {
                JsonB.check(context, source.get(), index.imports, r, call.get(), findings);
                continue;
            }
            Imports imports = index.imports;
            Optional<LocalTypes.Declaration> decl = LocalTypes.of(call.get().getScope().get());
            if (decl.isEmpty() || decl.get().type() == null) continue;
            int generation = generation(imports, decl.get().type());
            if (generation == 0) continue;
            Optional<TypeIndex> type = call.get().findAncestor(TypeDeclaration.class).map(t -> index.type((TypeDeclaration<?>) t));
            List<Expression> builds = builds(type, decl.get());
            if (builds.isEmpty() || builds.stream().anyMatch(b -> !defaultConstruction(b))) continue;
            LocalTypes.Declaration d = decl.get();
            String key = d.name() + "@" + (d.initializer() == null ? "" : d.initializer().getBegin().map(Object::toString).orElse(""));
            Map<String, Boolean> configured = type.isPresent()
                    ? type.get().configurations.computeIfAbsent(key, k -> configuration(type, d, builds))
                    : configuration(type, d, builds);
            List<Feature> missing = new ArrayList<>();
            for (Feature f : generation == 2 ? JACKSON2 : JACKSON3) {
                Boolean v = configured.get(f.name());
                boolean coercionHandled = f.name().equals("ALLOW_COERCION_OF_SCALARS") && configured.containsKey("coercionConfig");
                if (coercionHandled) continue;
                if (v == null || v != f.mustEnable()) missing.add(f);
            }
            if (missing.isEmpty()) continue;
            List<String> accepts = missing.stream().map(Feature::accepts).toList();
            List<String> how = missing.stream().map(f -> (f.mustEnable() ? "enable " : "disable ") + f.name()).toList();
            List<String> agents = r.producer() == null ? List.of() : List.of(r.producer());
            findings.report(r.location(), "mapper '" + r.mapper() + "' (Jackson " + generation + ") binds agent output but "
                            + "silently accepts " + String.join("; ", accepts) + ": " + String.join(", ", how)
                            + ", or receive it through a Baton Boundary.",
                    agents, null, "mapper:" + r.mapper() + "|" + r.mechanism());
        }
    }

    /** Type-adapter registrations: the one way a Gson can refuse what it is given. */
    private static final Set<String> GSON_ADAPTERS = Set.of("registerTypeAdapter", "registerTypeAdapterFactory",
            "registerTypeHierarchyAdapter");

    /**
     * Gson, whatever its configuration, ignores fields the target does not declare and leaves missing ones
     * null, 0 or false (it has no option to refuse either), and reads a quoted number into a number field;
     * {@code setLenient()} or {@code Strictness.LENIENT} also takes unquoted names, single quotes and comments.
     * Reported when every construction of the instance is in sight ({@code new Gson()} or a
     * {@code GsonBuilder} chain) and none registers a type adapter, which could check the fields: a Gson
     * built elsewhere is left alone.
     */
    private static void checkGson(SourceIndex index, ReceiveSite r, MethodCallExpr call, FindingSink findings) {
        Optional<LocalTypes.Declaration> decl = LocalTypes.of(call.getScope().get());
        if (decl.isEmpty() || decl.get().type() == null || !Imports.simpleName(decl.get().type()).equals("Gson")) return;
        Optional<TypeIndex> type = call.findAncestor(TypeDeclaration.class).map(t -> index.type((TypeDeclaration<?>) t));
        List<Expression> builds = builds(type, decl.get());
        if (builds.isEmpty()) return;
        boolean lenient = false;
        for (Expression b : builds) {
            if (!gsonConstruction(b)) return;
            List<MethodCallExpr> calls = b.findAll(MethodCallExpr.class);
            if (calls.stream().anyMatch(m -> GSON_ADAPTERS.contains(m.getNameAsString()))) return;
            lenient |= calls.stream().anyMatch(m -> m.getNameAsString().equals("setLenient")
                    || m.getNameAsString().equals("setStrictness") && m.getArguments().size() == 1
                    && m.getArgument(0).toString().endsWith("LENIENT"));
        }
        List<String> agents = r.producer() == null ? List.of() : List.of(r.producer());
        findings.report(r.location(), "Gson '" + r.mapper() + "' binds agent output" + (r.targetType() == null ? "" : " into " + r.targetType())
                        + " but silently accepts fields the target does not declare (ignored); missing fields (left null, 0 or false, "
                        + "records too); numbers written as strings (\"42\" as 42)"
                        + (lenient ? "; malformed JSON (unquoted names, single quotes, comments: setLenient)" : "")
                        + ": " + (lenient ? "drop setLenient(); " : "") + "Gson has no option that refuses the rest, so validate the reply "
                        + "against its contract before binding "
                        + "(receive it through a Baton Boundary) or register a TypeAdapter that rejects unknown and missing fields.",
                agents, null, "gson:" + r.mapper() + "|" + r.mechanism());
    }

    /** {@code new Gson()}, or a {@code new GsonBuilder()...create()} chain. */
    private static boolean gsonConstruction(Expression e) {
        if (e instanceof ObjectCreationExpr o) return Imports.simpleName(o.getTypeAsString()).equals("Gson") && o.getArguments().isEmpty();
        if (!(e instanceof MethodCallExpr m) || !m.getNameAsString().equals("create")) return false;
        MethodCallExpr x = m;
        while (x.getScope().isPresent() && x.getScope().get() instanceof MethodCallExpr inner) x = inner;
        return x.getScope().map(s -> s instanceof ObjectCreationExpr o && Imports.simpleName(o.getTypeAsString()).equals("GsonBuilder"))
                .orElse(false);
    }

    /** 2 or 3 for a Jackson mapper type as written, 0 for anything else. */
    private static int generation(Imports imports, String type) {
        if (imports.refersTo(type, "com.fasterxml.jackson.databind.ObjectMapper")
                || imports.refersTo(type, "com.fasterxml.jackson.databind.json.JsonMapper")) {
            return 2;
        }
        if (imports.refersTo(type, "tools.jackson.databind.ObjectMapper") || imports.refersTo(type, "tools.jackson.databind.json.JsonMapper")) {
            return 3;
        }
        return 0;
    }

    /** Every expression the mapper variable is built from: its initialiser and assignments in the class. */
    private static List<Expression> builds(Optional<TypeIndex> type, LocalTypes.Declaration decl) {
        List<Expression> out = new ArrayList<>();
        if (decl.initializer() != null) out.add(decl.initializer());
        type.ifPresent(t -> out.addAll(t.assigned.getOrDefault(decl.name(), List.of())));
        return out;
    }

    /** {@code new ObjectMapper()}, {@code new JsonMapper()} or a {@code JsonMapper.builder()...build()} chain. */
    private static boolean defaultConstruction(Expression e) {
        if (e instanceof ObjectCreationExpr o) {
            String t = Imports.simpleName(o.getTypeAsString());
            return (t.equals("ObjectMapper") || t.equals("JsonMapper")) && o.getArguments().isEmpty() && o.getAnonymousClassBody().isEmpty();
        }
        if (e instanceof MethodCallExpr m) {
            MethodCallExpr x = m;
            while (x.getScope().isPresent() && x.getScope().get() instanceof MethodCallExpr inner) x = inner;
            if (x.getNameAsString().equals("builder") && x.getScope().map(s -> Imports.simpleName(s.toString()).equals("JsonMapper")).orElse(false)) {
                return true;
            }
            // new ObjectMapper().configure(...).enable(...)
            return x.getScope().map(s -> s instanceof ObjectCreationExpr o && defaultConstruction(o)).orElse(false);
        }
        return false;
    }

    /** Feature name → enabled (true) or disabled (false), from builder chains and calls on the mapper in the class. */
    private static Map<String, Boolean> configuration(Optional<TypeIndex> type, LocalTypes.Declaration decl, List<Expression> builds) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        Set<MethodCallExpr> calls = new LinkedHashSet<>();
        for (Expression b : builds) b.walk(MethodCallExpr.class, calls::add);
        type.ifPresent(t -> calls.addAll(t.callsOn.getOrDefault(decl.name(), List.of())));
        for (MethodCallExpr m : calls) {
            String name = m.getNameAsString();
            if (name.contains("oercion")) out.put("coercionConfig", true);
            Boolean value = switch (name) {
                case "enable" -> true;
                case "disable" -> false;
                case "configure" -> m.getArguments().size() == 2 && m.getArgument(1) instanceof BooleanLiteralExpr b ? b.getValue() : null;
                default -> null;
            };
            if (value == null) continue;
            List<Expression> args = name.equals("configure") ? List.of(m.getArgument(0)) : m.getArguments();
            for (Expression a : args) {
                String feature = a instanceof FieldAccessExpr f ? f.getNameAsString() : a instanceof NameExpr n ? n.getNameAsString() : null;
                if (feature != null) out.put(feature, value);
            }
        }
        return out;
    }
}
