package dev.baton.bench.harness;

import dev.baton.harness.ConsumerSpec;
import dev.baton.harness.campaign.FailureStore;
import dev.baton.harness.property.CampaignSettings;
import dev.baton.harness.property.ConsumerCampaign;
import dev.baton.harness.property.PropertyResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The harness's detection benchmark: runs the default campaign (default tries and budget, fresh
 * failure store) against deliberately defective consumers and their correct twins, and compares
 * with random-string fuzzing given the same number of tries.
 *
 * <p>Run: {@code mvn -q -pl benchmarks compile exec:java -Dexec.mainClass=dev.baton.bench.harness.DetectionBenchmark
 * -Dexec.args="1 2 3"} (the arguments are seeds; default: 1 2 3).
 */
public final class DetectionBenchmark {

    private DetectionBenchmark() {
    }

    /** One campaign's outcome on one consumer. */
    record Run(Subject subject, long seed, boolean caught, String firstProperty, String kind, int triesToCatch,
               int triesInProperty, int shrunkSize, int totalTries, long millis, long cpuMillis, int baselineTry,
               List<String> findings, String slowest, boolean patternCaught) {
    }

    public static void main(String[] args) throws IOException {
        List<Long> seeds = new ArrayList<>();
        for (String a : args) {
            seeds.add(Long.parseLong(a));
        }
        if (seeds.isEmpty()) {
            seeds.addAll(List.of(1L, 2L, 3L));
        }
        List<Subject> subjects = Subjects.all();
        // warm up the JIT and the schema caches, so the first consumer's time is not the JVM's start
        run(subjects.get(subjects.size() - 1), 0L);
        List<Run> runs = new ArrayList<>();
        List<Run> optInRuns = new ArrayList<>();
        System.out.printf(Locale.ROOT, "%-26s %-4s %-6s %-26s %-34s %11s %6s %6s %6s %8s  %s%n", "consumer", "seed",
                "caught", "first failing property", "failure kind", "tries(prop)", "shrunk", "wall", "cpu", "baseline",
                "failing properties");
        for (long seed : seeds) {
            for (Subject subject : subjects) {
                Run r = run(subject, seed);
                runs.add(r);
                System.out.printf(Locale.ROOT, "%-26s %-4d %-6s %-26s %-34s %11s %6s %5.2fs %5.2fs %8s  %d: %s%n",
                        subject.name(), seed, r.caught() ? "yes" : "no",
                        r.caught() ? r.firstProperty() : "-",
                        r.caught() ? abbreviate(r.kind(), 34) : "-",
                        r.caught() ? r.triesToCatch() + "(" + r.triesInProperty() + ")" : "-",
                        r.caught() ? r.shrunkSize() + "ch" : "-",
                        r.millis() / 1000.0, r.cpuMillis() / 1000.0,
                        r.baselineTry() > 0 ? "try " + r.baselineTry() : "missed",
                        r.findings().size(), abbreviate(String.join(" ", r.findings().stream()
                                .map(f -> f.substring(0, f.indexOf(':'))).toList()), 90));
                if (!subject.defective() && r.caught()) {
                    System.out.println("    FINDING ON A CORRECT TWIN: " + r.findings());
                }
                if (optIn(subject)) {
                    // the defect's own pattern is not LLM-evidenced: the default campaign does not run its operator
                    Run withSynthetic = run(subject, seed, Set.of("synthetic"));
                    optInRuns.add(withSynthetic);
                    System.out.printf(Locale.ROOT, "    with baton.operators.include=synthetic: own pattern %s %s%n",
                            subject.pattern(), withSynthetic.patternCaught() ? "caught" : "missed");
                }
            }
        }
        summarise(runs, seeds.size());
        if (!optInRuns.isEmpty()) {
            System.out.printf(Locale.ROOT, "defects whose own pattern is opt-in (synthetic family), run with it included: "
                    + "own pattern caught in %d of %d runs%n", optInRuns.stream().filter(Run::patternCaught).count(),
                    optInRuns.size());
        }
    }

    /** Whether the subject's own pattern is an operator the default campaign does not run. */
    private static boolean optIn(Subject subject) {
        return dev.baton.harness.operator.OperatorCatalogue.named(subject.pattern()).map(o -> !o.llmEvidenced())
                .orElse(false);
    }

