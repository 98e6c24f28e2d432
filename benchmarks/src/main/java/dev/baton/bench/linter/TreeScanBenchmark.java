package dev.baton.bench.linter;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import dev.baton.linter.engine.LintRequest;
import dev.baton.linter.engine.LintResult;
import dev.baton.linter.engine.Linter;
import dev.baton.linter.engine.ProjectLayout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Linter speed and memory on any tree, as ratios against plain JavaParser parsing the same files on
 * every core, all measured in one run. Each measurement runs in a fresh JVM (the same {@code java} and
 * class path), so peak memory is the child process's peak resident set ({@code VmHWM}) and times are
 * whole-process wall clock; the scan's own time is printed too. Medians over the rounds.
 *
 * <pre>
 * mvn -q -pl linter,benchmarks -am package -DskipTests
 * java -cp benchmarks/target/baton-benchmarks.jar dev.baton.bench.linter.TreeScanBenchmark DIR [rounds]
 * java -cp benchmarks/target/baton-benchmarks.jar dev.baton.bench.linter.TreeScanBenchmark --generate LINES [rounds]
 * java -cp benchmarks/target/baton-benchmarks.jar dev.baton.bench.linter.TreeScanBenchmark --call-sites 1000,2000,4000
 * </pre>
 *
 * {@code DIR} is a Maven or Gradle tree (its {@code src/main/java} roots) or any folder of Java files,
 * such as an unpacked sources jar (then the folder itself is the source root). It is copied to a
 * temporary folder first, since the one-file-changed measurement edits a file. {@code --generate} writes
 * a tree where every file is agent code; {@code --call-sites} times one class with N {@code readValue}
 * call sites on agent output, to show whether scan time grows linearly.
 */
