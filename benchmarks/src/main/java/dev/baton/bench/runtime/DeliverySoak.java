package dev.baton.bench.runtime;

import dev.baton.runtime.chain.AgentKind;
import dev.baton.runtime.chain.Escalation;
import dev.baton.runtime.chain.Handoff;
import dev.baton.runtime.chain.HandoffChain;
import dev.baton.runtime.chain.Recovery;
import dev.baton.runtime.contract.Contract;
import dev.baton.runtime.delivery.HandoffDelivery;
import dev.baton.runtime.delivery.Outcome;
import dev.baton.runtime.envelope.Envelope;
import dev.baton.runtime.escalation.EscalationRecord;
import dev.baton.runtime.idempotency.StepRecord;
import dev.baton.runtime.idempotency.StepStatus;
import dev.baton.runtime.store.BatonStore;
import dev.baton.runtime.testing.EmbeddedPostgresServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Soak of the delivery path: {@code --threads} threads (default 8) deliver envelopes for {@code --seconds}
 * (default 60) through one {@link HandoffDelivery} on a real store, half of them fresh and half redeliveries
 * of recent envelopes (often still in flight on another thread), and a share of fresh steps whose side effect
 * fails, so they must escalate. It then checks every step against the store and prints deliveries (each one
 * claim) per second, latency percentiles, duplicate side effects and lost escalations; the last two must be 0
 * and the exit code is 1 if they are not.
 *
 * <pre>
 * java -cp benchmarks/target/baton-benchmarks.jar dev.baton.bench.runtime.DeliverySoak \
 *     [--store embedded|postgres|both] [--seconds 60] [--threads 8] [--duplicates 0.5] [--failing 0.02]
 * </pre>
 * This is a benchmark, not a test: the build compiles it and never runs it.
 */
public final class DeliverySoak {

    /** The hand-off payload. */
    public record Summary(String title, List<String> points) {
    }

    /** What the side effect returns; {@code sequence} numbers the effects actually performed. */
    public record Receipt(String key, String title, long sequence) {
    }

    private record Settings(List<String> stores, int seconds, int threads, double duplicates, double failing) {
    }

    private static final int RECENT = 64;

    private final BatonStore store;
    private final Settings settings;
    private final String run = Long.toString(System.nanoTime(), 36);
    private final AtomicLong keys = new AtomicLong();
    private final AtomicLong effectSequence = new AtomicLong();
    /** Side effects performed per key, failed ones included: more than one is a duplicate effect. */
    private final Map<String, AtomicInteger> effects = new ConcurrentHashMap<>();
    /** What the first delivery of each key ended with: every later delivery of the key must end the same way. */
    private final Map<String, Object> firstOutcome = new ConcurrentHashMap<>();
    private final Map<String, Boolean> failingKeys = new ConcurrentHashMap<>();
    private final AtomicReferenceArray<String[]> recent = new AtomicReferenceArray<>(RECENT);
    private final AtomicLong issued = new AtomicLong();
    private final AtomicLong divergent = new AtomicLong();
    private final AtomicLong busy = new AtomicLong();
    private final AtomicLong unexpected = new AtomicLong();
    private final HandoffDelivery<Summary, Receipt> delivery;

    private DeliverySoak(BatonStore store, Settings settings) {
        this.store = store;
        this.settings = settings;
        HandoffChain chain = HandoffChain.builder("soak")
                .agent("summarizer")
                .agent("publisher", AgentKind.SIDE_EFFECT)
                .handoff(Handoff.from("summarizer").to("publisher")
                        .contract(Contract.of(Summary.class))
                        .ownedBy("summarizer")
                        .recovery(Recovery.repair(1))
                        .escalateTo(Escalation.toHuman("soak-desk").within(Duration.ofHours(4))))
                .build();
        this.delivery = HandoffDelivery.builder(chain, "summarizer", "publisher", Summary.class, Receipt.class, store)
                .waitForOthers(Duration.ofMillis(1), Duration.ofMinutes(2))
                .effect((summary, key) -> {
                    effects.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                    if (failingKeys.containsKey(key)) {
                        throw new IllegalStateException("the publishing system refused " + key);
                    }
                    return new Receipt(key, summary.title(), effectSequence.incrementAndGet());
                })
                .build();
    }

