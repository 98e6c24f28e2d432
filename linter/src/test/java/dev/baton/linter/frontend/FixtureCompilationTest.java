package dev.baton.linter.frontend;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Proves the framework fixtures are real API use: every fixture directory of the LangChain4j and
 * agentic frontends compiles, as a project of its own, against the real framework artifacts on the
 * test classpath. A fixture that only looks like LangChain4j code fails here.
 */
class FixtureCompilationTest {
    private static final List<String> FRONTENDS = List.of("langchain4j", "agentic");

    @TestFactory
    Stream<DynamicTest> everyFixtureDirectoryCompiles() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String frontend : FRONTENDS) {
            Path root = Path.of("src", "test", "resources", "fixtures", frontend);
            if (!Files.isDirectory(root)) continue;
            try (Stream<Path> dirs = Files.list(root)) {
                for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                    tests.add(DynamicTest.dynamicTest(frontend + "/" + dir.getFileName(), () -> compile(dir)));
                }
            }
        }
        assertFalse(tests.isEmpty(), "no fixture directories found");
        return tests.stream();
    }

    private static void compile(Path dir) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertNotNull(compiler, "a JDK is needed to compile the fixtures");
        List<Path> sources;
        try (Stream<Path> files = Files.walk(dir)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertFalse(sources.isEmpty(), dir + " has no Java fixtures");
        Path out = Files.createTempDirectory("baton-fixture-classes");
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-d", out.toString(),
                    "-proc:none", "-parameters", "--release", "17", "-Xlint:none");
            boolean ok = compiler.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources)).call();
            StringBuilder errors = new StringBuilder();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    errors.append(d.getSource() == null ? "" : d.getSource().getName()).append(':').append(d.getLineNumber())
                            .append(": ").append(d.getMessage(null)).append('\n');
                }
            }
            assertTrue(ok && errors.isEmpty(), "fixture " + dir + " does not compile against the framework jars:\n" + errors);
        } finally {
            deleteTree(out);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