public final class TreeScanBenchmark {
    private TreeScanBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("--child")) {
            child(args[1], Path.of(args[2]));
            return;
        }
        if (args.length == 0) {
            System.err.println("usage: TreeScanBenchmark DIR [rounds] | --generate LINES [rounds] | --call-sites N,N,...");
            System.exit(2);
        }
        if (args[0].equals("--call-sites")) {
            callSites(args.length > 1 ? args[1] : "1000,2000,4000");
            return;
        }
        int rounds = args.length > (args[0].equals("--generate") ? 2 : 1)
                ? Integer.parseInt(args[args[0].equals("--generate") ? 2 : 1]) : 3;
        Path work = Files.createTempDirectory("baton-tree-bench");
        try {
            Path tree = work.resolve("tree");
            if (args[0].equals("--generate")) {
                long lines = new AgentTreeGenerator(7).generate(tree, Long.parseLong(args[1]));
                System.out.printf("generated %,d lines of agent code%n", lines);
            } else {
                copySources(Path.of(args[0]), tree);
            }
            run(tree, rounds);
        } finally {
            deleteTree(work);
        }
    }

    private static void run(Path tree, int rounds) throws Exception {
        List<Path> files = javaFiles(tree);
        long lines = 0;
        for (Path f : files) lines += Files.readAllLines(f, StandardCharsets.UTF_8).size();
        System.out.printf("tree: %,d Java files, %,d lines; %d cores; %d rounds, each measurement in a fresh JVM%n",
                files.size(), lines, Runtime.getRuntime().availableProcessors(), rounds);
        Map<String, List<Map<String, Double>>> runs = new LinkedHashMap<>();
        for (int r = 0; r < rounds; r++) {
            for (String mode : List.of("parse", "scan", "incremental")) {
                runs.computeIfAbsent(mode, k -> new ArrayList<>()).add(spawn(mode, tree));
            }
        }
        double parseWall = median(runs.get("parse"), "wall");
        double parseRss = median(runs.get("parse"), "rssMb");
        double scanWall = median(runs.get("scan"), "wall");
        double scanRss = median(runs.get("scan"), "rssMb");
        double cold = median(runs.get("incremental"), "cold");
        double warm = median(runs.get("incremental"), "warm");
        double edited = median(runs.get("incremental"), "edited");
        System.out.printf("%-44s %10s %10s %s%n", "measurement", "time", "peak RSS", "ratio");
        System.out.printf("%-44s %8.0f ms %7.0f MB %s%n", "JavaParser parse of every file, all cores", parseWall, parseRss, "baseline");
        System.out.printf("%-44s %8.0f ms %7.0f MB time %.2fx, memory %.2fx the parse%n", "linter cold scan (whole process)",
                scanWall, scanRss, scanWall / parseWall, scanRss / parseRss);
        System.out.printf("%-44s %8.0f ms%n", "  of which the scan itself", median(runs.get("scan"), "scan"));
        System.out.printf("%-44s %8.0f ms %10s %.3fx the cold scan with cache writing (%.0f ms)%n",
                "re-scan, nothing changed", warm, "", warm / cold, cold);
        System.out.printf("%-44s %8.0f ms %10s %.3fx the cold scan with cache writing%n", "re-scan after editing one file", edited, "",
                edited / cold);
        System.out.printf("files parsed by the cold scan: %.0f of %d; findings: %.0f%n", median(runs.get("scan"), "parsed"),
                files.size(), median(runs.get("scan"), "findings"));
    }

    /** One measurement in a fresh JVM; returns the numbers it printed plus its wall-clock time. */
    private static Map<String, Double> spawn(String mode, Path tree) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path")));
        String xmx = System.getProperty("bench.xmx");
        if (xmx != null) cmd.add("-Xmx" + xmx);
        cmd.addAll(List.of(TreeScanBenchmark.class.getName(), "--child", mode, tree.toString()));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Map<String, Double> values = new LinkedHashMap<>();
        List<String> output = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                output.add(line);
                if (line.startsWith("@")) {
                    String[] kv = line.substring(1).split("=", 2);
                    values.put(kv[0], Double.parseDouble(kv[1]));
                }
            }
        }
        int code = p.waitFor();
        values.put("wall", (System.nanoTime() - t0) / 1e6);
        if (code != 0) throw new IllegalStateException(mode + " failed with exit code " + code + ":\n" + String.join("\n", output));
        return values;
    }

    private static void child(String mode, Path tree) throws IOException {
        switch (mode) {
            case "parse" -> {
                List<Path> files = javaFiles(tree);
                long t0 = System.nanoTime();
                ThreadLocal<JavaParser> parser = ThreadLocal.withInitial(() -> new JavaParser(new ParserConfiguration()
                        .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21)));
                AtomicInteger ok = new AtomicInteger();
                files.parallelStream().forEach(f -> {
                    try {
                        if (parser.get().parse(Files.readString(f, StandardCharsets.UTF_8)).isSuccessful()) ok.incrementAndGet();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                print("parse", (System.nanoTime() - t0) / 1e6);
                print("parsed", ok.get());
            }
            case "scan" -> {
                long t0 = System.nanoTime();
                LintResult result = Linter.run(request(tree, null));
                print("scan", (System.nanoTime() - t0) / 1e6);
                print("parsed", result.stats().parsedFiles());
                print("findings", result.findings().size());
            }
            case "incremental" -> {
                Path cache = Files.createTempDirectory("baton-bench-cache");
                try {
                    long t0 = System.nanoTime();
                    LintResult first = Linter.run(request(tree, cache));
                    print("cold", (System.nanoTime() - t0) / 1e6);
                    List<Long> warm = new ArrayList<>();
                    for (int i = 0; i < 5; i++) {
                        t0 = System.nanoTime();
                        Linter.run(request(tree, cache));
                        warm.add(System.nanoTime() - t0);
                    }
                    print("warm", medianNanos(warm));
                    Path edited = mostRelevantFile(tree);
                    List<Long> afterEdit = new ArrayList<>();
                    for (int i = 0; i < 3; i++) {
                        Files.writeString(edited, "\n// edited " + i + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                        t0 = System.nanoTime();
                        Linter.run(request(tree, cache));
                        afterEdit.add(System.nanoTime() - t0);
                    }
                    print("edited", medianNanos(afterEdit));
                    print("findings", first.findings().size());
                } finally {
                    deleteTree(cache);
                }
            }
            default -> throw new IllegalArgumentException(mode);
        }
        print("rssMb", peakRssMb());
    }

    private static LintRequest request(Path tree, Path cache) {
        ProjectLayout layout = ProjectLayout.discover(tree);
        LintRequest.Builder b = layout.sourceRoots().isEmpty()
                ? LintRequest.builder(tree).sourceRoot(tree)
                : layout.requestBuilder();
        if (cache != null) b.cacheDir(cache);
        return b.build();
    }

    /** The file the edit goes into: the largest one that mentions an agent framework, else the largest. */
    private static Path mostRelevantFile(Path tree) throws IOException {
        Path best = null;
        long bestSize = -1;
        boolean bestRelevant = false;
        for (Path f : javaFiles(tree)) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            boolean relevant = text.contains("langchain4j") || text.contains("springframework.ai") || text.contains("google.adk")
                    || text.contains("embabel") || text.contains("dev.baton");
            long size = text.length();
            if ((relevant && !bestRelevant) || (relevant == bestRelevant && size > bestSize)) {
                best = f;
                bestSize = size;
                bestRelevant = relevant;
            }
        }
        return best;
    }

    private static void callSites(String counts) throws IOException {
        System.out.printf("%-12s %10s %14s%n", "call sites", "scan", "per call site");
        Double firstPer = null;
        for (String c : counts.split(",")) {
            int n = Integer.parseInt(c.strip());
            Path root = Files.createTempDirectory("baton-call-sites");
            try {
                AgentTreeGenerator.writeCallSites(root, n);
                LintRequest req = LintRequest.builder(root).sourceRoot(Path.of("src/main/java")).build();
                Linter.run(req); // warm-up
                long t0 = System.nanoTime();
                LintResult r = Linter.run(req);
                double ms = (System.nanoTime() - t0) / 1e6;
                double per = ms / n;
                if (firstPer == null) firstPer = per;
                System.out.printf("%-12d %7.0f ms %11.3f ms   %.2fx the first size's per-site time; %d findings%n", n, ms, per,
                        per / firstPer, r.findings().size());
            } finally {
                deleteTree(root);
            }
        }
    }

    private static void copySources(Path from, Path to) throws IOException {
        Path src = from.toAbsolutePath().normalize();
        ProjectLayout layout = ProjectLayout.discover(src);
        List<Path> roots = layout.sourceRoots().isEmpty() ? List.of(src) : layout.sourceRoots();
        for (Path root : roots) {
            try (Stream<Path> s = Files.walk(root)) {
                for (Path f : s.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)).toList()) {
                    Path target = to.resolve(src.relativize(f).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(f, target);
                }
            }
        }
    }

    private static List<Path> javaFiles(Path tree) throws IOException {
        try (Stream<Path> s = Files.walk(tree)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static double peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall back to the heap's peak
        }
        long peak = 0;
        for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) peak += pool.getPeakUsage().getUsed();
        return peak / (1024.0 * 1024.0);
    }

    private static void print(String key, double value) {
        System.out.println("@" + key + "=" + value);
    }

    private static double medianNanos(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        sorted.sort(Comparator.naturalOrder());
        return sorted.get(sorted.size() / 2) / 1e6;
    }

    private static double median(List<Map<String, Double>> runs, String key) {
        List<Double> v = runs.stream().map(m -> m.getOrDefault(key, Double.NaN)).sorted().toList();
        return v.get(v.size() / 2);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
