package dev.baton.linter.frontend.javasyntax;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.expr.SwitchExpr;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Follows agent outputs through one method body: into locals, through casts and trivial string
 * calls, into decisions ({@code equals}, {@code contains}, parsing), into binders
 * ({@code readValue}, {@code fromJson}) and into other agents' arguments. Intraprocedural and
 * flow-insensitive on purpose: what it cannot follow, it does not report.
 */
public final class OutputFlow {

    /** What the calling frontend knows about its framework. */
    public interface Resolver {
        /** The agent output an expression evaluates to (an agent call, a state read), if it is one. */
        Optional<Producer> producerOf(Expression e);

        /** The agent a call hands its arguments to, if the call invokes an agent. */
        Optional<String> consumerOf(MethodCallExpr call);

        /** A parameter that already holds an agent output (an {@code @Agent} method's input). */
        default Optional<Producer> parameter(Parameter p) {
            return Optional.empty();
        }

        /**
         * The declared type of a field or no-argument accessor {@code member} of {@code ownerType} (a record
         * component, a field, a getter), if the frontend knows the type; a part of an output is then followed
         * with the part's own type.
         */
        default Optional<String> memberType(String ownerType, String member) {
            return Optional.empty();
        }
    }

    /** @param javaType the value's type as written, or {@code null} when unknown */
    public record Producer(String agent, String javaType) {
    }

    public record Decision(Node node, Producer producer, String operation) {
    }

    public record Binding(MethodCallExpr call, Producer producer, String mechanism, String mapper, String targetType) {
    }

    /** @param accessor {@code null} when the whole value is passed; {@code interpolated} when it is spliced into text */
    public record Forward(MethodCallExpr call, Producer producer, String consumer, String accessor, boolean interpolated,
                          Node origin) {
    }

    public record Result(List<Decision> decisions, List<Binding> bindings, List<Forward> forwards,
                         Map<Node, Boolean> wholeUse, Map<Node, Producer> origins) {
    }

    private static final Set<String> PRESERVING = Set.of("trim", "strip", "toLowerCase", "toUpperCase", "toString",
            "stripLeading", "stripTrailing", "intern", "content", "text");
    /** String calls with arguments whose result is still a piece of the same text. */
    private static final Set<String> PIECES = Set.of("substring", "replace", "replaceAll", "replaceFirst", "strip", "concat");
    private static final Set<String> SNIFFS = Set.of("contains", "equals", "equalsIgnoreCase", "startsWith",
            "endsWith", "matches", "contentEquals", "compareToIgnoreCase", "indexOf", "lastIndexOf");
    private static final Map<String, Set<String>> PARSERS = Map.of(
            "Integer", Set.of("parseInt", "valueOf"), "Long", Set.of("parseLong", "valueOf"),
            "Double", Set.of("parseDouble", "valueOf"), "Float", Set.of("parseFloat", "valueOf"),
            "Boolean", Set.of("parseBoolean"), "Pattern", Set.of("matches"));
    private static final Set<String> BINDERS = Set.of("readValue", "fromJson", "convertValue", "treeToValue");

    private final Resolver resolver;
    private final Map<Node, Producer> tainted = new IdentityHashMap<>();
    private final Map<Node, Producer> origins = new LinkedHashMap<>();

    private OutputFlow(Resolver resolver) {
        this.resolver = resolver;
    }

    public static Result analyze(Node body, Resolver resolver) {
        return new OutputFlow(resolver).run(body);
    }

