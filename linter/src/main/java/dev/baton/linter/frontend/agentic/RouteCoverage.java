package dev.baton.linter.frontend.agentic;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import dev.baton.linter.frontend.ParsedSource;
import dev.baton.linter.frontend.javasyntax.CallChain;
import dev.baton.linter.frontend.javasyntax.Imports;
import dev.baton.linter.frontend.javasyntax.Literals;
import dev.baton.linter.frontend.javasyntax.LocalTypes;
import dev.baton.linter.frontend.javasyntax.Locations;
import dev.baton.linter.graph.HandoffGraph;
import dev.baton.linter.graph.facts.KeyAccess;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Conditionals that route on an enum and leave some of its constants without a branch ({@link UncoveredRoute}).
 * Read in {@code link}: the enum is often declared in another file. Only the plain shape is judged, so that
 * what is left uncovered is certain: every branch's condition is a comparison ({@code ==} or {@code equals},
 * joined by {@code ||}) of the same value ({@code scope.readState(K)}, or one {@code @K}/{@code @V} parameter of
 * an {@code @ActivationCondition}) with constants of one enum of the program, there are at least two branches,
 * and every branch writes the same one output key (alternatives for one result, not optional extra steps).
 */
final class RouteCoverage {
    private record Test(String subject, String enumType, Set<String> constants) {
    }

    private RouteCoverage() {
    }

    static void link(List<ParsedSource> sources, HandoffGraph.Builder graph) {
        Map<String, List<String>> enums = null;
        for (ParsedSource s : sources) {
            Imports imports = Imports.of(s.unit());
            if (!imports.importsFrom(AgenticFrontend.PKG)) continue;
            if (enums == null) enums = enums(sources);
            Map<String, List<String>> known = enums;
            for (MethodCallExpr call : s.unit().findAll(MethodCallExpr.class)) {
                if (call.getNameAsString().equals("conditionalBuilder") && call.getScope().map(x -> imports.refersTo(x.toString(),
                        AgenticFrontend.PKG + ".AgenticServices")).orElse(false)) {
                    builder(s, imports, call, known, graph);
                }
            }
            for (TypeDeclaration<?> type : s.unit().findAll(TypeDeclaration.class)) {
                for (MethodDeclaration m : type.getMethods()) {
                    for (AnnotationExpr a : m.getAnnotations()) {
                        if (imports.refersTo(a.getNameAsString(), AgenticFrontend.DECL + ".ConditionalAgent")) declarative(s, imports, type, a, known, graph);
                    }
                }
            }
        }
    }

    private static Map<String, List<String>> enums(List<ParsedSource> sources) {
        Map<String, List<String>> out = new HashMap<>();
        for (ParsedSource s : sources) {
            for (EnumDeclaration e : s.unit().findAll(EnumDeclaration.class)) {
                List<String> constants = e.getEntries().stream().map(EnumConstantDeclaration::getNameAsString).toList();
                e.getFullyQualifiedName().ifPresent(f -> out.merge(f, constants, (x, y) -> x.equals(y) ? x : List.of()));
            }
        }
        return out;
    }

    private static void builder(ParsedSource s, Imports imports, MethodCallExpr root, Map<String, List<String>> enums, HandoffGraph.Builder graph) {
        CallChain chain = CallChain.startingAt(root);
        List<Test> tests = new ArrayList<>();
        List<String> branches = new ArrayList<>();
        for (MethodCallExpr sub : chain.all("subAgents")) {
            if (sub.getArguments().size() != 2 || !(sub.getArgument(0) instanceof LambdaExpr l) || l.getParameters().size() != 1) return;
            Optional<Test> t = body(l.getBody()).flatMap(e -> test(e, imports, enums, RouteCoverage::scopeRead));
            Optional<String> agent = builtAgent(sub.getArgument(1), imports);
            if (t.isEmpty() || agent.isEmpty()) return;
            tests.add(t.get());
            branches.add(agent.get());
        }
        String name = root.findAncestor(com.github.javaparser.ast.body.VariableDeclarator.class)
                .map(d -> d.getNameAsString()).orElse("conditionalBuilder()");
        report(s, root, name, tests, branches, enums, graph);
    }

