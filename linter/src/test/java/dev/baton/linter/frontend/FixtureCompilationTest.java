package dev.baton.linter.frontend;

import org.junit.jupiter.api.Assumptions;
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
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Proves every fixture is real API use: each fixture directory (Baton's own API and schema fixtures,
 * LangChain4j, agentic, Spring AI, Google ADK, Embabel, LangGraph4j, plain Java) compiles, as a project of its own,
 * against the real jars on the test classpath (baton-runtime and the framework artifacts, test scope).
 * A fixture that only looks like framework code fails here. Embabel's jars are compiled for Java 21,
 * so its fixtures are compiled by a JDK 21+ {@code javac} found on the machine (property
 * {@code baton.jdk21.home}, else {@code /usr/lib/jvm}).
 */
class FixtureCompilationTest {
    private static final Path FIXTURES = Path.of("src", "test", "resources", "fixtures");
    private static final Set<String> NEEDS_JAVA_21 = Set.of("embabel");
    /**
     * Fixture groups whose framework publishes no API artifact to compile against. Jakarta Agentic
     * ({@code jakarta.ai.agent}) is a draft: its API module (jakarta.ai:jakarta.agentic-ai-api) is not served
     * by any repository, and stubs written here would only prove that the fixtures match the stubs. Those
     * fixtures are parsed as Java 17 syntax instead (the frontend reads syntax only), by
     * {@link #everyUncompilableFixtureParses}.
     */
    static final Set<String> NO_PUBLISHED_API = Set.of("jakarta");

    @TestFactory
    Stream<DynamicTest> everyFixtureDirectoryCompiles() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> groups = Files.list(FIXTURES)) {
            for (Path group : groups.filter(Files::isDirectory).sorted().toList()) {
                String name = group.getFileName().toString();
                if (NO_PUBLISHED_API.contains(name)) continue;
                try (Stream<Path> dirs = Files.list(group)) {
                    for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                        if (!hasJava(dir)) continue; // schema-only fixtures have nothing to compile
                        tests.add(DynamicTest.dynamicTest(name + "/" + dir.getFileName(),
                                () -> compile(dir, NEEDS_JAVA_21.contains(name))));
                    }
                }
            }
        }
        assertFalse(tests.isEmpty(), "no fixture directories found");
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyUncompilableFixtureParses() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String group : NO_PUBLISHED_API.stream().sorted().toList()) {
            Path dir = FIXTURES.resolve(group);
            assertTrue(Files.isDirectory(dir), "no fixture group " + dir);
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    tests.add(DynamicTest.dynamicTest(FIXTURES.relativize(f).toString(), () -> {
                        com.github.javaparser.JavaParser parser = new com.github.javaparser.JavaParser(
                                new com.github.javaparser.ParserConfiguration().setLanguageLevel(
                                        com.github.javaparser.ParserConfiguration.LanguageLevel.JAVA_17));
                        var result = parser.parse(Files.readString(f));
                        assertTrue(result.isSuccessful(), f + " is not valid Java 17: " + result.getProblems());
                    }));
                }
            }
        }
        assertFalse(tests.isEmpty(), "no fixtures in " + NO_PUBLISHED_API);
        return tests.stream();
    }

    private static boolean hasJava(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.anyMatch(p -> p.toString().endsWith(".java"));
        }
    }

    private static void compile(Path dir, boolean needsJava21) throws Exception {
        List<Path> sources;
        try (Stream<Path> files = Files.walk(dir)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertFalse(sources.isEmpty(), dir + " has no Java fixtures");
        Path out = Files.createTempDirectory("baton-fixture-classes");
        try {
            if (needsJava21 && Runtime.version().feature() < 21) {
                Optional<Path> javac = javac21();
                Assumptions.assumeTrue(javac.isPresent(), "no JDK 21+ javac on this machine: the Embabel fixtures "
                        + "(compiled for Java 21) cannot be compiled here; set -Dbaton.jdk21.home");
                compileExternally(javac.get(), sources, out, dir);
            } else {
                compileInProcess(sources, out, dir, needsJava21 ? "21" : "17");
            }
        } finally {
            deleteTree(out);
        }
    }

    private static void compileInProcess(List<Path> sources, Path out, Path dir, String release) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertNotNull(compiler, "a JDK is needed to compile the fixtures");
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-d", out.toString(),
                    "-proc:none", "-parameters", "--release", release, "-Xlint:none");
            boolean ok = compiler.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources)).call();
            StringBuilder errors = new StringBuilder();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    errors.append(d.getSource() == null ? "" : d.getSource().getName()).append(':').append(d.getLineNumber())
                            .append(": ").append(d.getMessage(null)).append('\n');
                }
            }
            assertTrue(ok && errors.isEmpty(), "fixture " + dir + " does not compile against the jars it uses:\n" + errors);
        }
    }

    private static void compileExternally(Path javac, List<Path> sources, Path out, Path dir) throws Exception {
        Path args = Files.createTempFile("baton-javac", ".args");
        try {
            List<String> lines = new ArrayList<>(List.of("-classpath", quote(System.getProperty("java.class.path")), "-d",
                    quote(out.toString()), "-proc:none", "-parameters", "--release", "21", "-Xlint:none", "-encoding", "UTF-8"));
            for (Path s : sources) lines.add(quote(s.toAbsolutePath().toString()));
            Files.write(args, lines, StandardCharsets.UTF_8);
            Process p = new ProcessBuilder(javac.toString(), "@" + args).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(5, TimeUnit.MINUTES), "javac did not finish compiling " + dir);
            assertEquals(0, p.exitValue(), "fixture " + dir + " does not compile against the jars it uses:\n" + output);
        } finally {
            Files.deleteIfExists(args);
        }
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** A {@code javac} of Java 21 or later: the property {@code baton.jdk21.home}, else one under /usr/lib/jvm. */
    private static Optional<Path> javac21() throws IOException {
        String home = System.getProperty("baton.jdk21.home");
        if (home != null && !home.isBlank()) return Optional.of(Path.of(home, "bin", "javac")).filter(Files::isExecutable);
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) return Optional.empty();
        Pattern version = Pattern.compile("^JAVA_VERSION=\"(\\d+)", Pattern.MULTILINE);
        try (Stream<Path> homes = Files.list(jvms)) {
            for (Path h : homes.sorted(Comparator.reverseOrder()).toList()) {
                Path release = h.resolve("release");
                Path javac = h.resolve("bin").resolve("javac");
                if (!Files.isRegularFile(release) || !Files.isExecutable(javac)) continue;
                Matcher m = version.matcher(Files.readString(release));
                if (m.find() && Integer.parseInt(m.group(1)) >= 21) return Optional.of(javac);
            }
        }
        return Optional.empty();
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