    private Result run(Node body) {
        body.walk(Parameter.class, p -> resolver.parameter(p).ifPresent(pr -> {
            tainted.put(p, pr);
            origins.put(p, pr);
        }));
        // two passes let a taint cross one reassignment order inversion; deeper chains stay silent
        for (int pass = 0; pass < 2; pass++) {
            body.walk(VariableDeclarator.class, d -> d.getInitializer().flatMap(this::taint).ifPresent(pr -> {
                tainted.putIfAbsent(d, pr);
                origins.putIfAbsent(d, pr);
            }));
            // for (String line : text.split("\n")): each line is a piece of the same output
            body.walk(com.github.javaparser.ast.stmt.ForEachStmt.class, f -> {
                if (!(f.getIterable() instanceof MethodCallExpr it) || !it.getNameAsString().equals("split") || it.getScope().isEmpty()) return;
                taint(it.getScope().get()).ifPresent(pr -> f.getVariable().getVariables().forEach(d -> {
                    tainted.putIfAbsent(d, pr);
                    origins.putIfAbsent(d, pr);
                }));
            });
            body.walk(AssignExpr.class, a -> {
                if (a.getTarget() instanceof NameExpr n) {
                    taint(a.getValue()).ifPresent(pr -> LocalTypes.of(n).ifPresent(decl -> {
                        tainted.putIfAbsent(decl.declaration(), pr);
                        origins.putIfAbsent(decl.declaration(), pr);
                    }));
                }
            });
        }
        List<Decision> decisions = new ArrayList<>();
        List<Binding> bindings = new ArrayList<>();
        List<Forward> forwards = new ArrayList<>();
        body.walk(MethodCallExpr.class, call -> {
            decision(call).ifPresent(decisions::add);
            binding(call).ifPresent(bindings::add);
            resolver.consumerOf(call).ifPresent(consumer -> forwards(call, consumer, forwards));
        });
        body.walk(SwitchStmt.class, s -> taint(s.getSelector()).ifPresent(p -> decisions.add(new Decision(s.getSelector(), p, "switch"))));
        body.walk(SwitchExpr.class, s -> taint(s.getSelector()).ifPresent(p -> decisions.add(new Decision(s.getSelector(), p, "switch"))));
        body.walk(ObjectCreationExpr.class, o -> {
            if (o.getTypeAsString().equals("BigDecimal") || o.getTypeAsString().equals("BigInteger")) {
                if (o.getArguments().size() == 1) taint(o.getArgument(0)).ifPresent(p -> decisions.add(new Decision(o, p, "new " + o.getTypeAsString())));
            }
        });
        Map<Node, Boolean> whole = new IdentityHashMap<>();
        body.walk(NameExpr.class, n -> LocalTypes.of(n).ifPresent(decl -> {
            if (!origins.containsKey(decl.declaration())) return;
            boolean accessor = n.getParentNode().orElse(null) instanceof MethodCallExpr m
                    && m.getScope().map(s -> s == n).orElse(false) && m.getArguments().isEmpty()
                    && !PRESERVING.contains(m.getNameAsString());
            boolean assignedHere = n.getParentNode().orElse(null) instanceof AssignExpr a && a.getTarget() == n;
            if (!accessor && !assignedHere) whole.put(decl.declaration(), true);
        }));
        return new Result(decisions, bindings, forwards, whole, origins);
    }

    /** The agent output an expression carries, if any. */
    public Optional<Producer> taint(Expression e) {
        if (e == null) return Optional.empty();
        Optional<Producer> direct = resolver.producerOf(e);
        if (direct.isPresent()) {
            origins.putIfAbsent(e, direct.get());
            return direct;
        }
        if (e instanceof EnclosedExpr en) return taint(en.getInner());
        // raw == null ? "" : raw
        if (e instanceof ConditionalExpr c) return taint(c.getThenExpr()).or(() -> taint(c.getElseExpr()));
        if (e instanceof CastExpr c) {
            return taint(c.getExpression()).map(p -> new Producer(p.agent(), c.getTypeAsString()));
        }
        if (e instanceof NameExpr n) {
            return LocalTypes.of(n).flatMap(d -> Optional.ofNullable(tainted.get(d.declaration())));
        }
        if (e instanceof com.github.javaparser.ast.expr.FieldAccessExpr f && !(f.getScope() instanceof com.github.javaparser.ast.expr.ThisExpr)) {
            Optional<Producer> whole = taint(f.getScope());
            if (whole.isPresent() && whole.get().javaType() != null) {
                return resolver.memberType(whole.get().javaType(), f.getNameAsString()).map(t -> new Producer(whole.get().agent(), t));
            }
        }
        if (e instanceof com.github.javaparser.ast.expr.ArrayAccessExpr a && a.getName() instanceof MethodCallExpr split
                && split.getNameAsString().equals("split") && split.getScope().isPresent()) {
            return taint(split.getScope().get()).filter(p -> textual(p.javaType()));
        }
        if (e instanceof MethodCallExpr m) {
            String name = m.getNameAsString();
            if (m.getScope().isPresent() && m.getArguments().isEmpty() && PRESERVING.contains(name)) {
                // LangChain4j Result<T>.content() is the T inside
                return taint(m.getScope().get()).map(p -> name.equals("content") ? new Producer(p.agent(), unwrapResult(p.javaType())) : p);
            }
            if (m.getScope().isPresent() && !m.getArguments().isEmpty() && PIECES.contains(name)) {
                return taint(m.getScope().get()).filter(p -> textual(p.javaType()));
            }
            if (m.getScope().isPresent() && m.getArguments().isEmpty() && !PRESERVING.contains(name)) {
                Optional<Producer> whole = taint(m.getScope().get());
                if (whole.isPresent() && whole.get().javaType() != null) {
                    return resolver.memberType(whole.get().javaType(), name).map(t -> new Producer(whole.get().agent(), t));
                }
            }
            if (m.getScope().isPresent() && m.getArguments().size() == 1) {
                String owner = m.getScope().get().toString();
                if ((owner.equals("String") && name.equals("valueOf")) || (owner.equals("Objects")
                        && (name.equals("toString") || name.equals("requireNonNull")))) {
                    return taint(m.getArgument(0));
                }
            }
        }
        return Optional.empty();
    }

    /** Whether a type as written is text (or unknown, when a piece of it is still the same unknown value). */
    private static boolean textual(String type) {
        if (type == null) return true;
        String t = Imports.simpleName(type.strip());
        return t.equals("String") || t.equals("CharSequence") || t.equals("Object");
    }

