package dev.baton.linter.frontend.langgraph4j;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import dev.baton.linter.frontend.ParsedSource;
import dev.baton.linter.frontend.javasyntax.Imports;
import dev.baton.linter.frontend.javasyntax.Literals;
import dev.baton.linter.frontend.javasyntax.LocalTypes;
import dev.baton.linter.frontend.javasyntax.Locations;
import dev.baton.linter.frontend.javasyntax.OutputFlow;
import dev.baton.linter.frontend.langgraph4j.GraphFacts.KeyUse;
import dev.baton.linter.frontend.langgraph4j.GraphFacts.KeyWrite;
import dev.baton.linter.frontend.langgraph4j.GraphFacts.NodeBody;
import dev.baton.linter.frontend.langgraph4j.GraphFacts.UseKind;
import dev.baton.linter.frontend.springai.SpringAiFrontend;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the code of one node or router ({@code state -> ..}, a method, a class's {@code apply}): the entries of the
 * map it returns whose value is a model call's output (Spring AI {@code ChatClient} calls, LangChain4j AI-service
 * methods), and what it does with the state values it reads ({@code state.value("k")}, {@code state.data().get("k")},
 * the state class's accessors). Syntax only: a value the method cannot follow is no write and no use.
 */
final class NodeBodies {
    /** Producer ids of state reads, as {@link OutputFlow} carries them; the key as written follows. */
    static final String KEY = "lg4j-key:";
    /** A LangChain4j AI-service method, kept as a candidate until the link step sees the service's agents. */
    static final String LC4J = "lc4j:";
    private static final Set<String> OPTIONAL_READS = Set.of("orElse", "orElseThrow", "get", "orElseGet");
    private static final Set<String> OPTIONAL_LAMBDAS = Set.of("map", "filter", "ifPresent", "flatMap", "ifPresentOrElse");
    private static final Set<String> PRESERVING = Set.of("trim", "strip", "toString", "stripLeading", "stripTrailing");
    private static final Set<String> NOT_ACCESSORS = Set.of("data", "value", "toString", "hashCode", "getClass", "keySet",
            "mergeWith");
    private static final Set<String> PROMPT_INPUTS = Set.of("prompt", "user", "system", "param", "text", "params");
    private static final Set<String> VALIDATION_CALLS = Set.of("validate", "validateSchema", "receive", "receiveOrThrow");

    private NodeBodies() {
    }

    /**
     * @param code      a {@link LambdaExpr} or a {@link MethodDeclaration} whose first parameter is the state
     * @param router    whether the code is a conditional edge's action (its return value picks the next node)
     */
    static Optional<NodeBody> read(ParsedSource source, Imports imports, Node code, String body, String stateType, boolean router) {
        Node target = delegate(code).orElse(code);
        List<Parameter> params = target instanceof LambdaExpr l ? l.getParameters()
                : target instanceof MethodDeclaration m ? m.getParameters() : List.of();
        Node inner = target instanceof LambdaExpr l ? l.getBody()
                : target instanceof MethodDeclaration m ? m.getBody().orElse(null) : null;
        if (inner == null || params.isEmpty()) return Optional.empty();
        String state = params.get(0).getNameAsString();
        Resolver resolver = new Resolver(imports, state, target);
        OutputFlow.Result flow = OutputFlow.analyze(inner, resolver);
        boolean validated = inner.findFirst(MethodCallExpr.class, c -> VALIDATION_CALLS.contains(c.getNameAsString())).isPresent();

        List<KeyUse> uses = new ArrayList<>();
        for (OutputFlow.Decision d : flow.decisions()) {
            if (!d.producer().agent().startsWith(KEY)) continue;
            uses.add(new KeyUse(d.producer().agent().substring(KEY.length()), UseKind.DECIDE, d.operation(), d.node().toString(),
                    null, null, false, Locations.of(source, d.node())));
        }
        for (OutputFlow.Binding b : flow.bindings()) {
            if (!b.producer().agent().startsWith(KEY)) continue;
            uses.add(new KeyUse(b.producer().agent().substring(KEY.length()), UseKind.BIND, b.mechanism(), b.call().toString(),
                    b.targetType(), b.mapper(), validated, Locations.of(source, b.call())));
        }
        for (OutputFlow.Forward f : flow.forwards()) {
            if (!f.producer().agent().startsWith(KEY)) continue;
            // the consumer (a model call) is kept as the target, checked against the graph when linking
            uses.add(new KeyUse(f.producer().agent().substring(KEY.length()), UseKind.FORWARD, f.call().getNameAsString(),
                    f.call().toString(), f.consumer(), null, false, Locations.of(source, f.call().getName())));
        }

        Set<String> models = new LinkedHashSet<>();
        inner.walk(MethodCallExpr.class, c -> resolver.model(c).ifPresent(p -> models.add(p.agent())));

        List<KeyWrite> writes = new ArrayList<>();
        for (Expression returned : returned(target, inner)) {
            Expression value = unwrap(returned);
            if (router) {
                resolver.producerOf(value).filter(p -> p.agent().startsWith(KEY)).ifPresent(p -> uses.add(new KeyUse(
                        p.agent().substring(KEY.length()), UseKind.ROUTE, "route lookup", value.toString(), null, null, false,
                        Locations.of(source, value))));
                continue;
            }
            for (Expression[] entry : entries(value, inner)) {
                Optional<String> key = keyOf(entry[0], imports);
                if (key.isEmpty()) continue;
                written(source, flow, resolver, key.get(), entry[1]).ifPresent(writes::add);
            }
        }
        if (writes.isEmpty() && uses.isEmpty() && models.isEmpty()) return Optional.empty();
        return Optional.of(new NodeBody(Locations.of(source, code), body, stateType, List.copyOf(models), writes, uses));
    }

    /**
     * {@code state -> step(state)}: a lambda that only hands the state to a method of its own class is that method's
     * code (one level; the state is the argument at the position the lambda passes it).
     */
    private static Optional<Node> delegate(Node code) {
        if (!(code instanceof LambdaExpr l) || l.getParameters().isEmpty()) return Optional.empty();
        Expression call = l.getExpressionBody().orElse(null);
        if (call == null && l.getBody().isBlockStmt() && l.getBody().asBlockStmt().getStatements().size() == 1) {
            var only = l.getBody().asBlockStmt().getStatement(0);
            if (only instanceof ReturnStmt r) call = r.getExpression().orElse(null);
        }
        if (!(call instanceof MethodCallExpr m) || (m.getScope().isPresent() && !(m.getScope().get() instanceof ThisExpr))) {
            return Optional.empty();
        }
        String state = l.getParameter(0).getNameAsString();
        int at = -1;
        for (int i = 0; i < m.getArguments().size(); i++) {
            if (m.getArgument(i) instanceof NameExpr n && n.getNameAsString().equals(state)) at = i;
        }
        if (at != 0) return Optional.empty();
        Optional<TypeDeclaration> owner = l.findAncestor(TypeDeclaration.class);
        if (owner.isEmpty()) return Optional.empty();
        List<MethodDeclaration> named = owner.get().getMethodsByName(m.getNameAsString());
        List<MethodDeclaration> matching = named.stream().filter(d -> d.getParameters().size() == m.getArguments().size()).toList();
        return matching.size() == 1 ? Optional.of(matching.get(0)) : Optional.empty();
    }

    /**
     * The expressions the code returns, not counting those of lambdas and classes nested in it, except the
     * supplier of an asynchronous node's {@code CompletableFuture.supplyAsync(() -> Map.of(..))}.
     */
    private static List<Expression> returned(Node target, Node inner) {
        List<Expression> out = new ArrayList<>();
        for (Expression e : returnedDirectly(target, inner)) {
            Expression x = unwrap(e);
            if (x instanceof MethodCallExpr m && m.getNameAsString().equals("supplyAsync") && !m.getArguments().isEmpty()
                    && m.getArgument(0) instanceof LambdaExpr supplier) {
                out.addAll(returnedDirectly(supplier, supplier.getBody()));
            } else {
                out.add(e);
            }
        }
        return out;
    }

    private static List<Expression> returnedDirectly(Node target, Node inner) {
        List<Expression> out = new ArrayList<>();
        if (target instanceof LambdaExpr l && l.getExpressionBody().isPresent()) {
            out.add(l.getExpressionBody().get());
            return out;
        }
        inner.walk(ReturnStmt.class, r -> {
            Node owner = r.getParentNode().orElse(null);
            while (owner != null && owner != target && !(owner instanceof LambdaExpr) && !(owner instanceof BodyDeclaration<?>)
                    && !(owner instanceof ObjectCreationExpr)) {
                owner = owner.getParentNode().orElse(null);
            }
            if (owner == target) r.getExpression().ifPresent(out::add);
        });
        return out;
    }

    /** {@code CompletableFuture.completedFuture(x)}, casts and parentheses: the value itself. */
    private static Expression unwrap(Expression e) {
        Expression x = e;
        while (true) {
            if (x instanceof EnclosedExpr en) x = en.getInner();
            else if (x instanceof CastExpr c) x = c.getExpression();
            else if (x instanceof MethodCallExpr m && m.getNameAsString().equals("completedFuture") && m.getArguments().size() == 1) {
                x = m.getArgument(0);
            } else {
                return x;
            }
        }
    }

    /**
     * The key/value pairs of a returned map: {@code Map.of(k, v, ..)}, {@code Map.ofEntries(Map.entry(k, v), ..)}, or a
     * local map filled with {@code put(k, v)} in the same code.
     */
    private static List<Expression[]> entries(Expression map, Node inner) {
        List<Expression[]> out = new ArrayList<>();
        if (map instanceof MethodCallExpr m && m.getNameAsString().equals("of") && m.getArguments().size() % 2 == 0
                && m.getScope().map(s -> s.toString().endsWith("Map")).orElse(false)) {
            for (int i = 0; i < m.getArguments().size(); i += 2) out.add(new Expression[]{m.getArgument(i), m.getArgument(i + 1)});
        } else if (map instanceof MethodCallExpr m && m.getNameAsString().equals("ofEntries")) {
            for (Expression a : m.getArguments()) {
                if (a instanceof MethodCallExpr e && e.getNameAsString().equals("entry") && e.getArguments().size() == 2) {
                    out.add(new Expression[]{e.getArgument(0), e.getArgument(1)});
                }
            }
        } else if (map instanceof NameExpr n) {
            Optional<LocalTypes.Declaration> d = LocalTypes.of(n);
            if (d.isEmpty() || !(d.get().declaration() instanceof VariableDeclarator v)) return out;
            if (d.get().initializer() != null) out.addAll(entries(unwrap(d.get().initializer()), inner));
            inner.walk(MethodCallExpr.class, put -> {
                if (!(put.getNameAsString().equals("put") || put.getNameAsString().equals("putIfAbsent")) || put.getArguments().size() != 2) return;
                if (!(put.getScope().orElse(null) instanceof NameExpr s) || !LocalTypes.of(s).map(x -> x.declaration() == v).orElse(false)) return;
                out.add(new Expression[]{put.getArgument(0), put.getArgument(1)});
            });
        }
        return out;
    }

    /**
     * A state key as written: a literal's value, a constant of a type in this file, {@code ref:<Type>.<NAME>} for a
     * constant the link step looks up in the state classes (a static import names its owner), else empty.
     */
    static Optional<String> keyOf(Expression e, Imports imports) {
        Optional<String> literal = Literals.string(e);
        if (literal.isPresent()) return literal;
        if (e instanceof NameExpr n) {
            Optional<LocalTypes.Declaration> d = LocalTypes.of(n);
            if (d.isPresent() && d.get().initializer() != null && d.get().declaration().findAncestor(FieldDeclaration.class).isPresent()) {
                return Literals.string(d.get().initializer());
            }
            if (d.isPresent()) return Optional.empty();
            Optional<String> owner = staticOwner(n.getNameAsString(), e, imports);
            return owner.map(o -> "ref:" + Imports.simpleName(o) + "." + n.getNameAsString());
        }
        if (e instanceof FieldAccessExpr f && f.getScope() instanceof NameExpr type
                && Character.isUpperCase(type.getNameAsString().charAt(0))) {
            // a constant of a type declared in this file
            for (TypeDeclaration<?> t : e.findCompilationUnit().map(u -> u.findAll(TypeDeclaration.class)).orElse(List.of())) {
                if (!t.getNameAsString().equals(type.getNameAsString())) continue;
                Optional<String> v = t.getFieldByName(f.getNameAsString()).flatMap(fd -> fd.getVariables().stream()
                        .filter(x -> x.getNameAsString().equals(f.getNameAsString())).findFirst())
                        .flatMap(VariableDeclarator::getInitializer).flatMap(Literals::string);
                if (v.isPresent()) return v;
            }
            return Optional.of("ref:" + type.getNameAsString() + "." + f.getNameAsString());
        }
        return Optional.empty();
    }

    /** The class a statically imported constant comes from, if the file imports it by name. */
    private static Optional<String> staticOwner(String name, Node at, Imports imports) {
        return at.findCompilationUnit().flatMap(u -> u.getImports().stream()
                .filter(i -> i.isStatic() && !i.isAsterisk() && i.getName().getIdentifier().equals(name))
                .findFirst().flatMap(i -> i.getName().getQualifier().map(Object::toString)));
    }

    /** The write of one entry whose value is (a part of) a model call's output. */
    private static Optional<KeyWrite> written(ParsedSource source, OutputFlow.Result flow, Resolver resolver, String key,
                                              Expression value) {
        Expression v = unwrap(value);
        while (v instanceof MethodCallExpr m && m.getArguments().isEmpty() && m.getScope().isPresent() && PRESERVING.contains(m.getNameAsString())) {
            v = unwrap(m.getScope().get());
        }
        if (v instanceof ConditionalExpr c) {
            // raw == null ? "" : raw
            Optional<KeyWrite> then = written(source, flow, resolver, key, c.getThenExpr());
            return then.isPresent() ? then : written(source, flow, resolver, key, c.getElseExpr());
        }
        // review.verdict() of a local holding a model's output is a part of it, not another call
        if (v instanceof MethodCallExpr acc && acc.getArguments().isEmpty() && acc.getScope().isPresent()) {
            Optional<Origin> of = origin(unwrap(acc.getScope().get()), flow, resolver);
            if (of.isPresent() && !of.get().producer().agent().startsWith(KEY)) {
                OutputFlow.Producer p = of.get().producer();
                boolean usedWhole = of.get().declaration() != null && Boolean.TRUE.equals(flow.wholeUse().get(of.get().declaration()));
                return Optional.of(new KeyWrite(key, p.agent(), p.javaType(), acc.getNameAsString(),
                        componentType(acc, p.javaType(), acc.getNameAsString()), usedWhole, Locations.of(source, value)));
            }
        }
        Optional<Origin> whole = origin(v, flow, resolver);
        if (whole.isPresent()) {
            OutputFlow.Producer p = whole.get().producer();
            return Optional.of(new KeyWrite(key, p.agent(), p.javaType(), null, p.javaType(), true, Locations.of(source, value)));
        }
        return Optional.empty();
    }

    private record Origin(OutputFlow.Producer producer, Node declaration) {
    }

    /** The output an expression is: a model call itself, or a local initialised from one. State reads are not writes. */
    private static Optional<Origin> origin(Expression e, OutputFlow.Result flow, Resolver resolver) {
        Optional<OutputFlow.Producer> direct = resolver.model(e);
        if (direct.isPresent()) return Optional.of(new Origin(direct.get(), null));
        if (e instanceof NameExpr n) {
            Optional<LocalTypes.Declaration> d = LocalTypes.of(n);
            if (d.isEmpty()) return Optional.empty();
            OutputFlow.Producer p = flow.origins().get(d.get().declaration());
            if (p != null && !p.agent().startsWith(KEY)) return Optional.of(new Origin(p, d.get().declaration()));
        }
        return Optional.empty();
    }

    /** The declared type of a record component, when the record is declared in the same file. */
    private static String componentType(Node at, String recordType, String accessor) {
        if (recordType == null) return null;
        String simple = Imports.simpleName(recordType);
        for (RecordDeclaration r : at.findCompilationUnit().map(u -> u.findAll(RecordDeclaration.class)).orElse(List.of())) {
            if (!r.getNameAsString().equals(simple)) continue;
            for (Parameter p : r.getParameters()) if (p.getNameAsString().equals(accessor)) return p.getTypeAsString();
        }
        return null;
    }

    /** Model calls and state reads in one node's code. */
    static final class Resolver implements OutputFlow.Resolver {
        private final Imports imports;
        private final String state;
        private final Node code;

        Resolver(Imports imports, String state, Node code) {
            this.imports = imports;
            this.state = state;
            this.code = code;
        }

        /** A Spring AI call site, or a LangChain4j AI-service call (a candidate until the link step). */
        Optional<OutputFlow.Producer> model(Expression e) {
            if (!(e instanceof MethodCallExpr m)) return Optional.empty();
            Optional<OutputFlow.Producer> spring = SpringAiFrontend.producerOf(m);
            if (spring.isPresent()) return spring;
            if (m.getScope().isEmpty() || isState(m.getScope().get())) return Optional.empty();
            Optional<LocalTypes.Declaration> d = LocalTypes.of(m.getScope().get());
            if (d.isEmpty() || d.get().type() == null || d.get().type().equals("var")) return Optional.empty();
            String type = Imports.rawName(d.get().type());
            if (type.isEmpty() || !Character.isUpperCase(Imports.simpleName(type).charAt(0))) return Optional.empty();
            Optional<String> fqn = imports.resolve(type);
            if (fqn.isEmpty() || fqn.get().startsWith("java.") || declaredHereAsData(m, Imports.simpleName(type))) return Optional.empty();
            return Optional.of(new OutputFlow.Producer(LC4J + fqn.get() + "#" + m.getNameAsString(), null));
        }

        /** A record, enum or class declared in this file: a value, not an AI service (those are interfaces). */
        private static boolean declaredHereAsData(Node at, String simple) {
            return at.findCompilationUnit().map(u -> u.findAll(TypeDeclaration.class).stream().anyMatch(t -> t.getNameAsString().equals(simple)
                    && !(t instanceof com.github.javaparser.ast.body.ClassOrInterfaceDeclaration c && c.isInterface()))).orElse(false);
        }

        private boolean isState(Expression e) {
            return e instanceof NameExpr n && n.getNameAsString().equals(state)
                    && LocalTypes.of(n).map(d -> d.declaration() instanceof Parameter p && p.getParentNode().orElse(null) == code).orElse(false);
        }

        /** {@code state.value(K)}, {@code state.value(K, default)}, {@code state.data().get(K)}, {@code state.draft()}. */
        Optional<String> stateRead(Expression e) {
            if (!(e instanceof MethodCallExpr m) || m.getScope().isEmpty()) return Optional.empty();
            Expression scope = m.getScope().get();
            String name = m.getNameAsString();
            if (isState(scope)) {
                if (name.equals("value") && !m.getArguments().isEmpty()) return keyOf(m.getArgument(0), imports);
                if (m.getArguments().isEmpty() && !NOT_ACCESSORS.contains(name)) return Optional.of("accessor:" + name);
                return Optional.empty();
            }
            if (name.equals("get") && m.getArguments().size() == 1 && scope instanceof MethodCallExpr data
                    && data.getNameAsString().equals("data") && data.getArguments().isEmpty() && data.getScope().map(this::isState).orElse(false)) {
                return keyOf(m.getArgument(0), imports);
            }
            // state.value(K).orElse(..), state.draft().orElseThrow()
            if (OPTIONAL_READS.contains(name) && scope instanceof MethodCallExpr inner) return stateRead(inner);
            return Optional.empty();
        }

        @Override
        public Optional<OutputFlow.Producer> producerOf(Expression e) {
            Optional<OutputFlow.Producer> model = model(e);
            if (model.isPresent()) return model;
            return stateRead(e).map(k -> new OutputFlow.Producer(KEY + k, null));
        }

        /** {@code state.value("k").map(v -> ..)}: the lambda's parameter is the value read. */
        @Override
        public Optional<OutputFlow.Producer> parameter(Parameter p) {
            if (!(p.getParentNode().orElse(null) instanceof LambdaExpr l) || l.getParameters().size() != 1) return Optional.empty();
            if (!(l.getParentNode().orElse(null) instanceof MethodCallExpr call) || !OPTIONAL_LAMBDAS.contains(call.getNameAsString())
                    || call.getScope().isEmpty()) {
                return Optional.empty();
            }
            return stateRead(call.getScope().get()).map(k -> new OutputFlow.Producer(KEY + k, null));
        }

        /** A prompt input of a model call: the argument reaches that model. */
        @Override
        public Optional<String> consumerOf(MethodCallExpr call) {
            if (PROMPT_INPUTS.contains(call.getNameAsString())) {
                int depth = 0;
                for (Node p = call.getParentNode().orElse(null); p != null && p != code && depth < 12; p = p.getParentNode().orElse(null), depth++) {
                    if (p instanceof MethodCallExpr site && site.getScope().map(s -> s.isAncestorOf(call)).orElse(false)) {
                        Optional<OutputFlow.Producer> s = SpringAiFrontend.producerOf(site);
                        if (s.isPresent()) return Optional.of(s.get().agent());
                    }
                }
            }
            return model(call).filter(m -> m.agent().startsWith(LC4J)).map(OutputFlow.Producer::agent);
        }
    }
}
