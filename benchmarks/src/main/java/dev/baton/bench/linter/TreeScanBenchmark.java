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
 * class path), so peak memory is the child process's peak resident set ({@code VmHWM}), times are
 * whole-process wall clock and CPU time (all threads, JIT and GC included; CPU time is the steadier
 * figure on a machine others share). Rounds interleave the measurements; medians are printed.
 *
 * <pre>
 * mvn -q -pl linter,benchmarks -am package -DskipTests
 * java -cp benchmarks/target/baton-benchmarks.jar dev.baton.bench.linter.TreeScanBenchmark DIR [rounds]
 * java -cp benchmarks/target/baton-benchmarks.jar dev.baton.bench.linter.TreeScanBenchmark --generate LINES [rounds]
 * java -cp benchmarks/target/baton-benchmarks.jar dev.baton.bench.linter.TreeScanBenchmark --call-sites 1000,3000,10000
 * </pre>
 *
 * {@code DIR} is a Maven or Gradle tree (its {@code src/main/java} roots) or any folder of Java files,
 * such as an unpacked sources jar (then the folder itself is the source root). It is copied to a
 * temporary folder first, since the one-file-changed measurement edits a file. {@code --generate} writes
 * a tree where every file is agent code. Both end with the pathological file: one class with N
 * {@code readValue} call sites on agent output (1,000, 3,000 and 10,000 unless {@code --call-sites}
 * names other sizes, or {@code --call-sites none}), whose scan time must grow linearly; alone with
 * {@code --call-sites} as the first argument.
 *
 * <p>The raw parse is the reference: JavaParser's default configuration (tokens stored, comments
 * attributed) at the newest language level it offers, as the linter parses, one parser per thread.
 */
public final class TreeScanBenchmark {
    /** The newest Java JavaParser knows, as the linter parses. */
    static final ParserConfiguration.LanguageLevel LEVEL = ParserConfiguration.LanguageLevel.BLEEDING_EDGE;
    private static final String DEFAULT_CALL_SITES = "1000,3000,10000";

