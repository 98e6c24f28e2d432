package dev.baton.linter.rules;

import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import dev.baton.linter.frontend.ParsedSource;
import dev.baton.linter.frontend.javasyntax.Imports;
import dev.baton.linter.frontend.javasyntax.Literals;
import dev.baton.linter.frontend.javasyntax.LocalTypes;
import dev.baton.linter.graph.facts.ReceiveSite;
import dev.baton.linter.rule.FindingSink;
import dev.baton.linter.rule.LintContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * lenient-binding for JSON-B ({@code jakarta.json.bind}/{@code javax.json.bind}, Yasson being the
 * implementation in every Jakarta EE runtime): a {@code fromJson} of agent output on a {@code Jsonb}
 * the source shows being built with {@code JsonbBuilder.create()} or {@code JsonbBuilder.create(config)},
 * directly, in a variable or field, or behind a no-argument factory method of a project class
 * ({@code Json.instance()}). Defaults silently accept: properties the target does not declare
 * (ignored; Yasson's {@code withFailOnUnknownProperties(true)} rejects them) and missing properties,
 * creator parameters included since JSON-B 3.0 (bound as null, 0 or false;
 * {@code withCreatorParametersRequired(true)} rejects a missing creator parameter). A {@code Jsonb}
 * whose construction is not in sight (injected, built elsewhere) is left alone.
 */
final class JsonB {
    private static final List<String> TYPES = List.of("jakarta.json.bind.Jsonb", "javax.json.bind.Jsonb");
    private static final int FACTORY_DEPTH = 3;

    private record Feature(String option, String accepts, String fix) {
    }

    private static final Feature UNKNOWN = new Feature("fail-on-unknown-properties", "properties the target type does not declare (ignored)",
            "build it with new YassonConfig().withFailOnUnknownProperties(true)");
    private static final Feature MISSING = new Feature("creator-parameters-required",
            "missing properties and creator parameters (bound as null, 0 or false)",
            "withCreatorParametersRequired(true) on its JsonbConfig (records and @JsonbCreator types)");

    private JsonB() {
    }

    /** A built Jsonb: the expression that builds it and the file it is in. */
    private record Build(Expression expression, ParsedSource source) {
    }

    static void check(LintContext context, ParsedSource source, Imports imports, ReceiveSite r, MethodCallExpr call, FindingSink findings) {
        Expression scope = call.getScope().orElse(null);
        if (scope == null) return;
        List<Build> builds = builds(context, source, imports, scope, 0);
        if (builds.isEmpty()) return;
        List<Feature> missing = new ArrayList<>(List.of(UNKNOWN, MISSING));
        for (Build b : builds) {
            Optional<List<String>> enabled = enabledOptions(b);
            if (enabled.isEmpty()) return; // built in a way this rule does not read
            if (enabled.get().contains(UNKNOWN.option())) missing.remove(UNKNOWN);
            if (enabled.get().contains(MISSING.option())) missing.remove(MISSING);
        }
        if (missing.isEmpty()) return;
        List<String> agents = r.producer() == null ? List.of() : List.of(r.producer());
        findings.report(r.location(), "Jsonb '" + scope + "' (JSON-B defaults) binds agent output"
                        + (r.targetType() == null ? "" : " into " + r.targetType()) + " but silently accepts "
                        + String.join("; ", missing.stream().map(Feature::accepts).toList()) + ": "
                        + String.join(", ", missing.stream().map(Feature::fix).toList())
                        + ", or receive it through a Baton Boundary.",
                agents, null, "jsonb:" + scope + "|" + r.mechanism());
    }

    /** What builds the Jsonb an expression evaluates to; empty when that is not in sight. */
    private static List<Build> builds(LintContext context, ParsedSource source, Imports imports, Expression e, int depth) {
        List<Build> out = new ArrayList<>();
        if (depth > FACTORY_DEPTH) return out;
        if (e instanceof MethodCallExpr m && isCreate(m)) {
            out.add(new Build(m, source));
            return out;
        }
        if (e instanceof NameExpr || e instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr) {
            Optional<LocalTypes.Declaration> d = LocalTypes.of(e);
            if (d.isEmpty() || d.get().type() == null || TYPES.stream().noneMatch(t -> imports.refersTo(d.get().type(), t))) return out;
            List<Expression> values = new ArrayList<>();
            if (d.get().initializer() != null) values.add(d.get().initializer());
            e.findAncestor(TypeDeclaration.class).ifPresent(t -> t.walk(AssignExpr.class, a -> {
                String target = a.getTarget() instanceof FieldAccessExpr fa ? fa.getNameAsString() : a.getTarget().toString();
                if (target.equals(d.get().name())) values.add(a.getValue());
            }));
            for (Expression v : values) {
                List<Build> b = builds(context, source, imports, v, depth + 1);
                if (b.isEmpty()) return List.of(); // one construction out of sight: stay silent
                out.addAll(b);
            }
            return out;
        }
        if (e instanceof MethodCallExpr m && m.getArguments().isEmpty()) {
            // a factory: instance(), Json.instance(), this.jsonb()
            Optional<Located> type = declaringType(context, source, imports, m);
            if (type.isEmpty()) return out;
            for (MethodDeclaration factory : type.get().type().getMethodsByName(m.getNameAsString())) {
                if (!factory.getParameters().isEmpty() || factory.getBody().isEmpty()) continue;
                Imports theirs = Imports.of(type.get().source().unit());
                if (TYPES.stream().noneMatch(t -> theirs.refersTo(factory.getTypeAsString(), t))) continue;
                List<ReturnStmt> returns = factory.getBody().get().findAll(ReturnStmt.class);
                if (returns.size() != 1 || returns.get(0).getExpression().isEmpty()) return out;
                return builds(context, type.get().source(), theirs, returns.get(0).getExpression().get(), depth + 1);
            }
        }
        return out;
    }

    private record Located(TypeDeclaration<?> type, ParsedSource source) {
    }

    /** The type declaring a factory method: this file's own type, or a project type named by the call's scope. */
    private static Optional<Located> declaringType(LintContext context, ParsedSource source, Imports imports, MethodCallExpr m) {
        Optional<Expression> scope = m.getScope();
        if (scope.isEmpty() || scope.get() instanceof ThisExpr) {
            return m.findAncestor(TypeDeclaration.class).map(t -> new Located((TypeDeclaration<?>) t, source));
        }
        if (!(scope.get() instanceof NameExpr n) || !Character.isUpperCase(n.getNameAsString().charAt(0))) return Optional.empty();
        String simple = n.getNameAsString();
        for (TypeDeclaration<?> t : source.unit().findAll(TypeDeclaration.class)) {
            if (t.getNameAsString().equals(simple)) return Optional.of(new Located(t, source));
        }
        String fqn = imports.resolve(simple).orElse(simple);
        String file = source.path();
        String pkgDir = imports.packageName().replace('.', '/');
        int cut = pkgDir.isEmpty() ? file.lastIndexOf('/') + 1 : file.lastIndexOf(pkgDir + "/");
        List<String> candidates = new ArrayList<>();
        if (cut >= 0) candidates.add(file.substring(0, cut) + fqn.replace('.', '/') + ".java");
        candidates.add(file.substring(0, file.lastIndexOf('/') + 1) + simple + ".java");
        for (String path : candidates) {
            Optional<ParsedSource> other = context.source(path);
            if (other.isEmpty()) continue;
            for (TypeDeclaration<?> t : other.get().unit().findAll(TypeDeclaration.class)) {
                if (t.getNameAsString().equals(simple)) return Optional.of(new Located(t, other.get()));
            }
        }
        return Optional.empty();
    }

    private static boolean isCreate(MethodCallExpr m) {
        return m.getNameAsString().equals("create") && m.getScope().map(s -> Imports.simpleName(s.toString()).equals("JsonbBuilder")).orElse(false);
    }

    /**
     * The strictness options a {@code JsonbBuilder.create(..)} enables: none for {@code create()}; for
     * {@code create(config)}, those its {@code JsonbConfig}/{@code YassonConfig} chain or variable sets.
     * Empty when the configuration is not in sight.
     */
    private static Optional<List<String>> enabledOptions(Build b) {
        MethodCallExpr create = (MethodCallExpr) b.expression();
        if (create.getArguments().isEmpty()) return Optional.of(List.of());
        if (create.getArguments().size() != 1) return Optional.empty();
        Expression config = create.getArgument(0);
        List<MethodCallExpr> calls = new ArrayList<>();
        if (config instanceof NameExpr n) {
            Optional<LocalTypes.Declaration> d = LocalTypes.of(n);
            if (d.isEmpty() || d.get().initializer() == null) return Optional.empty();
            config = d.get().initializer();
            String name = n.getNameAsString();
            create.findAncestor(MethodDeclaration.class).ifPresent(m -> m.walk(MethodCallExpr.class, c -> {
                if (c.getScope().map(s -> s instanceof NameExpr x && x.getNameAsString().equals(name)).orElse(false)) calls.add(c);
            }));
            if (d.get().declaration() instanceof VariableDeclarator v && v.getParentNode().orElse(null) instanceof FieldDeclaration) {
                v.findAncestor(TypeDeclaration.class).ifPresent(t -> t.walk(MethodCallExpr.class, c -> {
                    if (c.getScope().map(s -> s instanceof NameExpr x && x.getNameAsString().equals(name)).orElse(false)) calls.add(c);
                }));
            }
        }
        Expression root = config;
        while (root instanceof MethodCallExpr m && m.getScope().isPresent()) {
            calls.add(m);
            root = m.getScope().get();
        }
        if (!(root instanceof ObjectCreationExpr o) || !Imports.simpleName(o.getTypeAsString()).matches("JsonbConfig|YassonConfig")) {
            return Optional.empty();
        }
        List<String> enabled = new ArrayList<>();
        for (MethodCallExpr c : calls) {
            String name = c.getNameAsString();
            boolean on = c.getArguments().size() == 1 ? c.getArgument(0) instanceof BooleanLiteralExpr bl && bl.getValue()
                    : c.getArguments().size() == 2 && c.getArgument(1) instanceof BooleanLiteralExpr b2 && b2.getValue();
            if (!on) continue;
            if (name.equals("withFailOnUnknownProperties")) enabled.add(UNKNOWN.option());
            if (name.equals("withCreatorParametersRequired")) enabled.add(MISSING.option());
            if (name.equals("setProperty") && c.getArguments().size() == 2) {
                Expression key = c.getArgument(0);
                String k = Literals.string(key).orElse(key instanceof FieldAccessExpr f ? f.getNameAsString() : key.toString());
                if (k.endsWith("fail-on-unknown-properties") || k.endsWith("FAIL_ON_UNKNOWN_PROPERTIES")) enabled.add(UNKNOWN.option());
                if (k.endsWith("creator-parameters-required") || k.endsWith("CREATOR_PARAMETERS_REQUIRED")) enabled.add(MISSING.option());
            }
        }
        return Optional.of(enabled);
    }
}
