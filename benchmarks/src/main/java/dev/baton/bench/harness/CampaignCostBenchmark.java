package dev.baton.bench.harness;

import dev.baton.harness.ConsumerSpec;
import dev.baton.harness.campaign.FailureStore;
import dev.baton.harness.property.CampaignSettings;
import dev.baton.harness.property.ConsumerCampaign;
import dev.baton.harness.property.PropertyResult;
import dev.baton.runtime.boundary.Boundary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the default campaign costs on a correct consumer that answers in 1 ms (default tries and
 * budget, fresh failure store): the wall time per consumer, whether any property was cut short by
 * the budget, and the properties that took longest. The defaults are chosen so that this stays
 * under 2 s per consumer on 2 cores.
 *
 * <p>Run: {@code java -cp <benchmarks classpath> dev.baton.bench.harness.CampaignCostBenchmark [repetitions]}
 * (default 3), as in docs/harness.md.
 */
public final class CampaignCostBenchmark {

    private CampaignCostBenchmark() {
    }

    private record Consumer(String name, Supplier<ConsumerSpec<?>> spec) {
    }

    private static Object sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    public static void main(String[] args) throws IOException {
        int repetitions = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        List<Consumer> consumers = List.of(
                new Consumer("boundary, 1 ms per call", () -> {
                    Boundary<TriageVerdict> boundary = FormatConsumers.boundary();
                    return ConsumerSpec.of(FormatConsumers.CONTRACT, raw -> {
                        sleep(1);
                        return boundary.receiveOrThrow(raw);
                    });
                }),
                new Consumer("dispatcher (replay + escalation), 1 ms per call", () -> {
                    Dispatcher dispatcher = new Dispatcher(Dispatcher.Mode.CORRECT, 1);
                    return ConsumerSpec.ofDeliveries(FormatConsumers.CONTRACT, dispatcher::accept)
                            .owner("triage-agent")
                            .sideEffects(dispatcher::assignments)
                            .escalation(dispatcher::process, dispatcher::outbox);
                }));
        System.out.printf(Locale.ROOT, "cores: %d; tries %d; budget %s%n", Runtime.getRuntime().availableProcessors(),
                CampaignSettings.DEFAULT_TRIES, CampaignSettings.DEFAULT_TIME_BUDGET);
        // warm up the JIT and the schema caches once, so the first measurement is not the JVM's start
        run(consumers.get(0), 0);
        for (Consumer consumer : consumers) {
            for (int rep = 1; rep <= repetitions; rep++) {
                run(consumer, rep);
            }
        }
    }

    private static void run(Consumer consumer, long seed) throws IOException {
        Path store = Files.createTempDirectory("baton-cost-failures");
        CampaignSettings settings = new CampaignSettings(seed, CampaignSettings.DEFAULT_TRIES,
                CampaignSettings.DEFAULT_TIME_BUDGET, Set.of(), store);
        long start = System.nanoTime();
        Map<String, PropertyResult> results = new ConsumerCampaign(consumer.spec().get(), settings,
                new FailureStore(store)).runAll("cost");
        long millis = (System.nanoTime() - start) / 1_000_000;
        try (var files = Files.walk(store)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
        if (seed == 0) {
            return;
        }
        long failed = results.values().stream().filter(r -> r.status() == PropertyResult.Status.FAILED).count();
        long cut = results.values().stream().filter(r -> r.status() == PropertyResult.Status.PASSED
                && !r.message().isEmpty()).count();
        int tries = results.values().stream().mapToInt(PropertyResult::tries).sum();
        String slowest = results.entrySet().stream()
                .sorted((a, b) -> Long.compare(time(b.getValue()), time(a.getValue()))).limit(3)
                .map(e -> e.getKey() + " " + time(e.getValue()) + "ms").toList().toString();
        System.out.printf(Locale.ROOT, "%-48s run %d: %5.2fs wall, %d properties, %d tries, %d failed, %d cut by the budget;"
                + " slowest %s%n", consumer.name(), seed, millis / 1000.0, results.size(), tries, failed, cut, slowest);
    }

    private static long time(PropertyResult r) {
        return Long.parseLong(r.entries().getOrDefault("time", "0ms").replace("ms", ""));
    }
}
