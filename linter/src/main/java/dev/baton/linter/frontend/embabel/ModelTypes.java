package dev.baton.linter.frontend.embabel;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.stmt.ThrowStmt;
import dev.baton.linter.frontend.ParsedSource;
import dev.baton.linter.frontend.javasyntax.Imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The types the scanned sources declare, by simple name: their components (record components, or a
 * class's fields read through {@code x()}, {@code getX()} or {@code isX()}) and whether Bean
 * Validation, as Embabel's {@code createObject} runs it, constrains them.
 */
final class ModelTypes {
    /** Bean Validation constraints (jakarta/javax.validation.constraints), as annotation simple names. */
    static final Set<String> CONSTRAINTS = Set.of("NotNull", "NotBlank", "NotEmpty", "Size", "Min", "Max", "Pattern",
            "Email", "Positive", "PositiveOrZero", "Negative", "NegativeOrZero", "DecimalMin", "DecimalMax", "Digits", "Past",
            "Future", "PastOrPresent", "FutureOrPresent", "AssertTrue", "AssertFalse", "Null");
    private static final Set<String> CONTAINERS = Set.of("List", "Set", "Collection", "Iterable", "Optional", "ArrayList",
            "LinkedList", "HashSet", "LinkedHashSet", "SortedSet", "TreeSet");

    private final Map<String, List<TypeDeclaration<?>>> bySimpleName = new HashMap<>();

    ModelTypes(List<ParsedSource> sources) {
        for (ParsedSource s : sources) {
            for (TypeDeclaration<?> t : s.unit().findAll(TypeDeclaration.class)) {
                bySimpleName.computeIfAbsent(t.getNameAsString(), k -> new ArrayList<>()).add(t);
            }
        }
    }

    boolean declared(String type) {
        return bySimpleName.containsKey(Imports.simpleName(type));
    }

    /** The one declaration of a simple name; empty when none or several (then nothing is concluded). */
    Optional<TypeDeclaration<?>> only(String type) {
        List<TypeDeclaration<?>> found = bySimpleName.getOrDefault(Imports.simpleName(type), List.of());
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    /** The type, as written, of what {@code accessor()} returns on a value of {@code owner}. */
    Optional<String> component(String owner, String accessor) {
        Optional<TypeDeclaration<?>> t = only(owner);
        if (t.isEmpty()) return Optional.empty();
        if (t.get() instanceof RecordDeclaration r) {
            for (Parameter p : r.getParameters()) if (p.getNameAsString().equals(accessor)) return Optional.of(p.getTypeAsString());
        }
        if (t.get() instanceof ClassOrInterfaceDeclaration c && !c.isInterface()) {
            String field = accessor;
            for (String prefix : List.of("get", "is")) {
                if (accessor.startsWith(prefix) && accessor.length() > prefix.length()
                        && Character.isUpperCase(accessor.charAt(prefix.length()))) {
                    field = Character.toLowerCase(accessor.charAt(prefix.length())) + accessor.substring(prefix.length() + 1);
                }
            }
            for (FieldDeclaration f : c.getFields()) {
                if (f.isStatic()) continue;
                for (VariableDeclarator v : f.getVariables()) {
                    if (v.getNameAsString().equals(field)) return Optional.of(v.getTypeAsString());
                }
            }
        }
        return Optional.empty();
    }

    /** {@code List<E>} (and the other collections, {@code Optional<E>}) → {@code E}. */
    static Optional<String> element(String type) {
        String t = type.strip();
        int lt = t.indexOf('<');
        if (lt < 0 || !t.endsWith(">") || !CONTAINERS.contains(Imports.simpleName(t))) return Optional.empty();
        String inner = t.substring(lt + 1, t.length() - 1).strip();
        if (inner.startsWith("? extends ")) inner = inner.substring("? extends ".length()).strip();
        return inner.isEmpty() || inner.contains(",") ? Optional.empty() : Optional.of(inner);
    }

    /**
     * Whether binding into the type runs checks that reject bad values: Bean Validation constraints on
     * its components or fields, constraints of a nested type cascaded with {@code @Valid}, or a compact
     * constructor that throws. A nested type's constraints without {@code @Valid} are not checked.
     */
    boolean validatesItself(String type) {
        // a simple name declared twice: either may be the one bound, so the constrained one is assumed
        for (TypeDeclaration<?> t : bySimpleName.getOrDefault(Imports.simpleName(type), List.of())) {
            if (validatesItself(t, new HashSet<>())) return true;
        }
        return false;
    }

    private boolean validatesItself(TypeDeclaration<?> t, Set<String> seen) {
        if (!seen.add(t.getNameAsString())) return false;
        Map<String, List<AnnotationExpr>> annotated = new HashMap<>();
        if (t instanceof RecordDeclaration r) {
            for (Parameter p : r.getParameters()) annotated.put(p.getTypeAsString(), merge(annotated.get(p.getTypeAsString()), p.getAnnotations()));
            for (var c : r.getCompactConstructors()) if (!c.findAll(ThrowStmt.class).isEmpty()) return true;
        }
        for (FieldDeclaration f : t.getFields()) {
            if (f.isStatic()) continue;
            String ft = f.getElementType().asString();
            annotated.put(ft, merge(annotated.get(ft), f.getAnnotations()));
        }
        for (Map.Entry<String, List<AnnotationExpr>> e : annotated.entrySet()) {
            for (AnnotationExpr a : e.getValue()) {
                String name = Imports.simpleName(a.getNameAsString());
                if (CONSTRAINTS.contains(name)) return true;
                if (name.equals("Valid")) {
                    String nested = element(e.getKey()).orElse(e.getKey());
                    Optional<TypeDeclaration<?>> n = only(nested);
                    if (n.isPresent() && validatesItself(n.get(), seen)) return true;
                }
            }
        }
        return false;
    }

    private static List<AnnotationExpr> merge(List<AnnotationExpr> a, List<AnnotationExpr> b) {
        List<AnnotationExpr> out = new ArrayList<>();
        if (a != null) out.addAll(a);
        out.addAll(b);
        return out;
    }
}
