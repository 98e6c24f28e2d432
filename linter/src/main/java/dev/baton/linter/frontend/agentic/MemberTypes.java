package dev.baton.linter.frontend.agentic;

import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import dev.baton.linter.frontend.ParsedSource;
import dev.baton.linter.frontend.javasyntax.Imports;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The declared types of the members of the project's own types (record components, fields, no-argument
 * methods), by simple type name, so that a part of an agent's typed output ({@code review.feedback},
 * {@code results.analysis()}) is followed with its own type. A simple name declared twice with different
 * member types answers nothing.
 */
final class MemberTypes {
    private static final String AMBIGUOUS = "\u0000";
    private final Map<String, Map<String, String>> byType = new HashMap<>();

    private MemberTypes() {
    }

    static MemberTypes of(List<ParsedSource> sources) {
        MemberTypes m = new MemberTypes();
        for (ParsedSource s : sources) {
            for (TypeDeclaration<?> t : s.unit().findAll(TypeDeclaration.class)) {
                Map<String, String> members = m.byType.computeIfAbsent(t.getNameAsString(), k -> new HashMap<>());
                if (t instanceof RecordDeclaration r) {
                    for (Parameter p : r.getParameters()) put(members, p.getNameAsString(), p.getTypeAsString());
                }
                for (FieldDeclaration f : t.getFields()) {
                    if (f.isStatic()) continue;
                    for (VariableDeclarator d : f.getVariables()) put(members, d.getNameAsString(), d.getTypeAsString());
                }
                for (MethodDeclaration md : t.getMethods()) {
                    if (md.isStatic() || !md.getParameters().isEmpty()) continue;
                    put(members, md.getNameAsString(), md.getTypeAsString());
                }
            }
        }
        return m;
    }

    private static void put(Map<String, String> members, String name, String type) {
        members.merge(name, type, (a, b) -> a.equals(b) ? a : AMBIGUOUS);
    }

    Optional<String> of(String ownerType, String member) {
        String t = ownerType.strip();
        if (t.contains("<")) t = t.substring(0, t.indexOf('<'));
        Map<String, String> members = byType.get(Imports.simpleName(t));
        if (members == null) return Optional.empty();
        String type = members.get(member);
        return type == null || type.equals(AMBIGUOUS) ? Optional.empty() : Optional.of(type);
    }
}