    private static void declarative(ParsedSource s, Imports imports, TypeDeclaration<?> type, AnnotationExpr a,
                                    Map<String, List<String>> enums, HandoffGraph.Builder graph) {
        List<String> subs = Literals.classAttribute(a, "subAgents");
        Map<String, Test> byAgent = new HashMap<>();
        for (MethodDeclaration m : type.getMethods()) {
            for (AnnotationExpr c : m.getAnnotations()) {
                if (!imports.refersTo(c.getNameAsString(), AgenticFrontend.DECL + ".ActivationCondition")) continue;
                List<String> agents = Literals.classAttribute(c, "value");
                Optional<Test> t = m.getBody().flatMap(b -> body(b)).flatMap(e -> test(e, imports, enums, x -> parameterKey(m, x)));
                if (agents.size() != 1 || t.isEmpty()) return;
                byAgent.put(agents.get(0), t.get());
            }
        }
        List<Test> tests = new ArrayList<>();
        List<String> branches = new ArrayList<>();
        for (String sub : subs) {
            Test t = byAgent.get(sub);
            if (t == null) return; // a branch without a condition of this shape: not judged
            tests.add(t);
            branches.add(AgenticFrontend.agentId(imports, sub));
        }
        report(s, a, type.getNameAsString(), tests, branches, enums, graph);
    }

    private static void report(ParsedSource s, Node at, String name, List<Test> tests, List<String> branches,
                               Map<String, List<String>> enums, HandoffGraph.Builder graph) {
        if (tests.size() < 2) return;
        Test first = tests.get(0);
        Set<String> covered = new LinkedHashSet<>();
        for (Test t : tests) {
            if (!t.subject().equals(first.subject()) || !t.enumType().equals(first.enumType())) return;
            covered.addAll(t.constants());
        }
        Optional<String> output = sharedOutput(branches, graph);
        if (output.isEmpty()) return;
        List<String> constants = enums.getOrDefault(first.enumType(), List.of());
        String simple = Imports.simpleName(first.enumType());
        List<String> missing = constants.stream().filter(c -> !covered.contains(c)).map(c -> simple + "." + c).toList();
        if (constants.isEmpty() || missing.isEmpty()) return;
        graph.fact(new UncoveredRoute(Locations.of(s, at), name, output.get(), missing));
    }

    /** The one output key every branch writes, if they all write the same one. */
    private static Optional<String> sharedOutput(List<String> branches, HandoffGraph.Builder graph) {
        Map<String, Set<String>> writes = new HashMap<>();
        for (var f : graph.facts()) {
            if (f instanceof AgenticKeyUse u && u.access() == KeyAccess.Access.WRITE && u.origin() == AgenticKeyUse.Origin.OUTPUT_KEY) {
                writes.computeIfAbsent(u.agent(), k -> new LinkedHashSet<>()).add(u.key());
            }
        }
        String shared = null;
        for (String b : branches) {
            Set<String> w = writes.getOrDefault(b, Set.of());
            if (w.size() != 1) return Optional.empty();
            String k = w.iterator().next();
            if (shared != null && !shared.equals(k)) return Optional.empty();
            shared = k;
        }
        return Optional.ofNullable(shared);
    }

    /** The agent a builder branch names: {@code agentBuilder(X.class)...build()}, directly or through a local. */
    private static Optional<String> builtAgent(Expression a, Imports imports) {
        Expression init = a instanceof NameExpr ? LocalTypes.of(a).map(LocalTypes.Declaration::initializer).orElse(null) : a;
        if (!(init instanceof MethodCallExpr m)) return Optional.empty();
        MethodCallExpr x = m;
        while (x.getScope().isPresent() && x.getScope().get() instanceof MethodCallExpr inner) x = inner;
        if (!x.getNameAsString().equals("agentBuilder") || x.getArguments().isEmpty() || !(x.getArgument(0) instanceof ClassExpr c)) {
            return Optional.empty();
        }
        return Optional.of(AgenticFrontend.agentId(imports, c.getTypeAsString()));
    }