    public static void main(String[] args) throws Exception {
        Settings settings = parse(args);
        boolean clean = true;
        for (String kind : settings.stores()) {
            clean &= soak(kind, settings);
        }
        System.exit(clean ? 0 : 1);
    }

    private static boolean soak(String kind, Settings settings) throws IOException, InterruptedException {
        EmbeddedPostgresServer server = null;
        BatonStore store;
        Path directory = null;
        if (kind.equals("embedded")) {
            directory = Files.createTempDirectory("baton-soak-h2-");
            store = BatonStore.embedded(directory);
        } else {
            server = EmbeddedPostgresServer.start();
            store = BatonStore.postgres(server.dataSource());
        }
        try {
            return new DeliverySoak(store, settings).run(kind);
        } finally {
            store.close();
            if (server != null) {
                server.close();
            }
            if (directory != null) {
                try (var paths = Files.walk(directory)) {
                    paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        }
    }

    private boolean run(String kind) throws InterruptedException {
        warmUp();
        int threads = settings.threads();
        long[][] freshLatencies = new long[threads][];
        long[][] duplicateLatencies = new long[threads][];
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        long[] deadline = new long[1];
        for (int t = 0; t < threads; t++) {
            int index = t;
            Thread worker = new Thread(() -> {
                LongList fresh = new LongList();
                LongList duplicate = new LongList();
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                while (System.nanoTime() < deadline[0]) {
                    deliverOne(fresh, duplicate);
                }
                freshLatencies[index] = fresh.toArray();
                duplicateLatencies[index] = duplicate.toArray();
            }, "soak-" + t);
            workers.add(worker);
            worker.start();
        }
        long began = System.nanoTime();
        deadline[0] = began + settings.seconds() * 1_000_000_000L;
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        double elapsed = (System.nanoTime() - began) / 1e9;
        return report(kind, elapsed, concat(freshLatencies), concat(duplicateLatencies));
    }

    /** A few seconds of the same load first, so the JIT and the connection pool are warm when measuring. */
    private void warmUp() {
        long end = System.nanoTime() + 3_000_000_000L;
        LongList ignored = new LongList();
        while (System.nanoTime() < end) {
            deliverOne(ignored, ignored);
        }
    }

    private void deliverOne(LongList freshLatencies, LongList duplicateLatencies) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String[] pick = issued.get() > 0 && random.nextDouble() < settings.duplicates()
                ? recent.get(random.nextInt((int) Math.min(RECENT, issued.get())))
                : null;
        boolean duplicate = pick != null;
        if (!duplicate) {
            pick = freshEnvelope(random);
        }
        long before = System.nanoTime();
        Outcome<Receipt> outcome = delivery.deliver(pick[1]);
        long took = System.nanoTime() - before;
        (duplicate ? duplicateLatencies : freshLatencies).add(took);
        check(pick[0], outcome);
    }

    private String[] freshEnvelope(ThreadLocalRandom random) {
        String key = run + "/step-" + keys.incrementAndGet();
        if (random.nextDouble() < settings.failing()) {
            failingKeys.put(key, Boolean.TRUE);
        }
        String wire = Envelope.builder(Contract.of(Summary.class),
                        new Summary("Soak " + key, List.of("validate on receipt", "own failures", "escalate")))
                .idempotencyKey(key).producer("summarizer", "1.0", "scripted").consumer("publisher")
                .rationale(Envelope.Rationale.of("soak")).build().toJson();
        String[] entry = {key, wire};
        recent.set((int) (issued.getAndIncrement() % RECENT), entry);
        return entry;
    }

    private void check(String key, Outcome<Receipt> outcome) {
        if (outcome instanceof Outcome.Busy<Receipt>) {
            busy.incrementAndGet();
            return;
        }
        boolean expected = failingKeys.containsKey(key)
                ? outcome instanceof Outcome.Escalated<Receipt>
                : outcome instanceof Outcome.Completed<Receipt> completed && completed.result().key().equals(key);
        if (!expected) {
            unexpected.incrementAndGet();
        }
        Object identity = outcome instanceof Outcome.Escalated<Receipt> escalated
                ? escalated.escalation().id() // the one escalation of the step
                : outcome;
        Object first = firstOutcome.putIfAbsent(key, identity);
        if (first != null && !first.equals(identity)) {
            divergent.incrementAndGet();
        }
    }

    private boolean report(String kind, double seconds, long[] fresh, long[] duplicates) {
        long duplicateEffects = 0;
        for (AtomicInteger count : effects.values()) {
            duplicateEffects += Math.max(0, count.get() - 1);
        }
        long lostEscalations = 0;
        for (String key : failingKeys.keySet()) {
            Optional<StepRecord> step = store.step(key);
            Optional<EscalationRecord> escalation = store.escalationFor(key);
            if (step.isEmpty() || step.get().status() != StepStatus.ESCALATED || escalation.isEmpty()) {
                lostEscalations++;
            }
        }
        long lostCompletions = 0;
        for (Map.Entry<String, AtomicInteger> entry : effects.entrySet()) {
            if (!failingKeys.containsKey(entry.getKey())) {
                Optional<StepRecord> step = store.step(entry.getKey());
                if (step.isEmpty() || step.get().status() != StepStatus.COMPLETED) {
                    lostCompletions++;
                }
            }
        }
        long[] all = concat(new long[][] {fresh, duplicates});
        long deliveries = all.length;
        System.out.printf("%n== soak on %s: %d threads, %.1f s (after a 3 s warm-up) ==%n", kind, settings.threads(),
                seconds);
        System.out.printf("deliveries (one claim each)  %,d = %,.0f claims/s  (fresh %,d, duplicate %,d)%n",
                deliveries, deliveries / seconds, fresh.length, duplicates.length);
        System.out.printf("steps                        %,d (of which escalated by design %,d)%n", keys.get(),
                failingKeys.size());
        System.out.printf("latency all        ms        %s%n", percentiles(all));
        System.out.printf("latency fresh      ms        %s%n", percentiles(fresh));
        System.out.printf("latency duplicate  ms        %s%n", percentiles(duplicates));
        System.out.printf("duplicate effects            %d%n", duplicateEffects);
        System.out.printf("lost escalations             %d%n", lostEscalations);
        System.out.printf("lost completions             %d%n", lostCompletions);
        System.out.printf("diverging replays            %d%n", divergent.get());
        System.out.printf("unexpected outcomes          %d%n", unexpected.get());
        System.out.printf("busy (gave up waiting)       %d%n", busy.get());
        return duplicateEffects == 0 && lostEscalations == 0 && lostCompletions == 0 && divergent.get() == 0
                && unexpected.get() == 0;
    }

    private static String percentiles(long[] nanos) {
        if (nanos.length == 0) {
            return "-";
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format("p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f", at(sorted, 0.50),
                at(sorted, 0.90), at(sorted, 0.99), at(sorted, 0.999), sorted[sorted.length - 1] / 1e6);
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private static long[] concat(long[][] parts) {
        int length = 0;
        for (long[] part : parts) {
            length += part == null ? 0 : part.length;
        }
        long[] all = new long[length];
        int at = 0;
        for (long[] part : parts) {
            if (part != null) {
                System.arraycopy(part, 0, all, at, part.length);
                at += part.length;
            }
        }
        return all;
    }

    private static Settings parse(String[] args) {
        List<String> stores = List.of("embedded", "postgres");
        int seconds = 60;
        int threads = 8;
        double duplicates = 0.5;
        double failing = 0.02;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--store" -> stores = "both".equals(value) ? stores : List.of(requireStore(value));
                case "--seconds" -> seconds = Integer.parseInt(value);
                case "--threads" -> threads = Integer.parseInt(value);
                case "--duplicates" -> duplicates = Double.parseDouble(value);
                case "--failing" -> failing = Double.parseDouble(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; use --store embedded|postgres|both, --seconds, --threads, --duplicates, --failing");
            }
            i++;
        }
        return new Settings(stores, seconds, threads, duplicates, failing);
    }

    private static String requireStore(String value) {
        if (!"embedded".equals(value) && !"postgres".equals(value)) {
            throw new IllegalArgumentException("--store must be embedded, postgres or both, was " + value);
        }
        return value;
    }

    /** A growable list of longs, so recording a latency does not box it. */
    private static final class LongList {
        private long[] values = new long[1024];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
