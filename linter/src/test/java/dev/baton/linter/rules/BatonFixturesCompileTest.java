package dev.baton.linter.rules;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Proves the Baton and schema fixtures are real uses of Baton's runtime API: each fixture directory
 * compiles, as a project of its own, against {@code baton-runtime} (test scope). A fixture that only
 * looks like Baton code — except the deliberate look-alike in {@code NotBaton.java}, which compiles too —
 * fails here.
 */
class BatonFixturesCompileTest {
    @TestFactory
    Stream<DynamicTest> everyFixtureDirectoryCompilesAgainstTheRuntime() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String group : List.of("baton", "schema")) {
            Path root = Path.of("src", "test", "resources", "fixtures", group);
            try (Stream<Path> dirs = Files.list(root)) {
                for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                    boolean hasJava;
                    try (Stream<Path> files = Files.walk(dir)) {
                        hasJava = files.anyMatch(p -> p.toString().endsWith(".java"));
                    }
                    if (hasJava) tests.add(DynamicTest.dynamicTest(group + "/" + dir.getFileName(), () -> compile(dir)));
                }
            }
        }
        assertFalse(tests.isEmpty());
        return tests.stream();
    }

    private static void compile(Path dir) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertNotNull(compiler, "a JDK is needed to compile the fixtures");
        List<Path> sources;
        try (Stream<Path> files = Files.walk(dir)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        Path out = Files.createTempDirectory("baton-fixture-classes");
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-d", out.toString(),
                    "-proc:none", "--release", "17", "-Xlint:none");
            boolean ok = compiler.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources)).call();
            StringBuilder errors = new StringBuilder();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    errors.append(d.getSource() == null ? "" : d.getSource().getName()).append(':').append(d.getLineNumber())
                            .append(": ").append(d.getMessage(null)).append('\n');
                }
            }
            assertTrue(ok && errors.isEmpty(), "fixture " + dir + " does not compile against baton-runtime:\n" + errors);
        } finally {
            try (Stream<Path> walk = Files.walk(out)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }
}