    private static void summarise(List<Run> runs, int seedCount) {
        List<Run> defects = runs.stream().filter(r -> r.subject().defective()).toList();
        List<Run> twins = runs.stream().filter(r -> !r.subject().defective()).toList();
        long caught = defects.stream().filter(Run::caught).count();
        long baseline = defects.stream().filter(r -> r.baselineTry() > 0).count();
        long own = defects.stream().filter(Run::patternCaught).count();
        long twinFindings = twins.stream().filter(Run::caught).count();
        long twinBaseline = twins.stream().filter(r -> r.baselineTry() > 0).count();
        long max = runs.stream().mapToLong(Run::millis).max().orElse(0);
        double mean = runs.stream().mapToLong(Run::millis).average().orElse(0);
        double medianTries = defects.stream().filter(Run::caught).mapToInt(Run::triesToCatch).sorted()
                .skip(Math.max(0, caught / 2 - (caught % 2 == 0 ? 1 : 0))).limit(1).average().orElse(0);
        System.out.println();
        System.out.printf(Locale.ROOT, "seeds: %d; defective consumers: %d; correct twins: %d%n", seedCount,
                defects.size() / seedCount, twins.size() / seedCount);
        System.out.printf(Locale.ROOT, "default campaign caught %d of %d defect runs (%.1f%%); median tries to catch: %.0f%n",
                caught, defects.size(), 100.0 * caught / defects.size(), medianTries);
        System.out.printf(Locale.ROOT, "caught by the property of the defect's own pattern: %d of %d (%.1f%%)%n", own,
                defects.size(), 100.0 * own / defects.size());
        defects.stream().filter(r -> !r.patternCaught()).forEach(r -> System.out.println(
                "    own pattern " + r.subject().pattern() + " did not fail for " + r.subject().name() + " (seed "
                        + r.seed() + ")"));
        System.out.printf(Locale.ROOT, "random-string fuzzing, same tries: caught %d of %d (%.1f%%)%n", baseline,
                defects.size(), 100.0 * baseline / defects.size());
        System.out.printf(Locale.ROOT, "findings on correct twins: campaign %d, random fuzzing %d (of %d runs)%n",
                twinFindings, twinBaseline, twins.size());
        Run slowestRun = runs.stream().max(java.util.Comparator.comparingLong(Run::millis)).orElseThrow();
        System.out.printf(Locale.ROOT, "campaign wall time per consumer: mean %.2fs, max %.2fs (%s, slowest property %s)%n",
                mean / 1000, max / 1000.0, slowestRun.subject().name(), slowestRun.slowest());
        long under2s = runs.stream().filter(r -> r.millis() < 2000).count();
        long cpuMax = runs.stream().mapToLong(Run::cpuMillis).max().orElse(0);
        double cpuMean = runs.stream().mapToLong(Run::cpuMillis).average().orElse(0);
        System.out.printf(Locale.ROOT, "campaign CPU time per consumer (whole process, all threads incl. JIT and GC): mean %.2fs, max %.2fs%n",
                cpuMean / 1000, cpuMax / 1000.0);
        System.out.printf(Locale.ROOT, "campaigns under 2 s wall time: %d of %d%n", under2s, runs.size());
        long twinsUnder = twins.stream().filter(r -> r.millis() < 2000).count();
        System.out.printf(Locale.ROOT, "correct twins (a passing campaign) under 2 s wall time: %d of %d%n", twinsUnder,
                twins.size());
    }

    private static void deleteTree(Path root) throws IOException {
        try (java.util.stream.Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    private static String abbreviate(String s, int max) {
        return s == null ? "-" : s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    static Run run(Subject subject, long seed) throws IOException {
        return run(subject, seed, Set.of());
    }

    static Run run(Subject subject, long seed, Set<String> included) throws IOException {
        Path store = Files.createTempDirectory("baton-bench-failures");
        ConsumerSpec<?> spec = subject.spec().get();
        CampaignSettings settings = new CampaignSettings(seed, CampaignSettings.DEFAULT_TRIES,
                CampaignSettings.DEFAULT_TIME_BUDGET, Set.of(), included, store);
        // process CPU time: the campaign calls the consumer on worker threads, and the machine may be shared
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        Map<String, PropertyResult> results = new ConsumerCampaign(spec, settings, new FailureStore(store))
                .runAll(subject.name());
        long millis = (System.nanoTime() - start) / 1_000_000;
        long cpuMillis = (os.getProcessCpuTime() - cpuStart) / 1_000_000;
        deleteTree(store); // each run starts from an empty failure store: nothing to replay, nothing to keep
        int triesBefore = 0;
        int total = 0;
        String first = null;
        String kind = null;
        int triesToCatch = 0;
        int triesInProperty = 0;
        String slowest = "";
        long slowestMillis = -1;
        int shrunk = 0;
        List<String> findings = new ArrayList<>();
        for (Map.Entry<String, PropertyResult> e : results.entrySet()) {
            PropertyResult r = e.getValue();
            total += r.tries();
            long t = Long.parseLong(r.entries().getOrDefault("time", "0ms").replace("ms", ""));
            if (t > slowestMillis) {
                slowestMillis = t;
                slowest = e.getKey() + " " + t + "ms";
            }
            if (r.status() == PropertyResult.Status.FAILED) {
                findings.add(e.getKey() + ": " + r.entries().get("failure") + " on " + r.entries().get("input"));
                if (first == null) {
                    first = e.getKey();
                    kind = r.entries().get("failure");
                    triesToCatch = triesBefore + r.foundAtTry();
                    triesInProperty = r.foundAtTry();
                    shrunk = r.shrunkSize();
                }
            }
            triesBefore += r.tries();
        }
        int baseline = RandomStringFuzzer.firstFinding(subject.spec().get(), seed, total);
        PropertyResult own = results.get(subject.pattern());
        boolean patternCaught = own != null && own.status() == PropertyResult.Status.FAILED;
        return new Run(subject, seed, first != null, first, kind, triesToCatch, triesInProperty, shrunk, total, millis,
                cpuMillis, baseline, findings, slowest, patternCaught);
    }
}
