package dev.baton.bench.linter;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import dev.baton.linter.engine.LintRequest;
import dev.baton.linter.engine.LintResult;
import dev.baton.linter.engine.Linter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Linter speed on a ~400,000-line tree, in one run: a cold scan against plain JavaParser parsing of
 * the same files (one thread, as a tool that parses everything would), and a re-scan with nothing
 * changed against the cold scan. A main, not JMH: each measurement is seconds of I/O, parsing and
 * caching, repeated and reported as the median after warm-up rounds.
 *
 * <pre>
 * mvn -q -pl benchmarks package -DskipTests
 * java -cp benchmarks/target/baton-benchmarks.jar dev.baton.bench.linter.LinterScanBenchmark [lines] [rounds]
 * </pre>
 */
public final class LinterScanBenchmark {
    private LinterScanBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long lines = args.length > 0 ? Long.parseLong(args[0]) : 400_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path root = Files.createTempDirectory("baton-lint-bench");
        try {
            long written = new SourceTreeGenerator(42).generate(root, lines);
            List<Path> files;
            try (Stream<Path> s = Files.walk(root.resolve("src/main/java"))) {
                files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
            }
            System.out.printf("tree: %,d lines in %,d files under %s; %d cores%n", written, files.size(), root,
                    Runtime.getRuntime().availableProcessors());

            LintRequest cold = LintRequest.builder(root).sourceRoot(Path.of("src/main/java")).build();
            Path cacheDir = root.resolve("target/baton-cache");
            LintRequest cached = LintRequest.builder(root).sourceRoot(Path.of("src/main/java")).cacheDir(cacheDir).build();

            // warm-up: JIT for parser and linter
            for (int i = 0; i < 2; i++) {
                parseAll(files);
                Linter.run(cold);
            }
            List<Long> parse = new ArrayList<>(), parseAllCores = new ArrayList<>(), scan = new ArrayList<>(), rescan = new ArrayList<>(), coldCached = new ArrayList<>();
            LintResult last = null;
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                int units = parseAll(files);
                parse.add(System.nanoTime() - t0);
                if (units != files.size()) System.out.println("warning: " + (files.size() - units) + " files did not parse");
                t0 = System.nanoTime();
                parseAllCores(files);
                parseAllCores.add(System.nanoTime() - t0);

                t0 = System.nanoTime();
                last = Linter.run(cold);
                scan.add(System.nanoTime() - t0);

                deleteTree(cacheDir);
                t0 = System.nanoTime();
                Linter.run(cached);
                coldCached.add(System.nanoTime() - t0);
                // re-scans are short, so take several per round: the median is less at the mercy of other load
                for (int k = 0; k < 5; k++) {
                    t0 = System.nanoTime();
                    LintResult warm = Linter.run(cached);
                    rescan.add(System.nanoTime() - t0);
                    if (!warm.stats().resultCached() || !warm.findings().equals(last.findings())) {
                        throw new IllegalStateException("the re-scan did not reuse the cache or gave different findings");
                    }
                }
            }
            double p = median(parse), pc = median(parseAllCores), s = median(scan), c = median(coldCached), w = median(rescan);
            System.out.printf("parsed by the linter: %,d of %,d files; findings: %,d%n", last.stats().parsedFiles(),
                    last.stats().javaFiles(), last.findings().size());
            System.out.printf("JavaParser parse, 1 thread:      %8.1f ms (median of %d)%n", p, rounds);
            System.out.printf("JavaParser parse, all cores:     %8.1f ms%n", pc);
            System.out.printf("linter cold scan, no cache:      %8.1f ms   ratio to parse %.3f (to all-core parse %.3f)%n", s, s / p, s / pc);
            System.out.printf("linter cold scan, writing cache: %8.1f ms   ratio to parse %.3f%n", c, c / p);
            System.out.printf("linter re-scan, nothing changed: %8.1f ms   ratio to cold scan %.3f (median of %d)%n", w, w / c,
                    rescan.size());
        } finally {
            deleteTree(root);
        }
    }

    private static int parseAll(List<Path> files) throws IOException {
        JavaParser parser = new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
        int ok = 0;
        for (Path f : files) {
            ParseResult<CompilationUnit> r = parser.parse(Files.readString(f, StandardCharsets.UTF_8));
            if (r.isSuccessful()) ok++;
        }
        return ok;
    }

    private static void parseAllCores(List<Path> files) {
        ThreadLocal<JavaParser> parser = ThreadLocal.withInitial(() -> new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)));
        files.parallelStream().forEach(f -> {
            try {
                parser.get().parse(Files.readString(f, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static double median(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        sorted.sort(Comparator.naturalOrder());
        int n = sorted.size();
        long m = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return m / 1e6;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