    private static String unwrapResult(String type) {
        if (type == null) return null;
        String t = type.strip();
        if (Imports.rawName(t).endsWith("Result") && t.contains("<") && t.endsWith(">")) {
            return t.substring(t.indexOf('<') + 1, t.length() - 1).strip();
        }
        return type;
    }

    private Optional<Decision> decision(MethodCallExpr call) {
        String name = call.getNameAsString();
        if (SNIFFS.contains(name) && call.getScope().isPresent() && call.getArguments().size() >= 1) {
            Optional<Producer> onScope = taint(call.getScope().get());
            if (onScope.isPresent()) return Optional.of(new Decision(call, onScope.get(), name));
            if (call.getScope().get().isStringLiteralExpr() && call.getArguments().size() == 1) {
                Optional<Producer> onArg = taint(call.getArgument(0));
                if (onArg.isPresent()) return Optional.of(new Decision(call, onArg.get(), name));
            }
        }
        if (call.getScope().isPresent() && call.getArguments().size() >= 1) {
            String owner = call.getScope().get().toString();
            Set<String> parsers = PARSERS.get(owner);
            if (parsers != null && parsers.contains(name)) {
                Expression arg = call.getArgument(owner.equals("Pattern") ? 1 : 0);
                if (owner.equals("Pattern") && call.getArguments().size() < 2) return Optional.empty();
                return taint(arg).map(p -> new Decision(call, p, owner + "." + name));
            }
            if (owner.equals("Objects") && name.equals("equals") && call.getArguments().size() == 2) {
                Optional<Producer> p = taint(call.getArgument(0));
                if (p.isEmpty()) p = taint(call.getArgument(1));
                return p.map(pr -> new Decision(call, pr, "Objects.equals"));
            }
        }
        if (name.equals("matcher") && call.getArguments().size() == 1) {
            return taint(call.getArgument(0)).map(p -> new Decision(call, p, "Pattern.matcher"));
        }
        return Optional.empty();
    }

    private Optional<Binding> binding(MethodCallExpr call) {
        if (!BINDERS.contains(call.getNameAsString()) || call.getArguments().isEmpty()) return Optional.empty();
        Optional<Producer> p = taint(call.getArgument(0));
        if (p.isEmpty()) return Optional.empty();
        String mapper = null;
        String mechanism = call.getNameAsString();
        if (call.getScope().isPresent()) {
            Expression s = call.getScope().get();
            if (s instanceof NameExpr n) mapper = n.getNameAsString();
            else if (s.isFieldAccessExpr()) mapper = s.asFieldAccessExpr().getNameAsString();
            mechanism = s + "." + call.getNameAsString();
            if (mapper != null) {
                String type = LocalTypes.of(s).map(LocalTypes.Declaration::type).orElse(null);
                if (type != null) mechanism = Imports.simpleName(type) + "." + call.getNameAsString();
            }
        }
        String target = null;
        if (call.getArguments().size() >= 2 && call.getArgument(1) instanceof ClassExpr c) target = c.getTypeAsString();
        return Optional.of(new Binding(call, p.get(), mechanism, mapper, target));
    }

    private void forwards(MethodCallExpr call, String consumer, List<Forward> out) {
        for (Expression arg : call.getArguments()) {
            Optional<Producer> whole = taint(arg);
            if (whole.isPresent()) {
                if (!consumer.equals(whole.get().agent())) out.add(new Forward(call, whole.get(), consumer, null, false, originOf(arg)));
                continue;
            }
            if (arg instanceof MethodCallExpr m && m.getArguments().isEmpty() && m.getScope().isPresent()) {
                Optional<Producer> p = taint(m.getScope().get());
                if (p.isPresent()) {
                    out.add(new Forward(call, p.get(), consumer, m.getNameAsString(), false, originOf(m.getScope().get())));
                    continue;
                }
            }
            Set<Node> seen = new LinkedHashSet<>();
            arg.walk(Expression.class, inner -> {
                if (inner == arg || !(inner.getParentNode().orElse(null) instanceof BinaryExpr
                        || inner.getParentNode().orElse(null) instanceof MethodCallExpr pm && pm.getNameAsString().equals("formatted")
                        || inner.getParentNode().orElse(null) instanceof MethodCallExpr fm && fm.getNameAsString().equals("format"))) {
                    return;
                }
                Optional<Producer> p = taint(inner);
                if (p.isPresent() && seen.add(inner) && !consumer.equals(p.get().agent())) {
                    out.add(new Forward(call, p.get(), consumer, null, true, originOf(inner)));
                }
            });
        }
    }

    private Node originOf(Expression e) {
        Expression x = e;
        while (x instanceof EnclosedExpr en) x = en.getInner();
        while (x instanceof CastExpr c) x = c.getExpression();
        if (x instanceof NameExpr n) {
            Optional<LocalTypes.Declaration> d = LocalTypes.of(n);
            if (d.isPresent()) return d.get().declaration();
        }
        return x;
    }
}
