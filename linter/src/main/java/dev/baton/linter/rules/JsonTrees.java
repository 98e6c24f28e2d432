package dev.baton.linter.rules;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.baton.linter.frontend.javasyntax.Imports;
import dev.baton.linter.frontend.javasyntax.Literals;
import dev.baton.linter.graph.facts.ReceiveSite;
import dev.baton.linter.rule.FindingSink;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * lenient-binding for agent output parsed into a JSON tree whose keys are then read with defaults:
 * org.json ({@code new JSONObject(raw)}, then {@code optString}, {@code optInt}...) and JSON-P
 * ({@code Json.createReader(new StringReader(raw))}, then {@code getString(name, default)}...). Those
 * accessors turn a missing key, a null or a value of another type into the default, so a renamed
 * or dropped field in the model's reply becomes an empty or zero value. The strict accessors
 * ({@code getString(key)}, {@code getInt(key)}), which throw on a missing or mistyped key, are not
 * reported.
 */
final class JsonTrees {
    /** org.json accessor → what it turns a missing key, a null or another type into (when no default is given). */
    private static final Map<String, String> ORG_JSON = Map.of(
            "optString", "\"\" (and any other value into its text)", "optInt", "0", "optLong", "0", "optDouble", "NaN",
            "optFloat", "NaN", "optBoolean", "false", "optJSONObject", "null", "optJSONArray", "null",
            "optBigDecimal", "the default", "optNumber", "null");
    /** JSON-P {@code JsonObject} accessors that take a default as their second argument. */
    private static final Set<String> JSON_P = Set.of("getString", "getInt", "getBoolean");

    private JsonTrees() {
    }

    static boolean isOrgJson(ObjectCreationExpr o, Imports imports) {
        return imports.refersTo(o.getTypeAsString(), "org.json.JSONObject") && o.getArguments().size() == 1;
    }

    /** The JSON-P {@code Json.createReader(..)} at the start of a call chain ({@code Json.createReader(..).readObject()}). */
    static java.util.Optional<MethodCallExpr> jsonP(MethodCallExpr m, Imports imports) {
        Expression x = m;
        while (x instanceof MethodCallExpr c) {
            if (c.getNameAsString().equals("createReader") && c.getScope()
                    .map(s -> imports.refersTo(s.toString(), "jakarta.json.Json") || imports.refersTo(s.toString(), "javax.json.Json"))
                    .orElse(false)) {
                return java.util.Optional.of(c);
            }
            x = c.getScope().orElse(null);
        }
        return java.util.Optional.empty();
    }

    static void check(ReceiveSite r, Expression parse, FindingSink findings) {
        boolean orgJson = parse instanceof ObjectCreationExpr;
        Node scope = parse.findAncestor(LambdaExpr.class).map(l -> (Node) l)
                .or(() -> parse.findAncestor(CallableDeclaration.class).map(c -> (Node) c)).orElse(null);
        if (scope == null) return;
        // the names that hold the tree: the receive site's variable, and variables initialised from it (obj = reader.readObject())
        Set<String> holders = new HashSet<>();
        if (r.mapper() != null) holders.add(r.mapper());
        for (VariableDeclarator v : scope.findAll(VariableDeclarator.class)) {
            if (v.getInitializer().isPresent() && rootedAt(v.getInitializer().get(), holders, parse)) holders.add(v.getNameAsString());
        }
        Set<String> accepted = new LinkedHashSet<>();
        List<MethodCallExpr> lenient = new ArrayList<>();
        for (MethodCallExpr c : scope.findAll(MethodCallExpr.class)) {
            String name = c.getNameAsString();
            boolean isLenient = orgJson ? ORG_JSON.containsKey(name) && !c.getArguments().isEmpty()
                    : JSON_P.contains(name) && c.getArguments().size() == 2;
            if (!isLenient || c.getScope().isEmpty() || !rootedAt(c.getScope().get(), holders, parse)) continue;
            lenient.add(c);
            String key = Literals.string(c.getArgument(0)).map(k -> "\"" + k + "\"").orElse(c.getArgument(0).toString());
            String as = c.getArguments().size() >= 2 ? c.getArgument(1).toString() : ORG_JSON.get(name);
            accepted.add(name + "(" + key + ") takes a missing key, a null or a value of another type as " + as);
        }
        if (lenient.isEmpty()) return;
        List<String> agents = r.producer() == null ? List.of() : List.of(r.producer());
        findings.report(r.location(), "the JSON tree parsed from agent output (" + (orgJson ? "org.json" : "JSON-P") + ") is read "
                        + "with defaults that silently accept a renamed or dropped field: " + String.join("; ", accepted) + ". Read "
                        + "required keys with the accessors that throw (" + (orgJson ? "getString(key), getInt(key)" : "getString(name), getInt(name)")
                        + "), or validate the reply against a JSON Schema (a Baton Boundary) before reading it.",
                agents, null, "json-tree:" + (orgJson ? "org.json" : "json-p") + "|" + String.join(",", lenient.stream().map(MethodCallExpr::getNameAsString).toList()));
    }

    /** Whether a call chain starts at one of the holder names, or at the parse expression itself. */
    private static boolean rootedAt(Expression e, Set<String> holders, Expression parse) {
        Expression x = e;
        while (true) {
            if (x == parse) return true;
            if (x instanceof MethodCallExpr m && m.getScope().isPresent()) {
                x = m.getScope().get();
                continue;
            }
            break;
        }
        return x instanceof NameExpr n && holders.contains(n.getNameAsString());
    }
}
