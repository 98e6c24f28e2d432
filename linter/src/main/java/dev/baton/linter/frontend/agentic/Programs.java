package dev.baton.linter.frontend.agentic;

import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.baton.linter.frontend.ParsedSource;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The separate programs of a scan: one per module (the directory holding a source root such as
 * {@code src/main/java}). Two modules are one program only when one uses the other's types: code in
 * {@code section-2/step-04} and {@code section-2/step-05} of a workshop never runs together, even
 * when both declare the same classes.
 */
final class Programs {
    private final Map<String, String> moduleOfPath = new HashMap<>();
    private final Map<String, Set<String>> visible = new HashMap<>();

    private Programs() {
    }

    static Programs of(List<ParsedSource> sources) {
        Programs p = new Programs();
        Map<String, Set<String>> declaredIn = new HashMap<>();   // type FQN -> modules
        Map<String, Set<String>> packagesIn = new HashMap<>();   // package -> modules
        for (ParsedSource s : sources) {
            String module = moduleOf(s);
            p.moduleOfPath.put(s.path(), module);
            String pkg = s.unit().getPackageDeclaration().map(d -> d.getNameAsString()).orElse("");
            packagesIn.computeIfAbsent(pkg, k -> new LinkedHashSet<>()).add(module);
            for (TypeDeclaration<?> t : s.unit().findAll(TypeDeclaration.class)) {
                t.getFullyQualifiedName().ifPresent(f -> declaredIn.computeIfAbsent(f, k -> new LinkedHashSet<>()).add(module));
            }
        }
        Map<String, Set<String>> deps = new HashMap<>();
        for (ParsedSource s : sources) {
            String module = p.moduleOfPath.get(s.path());
            for (ImportDeclaration i : s.unit().getImports()) {
                if (i.isStatic()) continue;
                Set<String> from = i.isAsterisk() ? packagesIn.get(i.getNameAsString()) : declaredIn.get(i.getNameAsString());
                // a type the module declares itself is its own, even when another module has a copy
                if (from == null || from.contains(module)) continue;
                deps.computeIfAbsent(module, k -> new LinkedHashSet<>()).addAll(from);
            }
        }
        for (String m : new LinkedHashSet<>(p.moduleOfPath.values())) {
            Set<String> seen = new LinkedHashSet<>();
            Deque<String> todo = new ArrayDeque<>(List.of(m));
            while (!todo.isEmpty()) {
                String x = todo.pop();
                if (!seen.add(x)) continue;
                todo.addAll(deps.getOrDefault(x, Set.of()));
            }
            p.visible.put(m, seen);
        }
        return p;
    }

    /** The module of a file: its source root without a trailing {@code src/main/java}. */
    private static String moduleOf(ParsedSource s) {
        String path = s.path();
        String pkg = s.unit().getPackageDeclaration().map(d -> d.getNameAsString().replace('.', '/')).orElse("");
        int slash = path.lastIndexOf('/');
        String dir = slash < 0 ? "" : path.substring(0, slash);
        String root = dir;
        if (!pkg.isEmpty() && (dir.equals(pkg) || dir.endsWith("/" + pkg))) root = dir.substring(0, dir.length() - pkg.length());
        return trim(root);
    }

    private static String trim(String root) {
        String r = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
        for (String tail : List.of("src/main/java", "src/test/java", "src/main/kotlin", "src")) {
            if (r.equals(tail)) return "";
            if (r.endsWith("/" + tail)) return r.substring(0, r.length() - tail.length() - 1);
        }
        return r;
    }

    /** The module of a path; for a file not among the sources, its directory up to a source root. */
    String module(String path) {
        String m = moduleOfPath.get(path);
        if (m != null) return m;
        int at = path.indexOf("src/main/java/");
        if (at >= 0) return trim(path.substring(0, at + "src/main/java".length()));
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** The module itself and every module whose types it uses, transitively. */
    Set<String> visible(String module) {
        return visible.getOrDefault(module, Set.of(module));
    }
}
