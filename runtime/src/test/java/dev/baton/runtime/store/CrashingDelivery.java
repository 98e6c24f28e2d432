package dev.baton.runtime.store;

import dev.baton.runtime.delivery.HandoffDelivery;
import dev.baton.runtime.delivery.Outcome;
import dev.baton.runtime.testing.EmbeddedPostgresServer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.PreparedStatement;
import java.time.Duration;

/**
 * A child JVM that performs a delivery and stops dead at a chosen point: it prints a marker line and
 * then blocks on standard input until the parent kills it with kill -9. The parent synchronises on the
 * marker, never on time.
 *
 * <p>Arguments: {@code h2:<dir> | pg:<port>:<database>}, scenario, idempotency key, ledger file.
 */
public final class CrashingDelivery {

    private CrashingDelivery() {
    }

    public static void main(String[] args) throws Exception {
        String scenario = args[1];
        String key = args[2];
        Path ledger = Path.of(args[3]);
        BatonStore store = open(args[0]);
        HandoffDelivery.Builder<Fixtures.Summary, Fixtures.Receipt> builder = HandoffDelivery
                .builder(Fixtures.chain(), "summarizer", "publisher", Fixtures.Summary.class, Fixtures.Receipt.class, store)
                .leaseOwner("child-" + ProcessHandle.current().pid())
                .lease(Duration.ofSeconds(30))
                .sleeper(duration -> { });
        if (scenario.equals("local-effect-before-commit")) {
            builder.localEffect((summary, transaction) -> {
                try (PreparedStatement insert = transaction.prepareStatement(
                        "INSERT INTO test_ledger (step_key, title) VALUES (?, ?)")) {
                    insert.setString(1, key);
                    insert.setString(2, summary.title());
                    insert.executeUpdate();
                }
                marker("EFFECT_DONE");
                return new Fixtures.Receipt(key, summary.title(), 1);
            });
        } else {
            builder.effect((summary, idempotencyKey) -> {
                appendLedger(ledger, idempotencyKey);
                if (scenario.equals("external-effect-before-commit")) {
                    marker("EFFECT_DONE");
                }
                return new Fixtures.Receipt(idempotencyKey, summary.title(), 1);
            });
        }
        HandoffDelivery<Fixtures.Summary, Fixtures.Receipt> delivery = builder.build();
        Outcome<Fixtures.Receipt> outcome = delivery.run(key, "input-" + key, request -> {
            if (scenario.equals("before-effect")) {
                marker("CLAIMED"); // the key is claimed and committed; the effect has not started
            }
            return scenario.equals("escalated") ? Fixtures.INVALID : Fixtures.VALID;
        });
        if (outcome instanceof Outcome.Escalated<Fixtures.Receipt> escalated) {
            marker("ESCALATED " + escalated.escalation().id());
        }
        marker("UNEXPECTED " + outcome);
    }

    static BatonStore open(String spec) {
        if (spec.startsWith("h2:")) {
            return BatonStore.embedded(Path.of(spec.substring(3)));
        }
        String[] parts = spec.split(":");
        var dataSource = (org.postgresql.ds.PGSimpleDataSource) EmbeddedPostgresServer.dataSource(Integer.parseInt(parts[1]));
        dataSource.setDatabaseName(parts[2]);
        return BatonStore.postgres(dataSource);
    }

    static void appendLedger(Path ledger, String key) throws IOException {
        // a stand-in for another system: durable before the call returns
        Files.write(ledger, (key + "\n").getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.SYNC);
    }

    /** Prints the marker and blocks until killed. */
    private static void marker(String line) throws IOException {
        System.out.println(line);
        System.out.flush();
        while (System.in.read() >= 0) {
            // the parent never writes; it kills this process
        }
        throw new IllegalStateException("standard input closed: the parent went away");
    }
}
