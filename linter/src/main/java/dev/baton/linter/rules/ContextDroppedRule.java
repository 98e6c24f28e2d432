package dev.baton.linter.rules;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import dev.baton.linter.frontend.ParsedSource;
import dev.baton.linter.frontend.javasyntax.Imports;
import dev.baton.linter.frontend.javasyntax.OutputForwarding;
import dev.baton.linter.rule.FindingSink;
import dev.baton.linter.rule.LintContext;
import dev.baton.linter.rule.Principle;
import dev.baton.linter.rule.Rule;
import dev.baton.linter.rule.RuleInfo;
import dev.baton.linter.rule.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads {@link OutputForwarding} facts and the declaration of the producer's output type among the
 * scanned sources. Silent when the type is not in the sources, when the whole value is used anywhere
 * in the forwarding code, or when any rationale-like component travels too.
 */
@RuleInfo(id = "context-dropped", severity = Severity.WARNING, principle = Principle.CONTEXT,
        summary = "Only the conclusion of an agent's output is handed on; its rationale is dropped",
        description = "The producer returns a record with rationale-like parts (reasoning, rationale, evidence, "
                + "confidence, explanation, justification, feedback, thoughts), but the code hands the next agent only "
                + "the conclusion accessor. The consumer then acts on a verdict it cannot weigh, and a reviewer later "
                + "cannot see why the chain decided what it did.",
        fix = "Pass the whole record (or the rationale with the conclusion) to the next agent, or carry it in the "
                + "envelope's rationale field.")
public final class ContextDroppedRule implements Rule {
    private static final Pattern RATIONALE = Pattern.compile(
            "(?i).*(reasoning|rationale|evidence|confidence|explanation|justification|feedback|thoughts?|reasons?)$");

    @Override
    public void check(LintContext context, FindingSink findings) {
        for (OutputForwarding f : context.graph().facts(OutputForwarding.class)) {
            if (f.wholeForwarded() || f.accessors().isEmpty() || f.producerType() == null) continue;
            Optional<List<String>> components = components(context, f);
            if (components.isEmpty()) continue;
            List<String> rationale = components.get().stream().filter(c -> RATIONALE.matcher(c).matches()).toList();
            if (rationale.isEmpty()) continue;
            if (f.accessors().stream().map(ContextDroppedRule::property).anyMatch(rationale::contains)) continue;
            String type = Imports.simpleName(f.producerType());
            findings.report(f.location(), "only " + f.accessors() + " of " + type + " from '" + Edges.name(context.graph(), f.producer())
                            + "' is passed to '" + Edges.name(context.graph(), f.consumer()) + "'; " + rationale
                            + " are dropped: pass the whole " + type + " (or its " + rationale.get(0) + ") along.",
                    List.of(f.producer(), f.consumer()), null, f.producer() + "->" + f.consumer() + "#" + f.accessors());
        }
    }

    /** {@code getReasoning} → {@code reasoning}; record accessors stay as they are. */
    private static String property(String accessor) {
        for (String prefix : List.of("get", "is")) {
            if (accessor.startsWith(prefix) && accessor.length() > prefix.length() && Character.isUpperCase(accessor.charAt(prefix.length()))) {
                return Character.toLowerCase(accessor.charAt(prefix.length())) + accessor.substring(prefix.length() + 1);
            }
        }
        return accessor;
    }

    /** Component (record) or field (class) names of the output type, when exactly one such type is in the sources. */
    private static Optional<List<String>> components(LintContext context, OutputForwarding f) {
        String simple = Imports.simpleName(f.producerType());
        List<List<String>> found = new ArrayList<>();
        List<List<String>> inForwardingFile = new ArrayList<>();
        for (ParsedSource s : context.sources()) {
            for (TypeDeclaration<?> t : s.unit().findAll(TypeDeclaration.class)) {
                if (!t.getNameAsString().equals(simple)) continue;
                List<String> names = new ArrayList<>();
                if (t instanceof RecordDeclaration r) {
                    for (Parameter p : r.getParameters()) names.add(p.getNameAsString());
                } else if (t instanceof ClassOrInterfaceDeclaration c && !c.isInterface()) {
                    for (FieldDeclaration fd : c.getFields()) {
                        if (fd.isStatic()) continue;
                        for (VariableDeclarator v : fd.getVariables()) names.add(v.getNameAsString());
                    }
                } else {
                    continue;
                }
                found.add(names);
                if (s.path().equals(f.location().file())) inForwardingFile.add(names);
            }
        }
        // a type declared in the forwarding file (a nested record) is the one its simple name means there
        if (found.size() > 1 && inForwardingFile.size() == 1) return Optional.of(inForwardingFile.get(0));
        if (found.isEmpty()) {
            // a plain record file has nothing that makes the engine parse it up front: open it by the path
            // its qualified name gives, next to the forwarding file's source root
            Optional<ParsedSource> declaring = declaringFile(context, f);
            if (declaring.isPresent()) {
                for (TypeDeclaration<?> t : declaring.get().unit().findAll(TypeDeclaration.class)) {
                    if (t.getNameAsString().equals(simple) && t instanceof RecordDeclaration r) {
                        found.add(r.getParameters().stream().map(Parameter::getNameAsString).toList());
                    }
                }
            }
        }
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    private static Optional<ParsedSource> declaringFile(LintContext context, OutputForwarding f) {
        Optional<ParsedSource> forwarding = context.source(f.location().file());
        if (forwarding.isEmpty()) return Optional.empty();
        Imports imports = Imports.of(forwarding.get().unit());
        Optional<String> fqn = imports.resolve(f.producerType());
        if (fqn.isEmpty()) return Optional.empty();
        String file = f.location().file();
        String pkgDir = imports.packageName().replace('.', '/');
        int at = pkgDir.isEmpty() ? file.lastIndexOf('/') + 1 : file.lastIndexOf(pkgDir + "/");
        if (at < 0) return Optional.empty();
        String candidate = file.substring(0, at) + fqn.get().replace('.', '/') + ".java";
        return context.source(candidate);
    }
}
