package dev.baton.linter.rules;

import dev.baton.linter.graph.facts.ReceiveSite;
import dev.baton.linter.rule.FindingSink;
import dev.baton.linter.rule.LintContext;
import dev.baton.linter.rule.Principle;
import dev.baton.linter.rule.Rule;
import dev.baton.linter.rule.RuleInfo;
import dev.baton.linter.rule.Severity;

import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CompactConstructorDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.ThrowStmt;
import dev.baton.linter.frontend.ParsedSource;
import dev.baton.linter.frontend.javasyntax.Imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every {@link ReceiveSite} a frontend marked as not validated. */
@RuleInfo(id = "unvalidated-receive", severity = Severity.ERROR, principle = Principle.P1_EXPLICIT_SCHEMAS,
        summary = "Agent output is bound to a type with no receiving-side validation",
        description = "Agent output is turned into a Java value (readValue, fromJson, entity, createObject, framework "
                + "coercion) with nothing on the receiving side that checks it against the contract first. Lenient "
                + "binding fills missing fields with defaults and ignores the rest, so malformed output propagates as "
                + "plausible data instead of being rejected at the boundary.",
        fix = "Receive through a Baton Boundary (Boundary.of(contract, owner).receive(raw)) or validate against the "
                + "JSON Schema before binding, and handle the typed rejection.")
public final class UnvalidatedReceiveRule implements Rule {
    /**
     * The bound type checks itself: an enum, or a constructor (a record's compact constructor) that throws or calls a
     * {@code require..}/{@code check..}/{@code validate} method runs when the framework binds the reply.
     * The type's file is opened by the path its qualified name gives beside the agent's file.
     */
    private static boolean selfChecking(LintContext context, ReceiveSite r) {
        if (r.targetType() == null) return false;
        Optional<ParsedSource> at = context.source(r.location().file());
        if (at.isEmpty()) return false;
        String simple = Imports.simpleName(r.targetType().trim());
        List<ParsedSource> candidates = new ArrayList<>(List.of(at.get()));
        Imports imports = Imports.of(at.get().unit());
        String fqn = imports.resolve(simple).orElse(imports.packageName().isEmpty() ? simple : imports.packageName() + "." + simple);
        String file = r.location().file();
        String pkgDir = imports.packageName().replace('.', '/');
        int cut = pkgDir.isEmpty() ? file.lastIndexOf('/') + 1 : file.lastIndexOf(pkgDir + "/");
        if (cut >= 0) context.source(file.substring(0, cut) + fqn.replace('.', '/') + ".java").ifPresent(candidates::add);
        // a type of the same package, beside the agent's file
        context.source(file.substring(0, file.lastIndexOf('/') + 1) + simple + ".java").ifPresent(candidates::add);
        for (ParsedSource s : candidates) {
            for (TypeDeclaration<?> t : s.unit().findAll(TypeDeclaration.class)) {
                if (!t.getNameAsString().equals(simple)) continue;
                // an enum reply is parsed against its constants (LangChain4j's EnumOutputParser rejects other text)
                if (t instanceof com.github.javaparser.ast.body.EnumDeclaration) return true;
                for (BodyDeclaration<?> m : t.getMembers()) {
                    if (!(m instanceof ConstructorDeclaration) && !(m instanceof CompactConstructorDeclaration)) continue;
                    if (!m.findAll(ThrowStmt.class).isEmpty()) return true;
                    if (m.findAll(MethodCallExpr.class).stream().map(MethodCallExpr::getNameAsString)
                            .anyMatch(n -> n.startsWith("require") || n.startsWith("check") || n.equals("validate"))) return true;
                }
            }
        }
        return false;
    }

    @Override
    public void check(LintContext context, FindingSink findings) {
        for (ReceiveSite r : context.graph().facts(ReceiveSite.class)) {
            if (r.validated()) continue;
            if (r.mechanism().startsWith("@Agent return") && selfChecking(context, r)) continue;
            List<String> agents = new ArrayList<>();
            if (r.producer() != null) agents.add(r.producer());
            if (r.agent() != null) agents.add(r.agent());
            String who = r.agent() == null ? "" : " in '" + Edges.name(context.graph(), r.agent()) + "'";
            String into = r.targetType() == null ? "" : " into " + r.targetType();
            findings.report(r.location(), "agent output is bound" + into + " by " + r.mechanism() + who
                            + " without validation: receive it through a Boundary (parse, validate against the contract, "
                            + "then bind) so malformed output is rejected with a typed, owned error.",
                    agents, null, r.mechanism() + "|" + r.targetType() + "|" + r.agent());
        }
    }
}