    /** The expression a condition body returns: a lambda's expression, or a block of one {@code return}. */
    private static Optional<Expression> body(Node body) {
        if (body instanceof ExpressionStmt e) return Optional.of(e.getExpression());
        if (body instanceof Expression e) return Optional.of(e);
        if (body instanceof BlockStmt b && b.getStatements().size() == 1 && b.getStatement(0) instanceof ReturnStmt r) {
            return r.getExpression();
        }
        return Optional.empty();
    }

    /**
     * The value compared and the enum constants it is compared with, when the whole condition is such
     * comparisons joined by {@code ||}; empty for anything else.
     */
    private static Optional<Test> test(Expression e, Imports imports, Map<String, List<String>> enums,
                                       java.util.function.Function<Expression, Optional<String>> subjectOf) {
        while (e instanceof EnclosedExpr en) e = en.getInner();
        if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.OR) {
            Optional<Test> l = test(b.getLeft(), imports, enums, subjectOf);
            Optional<Test> r = test(b.getRight(), imports, enums, subjectOf);
            if (l.isEmpty() || r.isEmpty() || !l.get().subject().equals(r.get().subject()) || !l.get().enumType().equals(r.get().enumType())) {
                return Optional.empty();
            }
            Set<String> both = new LinkedHashSet<>(l.get().constants());
            both.addAll(r.get().constants());
            return Optional.of(new Test(l.get().subject(), l.get().enumType(), both));
        }
        Expression left;
        Expression right;
        if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.EQUALS) {
            left = b.getLeft();
            right = b.getRight();
        } else if (e instanceof MethodCallExpr m && m.getNameAsString().equals("equals") && m.getScope().isPresent() && m.getArguments().size() == 1) {
            left = m.getScope().get();
            right = m.getArgument(0);
        } else {
            return Optional.empty();
        }
        Optional<String[]> c = constant(right, imports, enums);
        Expression subject = left;
        if (c.isEmpty()) {
            c = constant(left, imports, enums);
            subject = right;
        }
        if (c.isEmpty()) return Optional.empty();
        Optional<String> key = subjectOf.apply(subject);
        if (key.isEmpty()) return Optional.empty();
        return Optional.of(new Test(key.get(), c.get()[0], Set.of(c.get()[1])));
    }

    /** {@code E.C} naming a constant of an enum of the program: its qualified enum name and the constant. */
    private static Optional<String[]> constant(Expression e, Imports imports, Map<String, List<String>> enums) {
        if (!(e instanceof FieldAccessExpr f)) return Optional.empty();
        Optional<String> type = imports.resolve(f.getScope().toString());
        if (type.isEmpty() || !enums.getOrDefault(type.get(), List.of()).contains(f.getNameAsString())) return Optional.empty();
        return Optional.of(new String[] {type.get(), f.getNameAsString()});
    }

    /** {@code scope.readState(K.class)} or {@code readState("key")} (with or without a default): the key as written. */
    private static Optional<String> scopeRead(Expression e) {
        while (e instanceof EnclosedExpr en) e = en.getInner();
        if (e instanceof MethodCallExpr m && m.getNameAsString().equals("readState") && !m.getArguments().isEmpty()) {
            return Optional.of(m.getArgument(0).toString());
        }
        return Optional.empty();
    }

    /** A parameter of the condition method, by the key it reads ({@code @K} class, {@code @V} name, else its name). */
    private static Optional<String> parameterKey(MethodDeclaration m, Expression e) {
        if (!(e instanceof NameExpr n)) return Optional.empty();
        for (Parameter p : m.getParameters()) {
            if (!p.getNameAsString().equals(n.getNameAsString())) continue;
            for (AnnotationExpr a : p.getAnnotations()) {
                String an = Imports.simpleName(a.getNameAsString());
                if (an.equals("K")) return Literals.classAttribute(a, "value").stream().findFirst().map(k -> k + ".class");
                if (an.equals("V")) return Literals.stringAttribute(a, "value").map(v -> "\"" + v + "\"");
            }
            return Optional.of("\"" + p.getNameAsString() + "\"");
        }
        return Optional.empty();
    }
}
