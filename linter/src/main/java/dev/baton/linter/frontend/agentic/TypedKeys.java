package dev.baton.linter.frontend.agentic;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.nodeTypes.NodeWithImplements;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.baton.linter.frontend.ParsedSource;
import dev.baton.linter.frontend.javasyntax.Imports;
import dev.baton.linter.frontend.javasyntax.Literals;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The scope names of {@code TypedKey} classes: {@code name()} when the class overrides it with a
 * constant, else the class's simple name (the framework's default, {@code AgentUtil.keyName}).
 */
final class TypedKeys {
    private final Map<String, String> byQualified = new HashMap<>();
    private final Map<String, Set<String>> bySimple = new HashMap<>();
    /** value type T of {@code TypedKey<T>}, by qualified and by simple class name ({@code null} when ambiguous) */
    private final Map<String, String> valueByQualified = new HashMap<>();
    private final Map<String, Set<String>> valueBySimple = new HashMap<>();

    private TypedKeys() {
    }

    static TypedKeys of(List<ParsedSource> sources) {
        TypedKeys k = new TypedKeys();
        for (ParsedSource s : sources) {
            for (TypeDeclaration<?> t : s.unit().findAll(TypeDeclaration.class)) {
                if (!(t instanceof NodeWithImplements<?> w) || !isTypedKey(w.getImplementedTypes())) continue;
                valueType(w.getImplementedTypes()).ifPresent(v -> {
                    k.valueByQualified.put(t.getFullyQualifiedName().orElse(t.getNameAsString()), v);
                    k.valueBySimple.computeIfAbsent(t.getNameAsString(), x -> new LinkedHashSet<>()).add(v);
                });
                Optional<String> name = overriddenName(t);
                if (name.isEmpty()) continue;
                String simple = t.getNameAsString();
                k.byQualified.put(t.getFullyQualifiedName().orElse(simple), name.get());
                k.bySimple.computeIfAbsent(simple, x -> new LinkedHashSet<>()).add(name.get());
            }
        }
        return k;
    }

    private static boolean isTypedKey(List<ClassOrInterfaceType> types) {
        for (ClassOrInterfaceType t : types) {
            String n = t.getNameAsString();
            if (n.equals("TypedKey") || n.equals("AgentState")) return true;
        }
        return false;
    }

    private static Optional<String> valueType(List<ClassOrInterfaceType> types) {
        for (ClassOrInterfaceType t : types) {
            if (t.getNameAsString().equals("TypedKey") && t.getTypeArguments().map(a -> a.size() == 1).orElse(false)) {
                return Optional.of(t.getTypeArguments().get().get(0).asString());
            }
        }
        return Optional.empty();
    }

    /** The value type {@code T} a {@code TypedKey<T>} class declares, if the sources show it unambiguously. */
    Optional<String> valueType(String keyClass) {
        if (keyClass == null) return Optional.empty();
        String v = valueByQualified.get(keyClass);
        if (v != null) return Optional.of(v);
        Set<String> values = valueBySimple.get(Imports.simpleName(keyClass));
        return values != null && values.size() == 1 ? Optional.of(values.iterator().next()) : Optional.empty();
    }

    /** The scope key a {@code TypedKey} class names, as resolved in a file ({@code keyClass} qualified when the file tells how). */
    String keyOf(String keyClass) {
        String n = byQualified.get(keyClass);
        if (n != null) return n;
        Set<String> names = bySimple.get(Imports.simpleName(keyClass));
        if (names != null && names.size() == 1) return names.iterator().next();
        return Imports.simpleName(keyClass);
    }

    private static Optional<String> overriddenName(TypeDeclaration<?> t) {
        for (MethodDeclaration m : t.getMethodsByName("name")) {
            if (!m.getParameters().isEmpty() || m.getBody().isEmpty()) continue;
            List<ReturnStmt> returns = m.getBody().get().findAll(ReturnStmt.class);
            if (returns.size() == 1 && returns.get(0).getExpression().isPresent()) {
                return Literals.string(returns.get(0).getExpression().get());
            }
        }
        return Optional.empty();
    }

    /** The key a use names: the overridden name of its TypedKey class, else the key as read. */
    String keyOf(AgenticKeyUse u) {
        if (u.keyType() == null) return u.key();
        String n = byQualified.get(u.keyType());
        if (n != null) return n;
        // a nested class named as the file's imports cannot tell (Outer.Key written as Key)
        Set<String> names = bySimple.get(Imports.simpleName(u.keyType()));
        if (names != null && names.size() == 1) return names.iterator().next();
        return u.key();
    }
}
