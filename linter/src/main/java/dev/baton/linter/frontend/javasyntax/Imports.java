package dev.baton.linter.frontend.javasyntax;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Name resolution through a file's imports, without a classpath: enough to tell whether a simple
 * name such as {@code Agent} means {@code dev.langchain4j.agentic.Agent} or something else.
 */
public final class Imports {
    private final String packageName;
    private final Map<String, String> single = new HashMap<>();
    private final Set<String> wildcards = new HashSet<>();
    private final Map<String, String> staticMembers = new HashMap<>();
    private final Set<String> staticWildcards = new HashSet<>();

    private final Map<String, String> declared = new HashMap<>();

    private Imports(CompilationUnit unit) {
        packageName = unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
        // types declared in this file, nested ones included, shadow same-package guesses
        unit.findAll(com.github.javaparser.ast.body.TypeDeclaration.class).forEach(t ->
                t.getFullyQualifiedName().ifPresent(f -> declared.putIfAbsent(t.getNameAsString(), (String) f)));
        for (ImportDeclaration i : unit.getImports()) {
            String name = i.getNameAsString();
            if (i.isStatic()) {
                if (i.isAsterisk()) staticWildcards.add(name);
                else staticMembers.put(name.substring(name.lastIndexOf('.') + 1), name.substring(0, name.lastIndexOf('.')));
            } else if (i.isAsterisk()) {
                wildcards.add(name);
            } else {
                single.put(name.substring(name.lastIndexOf('.') + 1), name);
            }
        }
    }

    public static Imports of(CompilationUnit unit) {
        return new Imports(unit);
    }

    public String packageName() {
        return packageName;
    }

    /**
     * Whether {@code name} as written (simple, qualified, or with generics) denotes {@code fqn}: the
     * qualified name itself, a simple name imported singly or through its package's wildcard, or a
     * simple name of the file's own package.
     */
    public boolean refersTo(String name, String fqn) {
        if (name == null) return false;
        String n = rawName(name);
        if (n.equals(fqn)) return true;
        String simple = fqn.substring(fqn.lastIndexOf('.') + 1);
        String pkg = fqn.contains(".") ? fqn.substring(0, fqn.lastIndexOf('.')) : "";
        // nested types are written Outer.Inner: accept the import of Outer
        if (n.contains(".")) {
            String first = n.substring(0, n.indexOf('.'));
            String rest = n.substring(n.indexOf('.'));
            String imported = single.get(first);
            return imported != null && (imported + rest).equals(fqn);
        }
        if (!n.equals(simple)) return false;
        String imported = single.get(n);
        if (imported != null) return imported.equals(fqn);
        String local = declared.get(n);
        if (local != null) return local.equals(fqn);
        return wildcards.contains(pkg) || pkg.equals(packageName);
    }

    /** Whether any single or wildcard import lies under {@code packagePrefix}. */
    public boolean importsFrom(String packagePrefix) {
        for (String s : single.values()) if (s.startsWith(packagePrefix)) return true;
        for (String s : wildcards) if (s.startsWith(packagePrefix)) return true;
        for (String s : staticMembers.values()) if (s.startsWith(packagePrefix)) return true;
        for (String s : staticWildcards) if (s.startsWith(packagePrefix)) return true;
        return false;
    }

    /** Whether an unqualified call of {@code method} is the static method of {@code ownerFqn} imported statically. */
    public boolean staticallyImports(String method, String ownerFqn) {
        String owner = staticMembers.get(method);
        if (owner != null) return owner.equals(ownerFqn);
        return staticWildcards.contains(ownerFqn);
    }

    /**
     * The fully qualified name a type name most likely denotes: an explicit import, else the file's
     * own package (a wildcard import cannot be decided without a classpath, so it is not guessed).
     */
    public Optional<String> resolve(String name) {
        if (name == null || name.isBlank()) return Optional.empty();
        String n = rawName(name);
        if (n.contains(".")) {
            String first = n.substring(0, n.indexOf('.'));
            String imported = single.get(first);
            if (imported != null) return Optional.of(imported + n.substring(n.indexOf('.')));
            return Optional.of(Character.isUpperCase(first.charAt(0)) && !packageName.isEmpty()
                    ? packageName + "." + n : n);
        }
        String imported = single.get(n);
        if (imported != null) return Optional.of(imported);
        String local = declared.get(n);
        if (local != null) return Optional.of(local);
        if (isJavaLang(n)) return Optional.of("java.lang." + n);
        return Optional.of(packageName.isEmpty() ? n : packageName + "." + n);
    }

    private static boolean isJavaLang(String n) {
        return switch (n) {
            case "String", "Object", "Integer", "Long", "Double", "Float", "Boolean", "Short", "Byte",
                 "Character", "CharSequence", "Number", "Void" -> true;
            default -> false;
        };
    }

    /** Strips generics, array brackets and annotations-free whitespace: {@code List<String>} → {@code List}. */
    public static String rawName(String typeName) {
        String t = typeName.strip();
        int lt = t.indexOf('<');
        if (lt >= 0) t = t.substring(0, lt);
        int br = t.indexOf('[');
        if (br >= 0) t = t.substring(0, br);
        return t.strip();
    }

    /** The simple name of a type as written: {@code java.util.List<String>} → {@code List}. */
    public static String simpleName(String typeName) {
        String raw = rawName(typeName);
        return raw.substring(raw.lastIndexOf('.') + 1);
    }
}
