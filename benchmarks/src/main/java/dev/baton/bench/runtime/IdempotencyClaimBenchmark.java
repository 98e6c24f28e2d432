package dev.baton.bench.runtime;

import dev.baton.runtime.idempotency.Claim;
import dev.baton.runtime.store.BatonStore;
import dev.baton.runtime.testing.EmbeddedPostgresServer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Idempotency claims per second (a fresh key each time: one arbitrated insert) on each store, 1 and 8 threads. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class IdempotencyClaimBenchmark {

    @Param({"embedded", "postgres"})
    public String store;

    private BatonStore batonStore;
    private EmbeddedPostgresServer server;
    private final AtomicLong keys = new AtomicLong();
    private final String run = UUID.randomUUID().toString();
    private static final String HASH = "0".repeat(64);

    @Setup(Level.Trial)
    public void open() throws IOException {
        if (store.equals("embedded")) {
            Path dir = Files.createTempDirectory("baton-bench-h2-");
            batonStore = BatonStore.embedded(dir);
        } else {
            server = EmbeddedPostgresServer.start();
            batonStore = BatonStore.postgres(server.dataSource());
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        batonStore.close();
        if (server != null) {
            server.close();
        }
    }

    private Claim claimFreshKey() {
        Claim claim = batonStore.claim(run + "/" + keys.incrementAndGet(), HASH, "bench", Instant.now(),
                Duration.ofMinutes(5));
        if (!(claim instanceof Claim.Acquired)) {
            throw new IllegalStateException("a fresh key must be acquired: " + claim);
        }
        return claim;
    }

    @Benchmark
    @Threads(1)
    public Claim claims1Thread() {
        return claimFreshKey();
    }

    @Benchmark
    @Threads(8)
    public Claim claims8Threads() {
        return claimFreshKey();
    }
}