    private TreeScanBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("--child")) {
            child(args[1], Path.of(args[2]));
            return;
        }
        if (args.length == 0) {
            System.err.println("usage: TreeScanBenchmark DIR [rounds] [--call-sites N,N,...|none] | --generate LINES [rounds] "
                    + "[--call-sites ...] | --call-sites N,N,...");
            System.exit(2);
        }
        List<String> rest = new ArrayList<>(List.of(args));
        String callSites = DEFAULT_CALL_SITES;
        int cs = rest.indexOf("--call-sites");
        if (cs >= 0) {
            callSites = cs + 1 < rest.size() ? rest.get(cs + 1) : DEFAULT_CALL_SITES;
            if (cs + 1 < rest.size()) rest.remove(cs + 1);
            rest.remove(cs);
            if (cs == 0) {
                callSites(callSites);
                return;
            }
        }
        boolean generate = rest.get(0).equals("--generate");
        int roundsAt = generate ? 2 : 1;
        int rounds = rest.size() > roundsAt ? Integer.parseInt(rest.get(roundsAt)) : 3;
        Path work = Files.createTempDirectory("baton-tree-bench");
        try {
            Path tree = work.resolve("tree");
            if (generate) {
                long lines = new AgentTreeGenerator(7).generate(tree, Long.parseLong(rest.get(1)));
                System.out.printf("generated %,d lines of agent code%n", lines);
            } else {
                copySources(Path.of(rest.get(0)), tree);
            }
            run(tree, rounds);
        } finally {
            deleteTree(work);
        }
        if (!callSites.equals("none")) {
            System.out.println();
            callSites(callSites);
        }
    }

    private static void run(Path tree, int rounds) throws Exception {
        List<Path> files = javaFiles(tree);
        long lines = 0;
        for (Path f : files) lines += Files.readAllLines(f, StandardCharsets.ISO_8859_1).size();
        System.out.printf("tree: %,d Java files, %,d lines; %d cores; %d rounds, each measurement in a fresh JVM; java %s%n",
                files.size(), lines, Runtime.getRuntime().availableProcessors(), rounds, System.getProperty("java.version"));
        Map<String, List<Map<String, Double>>> runs = new LinkedHashMap<>();
        for (int r = 0; r < rounds; r++) {
            for (String mode : List.of("parse", "scan", "incremental")) {
                runs.computeIfAbsent(mode, k -> new ArrayList<>()).add(spawn(mode, tree));
            }
        }
        double parseWall = median(runs.get("parse"), "wall"), parseCpu = median(runs.get("parse"), "cpu");
        double parseRss = median(runs.get("parse"), "rssMb");
        double scanWall = median(runs.get("scan"), "wall"), scanCpu = median(runs.get("scan"), "cpu");
        double scanRss = median(runs.get("scan"), "rssMb");
        double cold = median(runs.get("incremental"), "cold");
        double warm = median(runs.get("incremental"), "warm");
        double edited = median(runs.get("incremental"), "edited");
        double incRss = median(runs.get("incremental"), "rssMb");
        System.out.printf("%-46s %9s %9s %9s   %s%n", "measurement (whole process unless said)", "wall", "CPU", "peak RSS",
                "ratio");
        System.out.printf("%-46s %6.0f ms %6.0f ms %6.0f MB   %s%n", "raw parse: JavaParser " + LEVEL + ", all cores",
                parseWall, parseCpu, parseRss, "1 (the reference)");
        System.out.printf("%-46s %6.0f ms %6.0f ms %6.0f MB   wall %.2fx, CPU %.2fx, memory %.2fx the raw parse%n",
                "linter cold scan, no cache", scanWall, scanCpu, scanRss, scanWall / parseWall, scanCpu / parseCpu,
                scanRss / parseRss);
        System.out.printf("%-46s %6.0f ms %9s %9s   (the parse: %.0f ms of its own)%n", "  of which the scan itself",
                median(runs.get("scan"), "scan"), "", "", median(runs.get("parse"), "parse"));
        System.out.printf("%-46s %6.0f ms %9s %6.0f MB   with the cache written; peak of the cold and re-scans, %.2fx the raw parse%n",
                "cold scan in the re-scan process (in-process)", cold, "", incRss, incRss / parseRss);
        System.out.printf("%-46s %6.0f ms %9s %9s   %.3fx that cold scan%n", "re-scan, nothing changed (in-process)", warm, "", "",
                warm / cold);
        System.out.printf("%-46s %6.0f ms %9s %9s   %.3fx that cold scan%n", "re-scan after editing one file (in-process)", edited,
                "", "", edited / cold);
        System.out.printf("files parsed by the cold scan: %.0f of %d (raw parse: %.0f parsed); findings: %.0f%n",
                median(runs.get("scan"), "parsed"), files.size(), median(runs.get("parse"), "parsed"),
                median(runs.get("scan"), "findings"));
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
                        .setLanguageLevel(LEVEL)));
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
        print("cpu", ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e6);
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

    /**
     * The pathological file, at each size in a fresh JVM: the scan's whole-process time against the raw
     * parse of the same file, and how the time per call site grows from the first size (1.00x is linear).
     */
    private static void callSites(String counts) throws Exception {
        System.out.println("one class with N readValue call sites on agent output (each size: a raw parse and a cold scan, fresh JVMs)");
        System.out.printf("%-11s %10s %10s %9s %10s %9s %11s %13s %s%n", "call sites", "lines", "raw parse", "scan", "vs parse",
                "peak RSS", "in-process", "per site", "growth per site (in-process scan / N)");
        Double firstPer = null;
        for (String c : counts.split(",")) {
            int n = Integer.parseInt(c.strip());
            Path root = Files.createTempDirectory("baton-call-sites");
            try {
                AgentTreeGenerator.writeCallSites(root, n);
                long lines = 0;
                for (Path f : javaFiles(root)) lines += Files.readAllLines(f, StandardCharsets.UTF_8).size();
                Map<String, Double> parse = spawn("parse", root);
                Map<String, Double> scan = spawn("scan", root);
                double per = scan.get("scan") / n;
                if (firstPer == null) firstPer = per;
                System.out.printf("%-11d %,10d %7.0f ms %6.0f ms %9.2fx %6.0f MB %8.0f ms %10.3f ms %.2fx; %.0f findings%n", n,
                        lines, parse.get("wall"), scan.get("wall"), scan.get("wall") / parse.get("wall"), scan.get("rssMb"),
                        scan.get("scan"), per, per / firstPer, scan.get("findings"));
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
