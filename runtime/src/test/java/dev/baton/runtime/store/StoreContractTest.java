package dev.baton.runtime.store;

import dev.baton.runtime.boundary.Bucket;
import dev.baton.runtime.contract.Contract;
import dev.baton.runtime.delivery.HandoffDelivery;
import dev.baton.runtime.delivery.Outcome;
import dev.baton.runtime.envelope.Envelope;
import dev.baton.runtime.escalation.EscalationRecord;
import dev.baton.runtime.escalation.EscalationStatus;
import dev.baton.runtime.idempotency.Claim;
import dev.baton.runtime.idempotency.StepRecord;
import dev.baton.runtime.idempotency.StepStatus;
import dev.baton.runtime.retry.AttemptKind;
import dev.baton.runtime.retry.TransportFailure;
import dev.baton.runtime.testing.ChildJvm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one contract every {@link BatonStore} passes: idempotent claims, leases, failures kept and owned,
 * escalations written with the stop and resumed only by a valid decision, timeouts that never approve,
 * concurrency and kill -9 between claim, effect and commit.
 */
abstract class StoreContractTest {

    static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");

    @TempDir
    Path temp;

    BatonStore store;
    final AtomicInteger effects = new AtomicInteger();

    /** Opens the store under test; called again after a simulated or real restart. */
    abstract BatonStore open();

    /** The store's location for a child JVM ({@link CrashingDelivery#open(String)}). */
    abstract String childSpec();

    @BeforeEach
    void openStore() {
        store = open();
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    BatonStore restart() {
        store.close();
        store = open();
        return store;
    }

    HandoffDelivery.Builder<Fixtures.Summary, Fixtures.Receipt> delivery(Clock clock) {
        return HandoffDelivery.builder(Fixtures.chain(), "summarizer", "publisher", Fixtures.Summary.class, Fixtures.Receipt.class, store)
                .clock(clock)
                .sleeper(duration -> { })
                .leaseOwner("parent")
                .effect((summary, key) -> new Fixtures.Receipt(key, summary.title(), effects.incrementAndGet()));
    }

    static String key() {
        return "run-" + UUID.randomUUID() + "/publish";
    }

    // ------------------------------------------------------------------------------ idempotency

    @Test
    void oneClaimWinsAndTheOthersLearnTheState() {
        String key = key();
        Claim first = store.claim(key, "a".repeat(64), "one", T0, Duration.ofMinutes(1));
        Claim second = store.claim(key, "a".repeat(64), "two", T0, Duration.ofMinutes(1));
        assertInstanceOf(Claim.Acquired.class, first);
        assertFalse(((Claim.Acquired) first).takeover());
        Claim.InProgress busy = assertInstanceOf(Claim.InProgress.class, second);
        assertEquals("one", busy.record().leaseOwner());
        assertEquals(T0.plus(Duration.ofMinutes(1)), busy.record().leaseExpiresAt());
        assertTrue(store.complete(key, "one", "{\"ok\":true}", T0));
        Claim.Completed replay = assertInstanceOf(Claim.Completed.class,
                store.claim(key, "a".repeat(64), "three", T0, Duration.ofMinutes(1)));
        assertEquals("{\"ok\":true}", replay.record().result());
        assertFalse(store.complete(key, "two", "{\"ok\":false}", T0), "only the lease holder completes");
    }

    @Test
    void sameKeyWithAnotherPayloadIsRefused() {
        String key = key();
        store.claim(key, "a".repeat(64), "one", T0, Duration.ofMinutes(1));
        Claim.PayloadMismatch mismatch = assertInstanceOf(Claim.PayloadMismatch.class,
                store.claim(key, "b".repeat(64), "two", T0.plusSeconds(3600), Duration.ofMinutes(1)));
        assertEquals("b".repeat(64), mismatch.offeredSha256());
        Outcome<Fixtures.Receipt> first = delivery(Fixtures.fixed(T0)).build().run("k-" + key, "input A", r -> Fixtures.VALID);
        Outcome<Fixtures.Receipt> second = delivery(Fixtures.fixed(T0)).build().run("k-" + key, "input B", r -> Fixtures.VALID);
        assertInstanceOf(Outcome.Completed.class, first);
        assertInstanceOf(Outcome.Conflict.class, second);
        assertEquals(1, effects.get());
    }

    @Test
    void expiredLeaseIsTakenOverByExactlyOneAndTheOldHolderLosesIt() {
        String key = key();
        store.claim(key, "a".repeat(64), "dead", T0, Duration.ofSeconds(30));
        Instant later = T0.plusSeconds(31);
        Claim one = store.claim(key, "a".repeat(64), "one", later, Duration.ofSeconds(30));
        Claim two = store.claim(key, "a".repeat(64), "two", later, Duration.ofSeconds(30));
        Claim.Acquired takeover = assertInstanceOf(Claim.Acquired.class, one);
        assertTrue(takeover.takeover());
        assertEquals(1, takeover.record().takeovers());
        assertInstanceOf(Claim.InProgress.class, two);
        assertFalse(store.complete(key, "dead", "{}", later), "the expired holder can no longer complete");
        assertFalse(store.markEffectStarted(key, "dead", "{}", later));
        assertTrue(store.complete(key, "one", "{}", later));
    }

    @Test
    void aFailedStepIsKeptAndRoutedToItsOwnerNotDeleted() {
        Envelope envelope = Envelope.builder(Contract.of(Fixtures.Summary.class), new Fixtures.Summary("t", List.of()))
                .idempotencyKey(key()).producer("summarizer", "1.0", "scripted").consumer("publisher").build();
        // a payload that its hash vouches for but the receiver's contract rejects
        String wrong = envelope.toJson().replace("\"points\":[]", "\"points\":\"none\"")
                .replace(envelope.payloadSha256(), dev.baton.runtime.contract.CanonicalJson.sha256(
                        dev.baton.runtime.boundary.StrictJson.mapper().readTree("{\"title\":\"t\",\"points\":\"none\"}")));
        HandoffDelivery<Fixtures.Summary, Fixtures.Receipt> delivery = delivery(Fixtures.fixed(T0)).build();
        Outcome.Failed<Fixtures.Receipt> failed = assertInstanceOf(Outcome.Failed.class, delivery.deliver(wrong));
        assertEquals("summarizer", failed.owner());
        assertTrue(failed.error().contains("/points"), failed.error());
        StepRecord record = store.step(envelope.idempotencyKey()).orElseThrow();
        assertEquals(StepStatus.FAILED, record.status());
        assertEquals("summarizer", record.failureOwner());
        assertEquals(failed, delivery.deliver(wrong), "a replay ends the same way");
        Outcome.Failed<Fixtures.Receipt> misrouted = assertInstanceOf(Outcome.Failed.class,
                delivery.deliver(envelope.toJson().replace("\"agent\":\"publisher\"", "\"agent\":\"archivist\"")));
        assertTrue(misrouted.error().startsWith("misrouted"), misrouted.error());
        assertEquals(0, effects.get());
    }

    @Test
    void replayOfACompletedStepReturnsTheStoredResultWithoutActingAgain() {
        HandoffDelivery<Fixtures.Summary, Fixtures.Receipt> delivery = delivery(Fixtures.fixed(T0)).build();
        String key = key();
        Outcome<Fixtures.Receipt> first = delivery.run(key, "input", r -> Fixtures.VALID);
        AtomicInteger producerCalls = new AtomicInteger();
        Outcome<Fixtures.Receipt> replay = delivery.run(key, "input", r -> {
            producerCalls.incrementAndGet();
            return Fixtures.VALID;
        });
        assertEquals(new Outcome.Completed<>(new Fixtures.Receipt(key, "Seams", 1)), first);
        assertEquals(first, replay);
        assertEquals(0, producerCalls.get(), "a completed step does not even call the producer again");
        assertEquals(1, effects.get());
    }

    // ------------------------------------------------------------------------------ retry

    @Test
    void repairRetriesFeedTheErrorsBackAndTransportRetriesBackOffWithoutSleeping() {
        List<Duration> waits = new ArrayList<>();
        List<String> feedback = new ArrayList<>();
        HandoffDelivery<Fixtures.Summary, Fixtures.Receipt> delivery = delivery(Fixtures.fixed(T0))
                .sleeper(waits::add).build();
        AtomicInteger calls = new AtomicInteger();
        Outcome<Fixtures.Receipt> outcome = delivery.run(key(), "input", request -> {
            feedback.add(request.repairFeedback());
            return switch (calls.incrementAndGet()) {
                case 1 -> throw new TransportFailure("429 too many requests");
                case 2 -> "{\"title\":\"Seams\",\"points\":\"validate\"}";
                default -> Fixtures.VALID;
            };
        });
        assertInstanceOf(Outcome.Completed.class, outcome);
        assertEquals(3, calls.get());
        assertEquals(List.of(Duration.ofMillis(200)), waits, "one transport retry, one backoff");
        assertEquals("", feedback.get(1), "a transport retry is the same request, not a repair");
        assertTrue(feedback.get(2).contains("/points [type]"), feedback.get(2));
    }

    // ------------------------------------------------------------------------------ escalation

    @Test
    void exhaustedRecoveryEscalatesDurablyAndOnlyAValidDecisionResumes() {
        HandoffDelivery<Fixtures.Summary, Fixtures.Receipt> delivery = delivery(Fixtures.fixed(T0)).build();
        String key = key();
        AtomicInteger calls = new AtomicInteger();
        Outcome.Escalated<Fixtures.Receipt> escalated = assertInstanceOf(Outcome.Escalated.class,
                delivery.run(key, "input", request -> {
                    calls.incrementAndGet();
                    return Fixtures.INVALID;
                }));
        assertEquals(3, calls.get(), "1 + 2 repairs, then stop: bounded");
        EscalationRecord record = escalated.escalation();
        assertEquals(3, record.attempts().size());
        assertEquals(List.of(AttemptKind.FIRST, AttemptKind.REPAIR, AttemptKind.REPAIR),
                record.attempts().stream().map(a -> a.kind()).toList());
        assertTrue(record.attempts().stream().allMatch(a -> Bucket.NOT_JSON.name().equals(a.bucket())));
        assertEquals("summarizer", record.owner());
        assertEquals("editorial-desk", record.queue());
        assertEquals(T0.plus(Duration.ofHours(4)), record.deadline());
        assertEquals(dev.baton.runtime.contract.CanonicalJson.sha256(record.envelopeJson()), record.envelopeSha256());
        assertTrue(record.envelopeJson().contains("Here is the summary"), "the producer's last output, verbatim");
        assertTrue(record.recoveryPath().contains("2 repair retries"), record.recoveryPath());
        assertEquals(StepStatus.ESCALATED, store.step(key).orElseThrow().status(), "stopped in the same transaction");

        restart();
        EscalationRecord stored = store.escalation(record.id()).orElseThrow();
        assertEquals(record, stored, "survives a restart, field for field");
        assertEquals(List.of(record.id()), store.openEscalations().stream().map(EscalationRecord::id).toList());
        delivery = delivery(Fixtures.fixed(T0)).build();
        assertEquals(escalated, delivery.run(key, "input", request -> Fixtures.VALID), "no second escalation");

        assertInstanceOf(Outcome.DecisionRejected.class, delivery.resume(record.id(), "{\"action\":\"yes\"}", "alice"));
        assertInstanceOf(Outcome.DecisionRejected.class,
                delivery.resume(record.id(), "{\"action\":\"approve\",\"reason\":\"looks fine\"}", "alice"),
                "an invalid payload cannot be approved, only corrected or rejected");
        assertInstanceOf(Outcome.DecisionRejected.class, delivery.resume(record.id(),
                "{\"action\":\"correct\",\"reason\":\"fixed\",\"corrected_payload\":{\"title\":1}}", "alice"),
                "a correction must satisfy the contract");
        assertEquals(0, effects.get());
        Outcome<Fixtures.Receipt> resumed = delivery.resume(record.id(), "{\"action\":\"correct\",\"reason\":\"fixed\","
                + "\"corrected_payload\":{\"title\":\"Fixed\",\"points\":[]}}", "alice");
        assertEquals(new Outcome.Completed<>(new Fixtures.Receipt(key, "Fixed", 1)), resumed);
        assertEquals(resumed, delivery.resume(record.id(), "{\"action\":\"reject\",\"reason\":\"late\"}", "bob"),
                "a decision is taken once");
        EscalationRecord resolved = store.escalation(record.id()).orElseThrow();
        assertEquals(EscalationStatus.RESOLVED, resolved.status());
        assertEquals("alice", resolved.decidedBy());
        assertEquals(1, effects.get());
    }

    @Test
    void aTimeoutNeverApprovesTheSideEffect() {
        HandoffDelivery<Fixtures.Summary, Fixtures.Receipt> delivery = delivery(Fixtures.fixed(T0))
                .effect((summary, key) -> {
                    effects.incrementAndGet();
                    throw new IllegalStateException("CMS down");
                }).build();
        String key = key();
        Outcome.Escalated<Fixtures.Receipt> escalated = assertInstanceOf(Outcome.Escalated.class,
                delivery.run(key, "input", request -> Fixtures.VALID));
        assertTrue(escalated.escalation().answerSchema().contains("approve"), "a valid payload may be approved");
        assertEquals("EFFECT_FAILED", escalated.escalation().attempts().get(1).outcome());
        assertEquals(0, store.expireOverdue(T0.plus(Duration.ofHours(3))));
        assertEquals(1, store.expireOverdue(T0.plus(Duration.ofHours(4))));
        assertEquals(EscalationStatus.EXPIRED, store.escalation(escalated.escalation().id()).orElseThrow().status());
        StepRecord step = store.step(key).orElseThrow();
        assertEquals(StepStatus.FAILED, step.status());
        assertTrue(step.error().contains("not performed"), step.error());
        Outcome<Fixtures.Receipt> late = delivery.resume(escalated.escalation().id(),
                "{\"action\":\"approve\",\"reason\":\"retry now\"}", "alice");
        assertInstanceOf(Outcome.Failed.class, late, "an expired escalation cannot be approved afterwards");
        assertEquals(1, effects.get(), "only the original failed attempt");
    }

    // ------------------------------------------------------------------------------ concurrency

    @Test
    void sixtyFourConcurrentDeliveriesOfOneEnvelopeActOnce() throws Exception {
        Envelope envelope = Envelope.builder(Contract.of(Fixtures.Summary.class),
                        new Fixtures.Summary("Seams", List.of("one", "two")))
                .idempotencyKey(key()).producer("summarizer", "1.0", "scripted").consumer("publisher")
                .rationale(new Envelope.Rationale("because", List.of("e1"), List.of("s1"), 0.7)).build();
        String wire = envelope.toJson();
        HandoffDelivery<Fixtures.Summary, Fixtures.Receipt> delivery = HandoffDelivery
                .builder(Fixtures.chain(), "summarizer", "publisher", Fixtures.Summary.class, Fixtures.Receipt.class, store)
                .waitForOthers(Duration.ofMillis(2), Duration.ofMinutes(2))
                .effect((summary, key) -> new Fixtures.Receipt(key, summary.title(), effects.incrementAndGet()))
                .build();
        int deliveries = 64;
        ExecutorService pool = Executors.newFixedThreadPool(deliveries);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Outcome<Fixtures.Receipt>>> outcomes = new ArrayList<>();
            for (int i = 0; i < deliveries; i++) {
                Callable<Outcome<Fixtures.Receipt>> deliver = () -> {
                    start.await();
                    return delivery.deliver(wire);
                };
                outcomes.add(pool.submit(deliver));
            }
            start.countDown();
            HashSet<Outcome<Fixtures.Receipt>> distinct = new HashSet<>();
            for (Future<Outcome<Fixtures.Receipt>> outcome : outcomes) {
                distinct.add(outcome.get());
            }
            assertEquals(1, effects.get(), "exactly one side effect");
            assertEquals(1, distinct.size(), "64 identical outcomes: " + distinct);
            assertEquals(new Outcome.Completed<>(new Fixtures.Receipt(envelope.idempotencyKey(), "Seams", 1)),
                    distinct.iterator().next());
        } finally {
            pool.shutdownNow();
        }
    }

    // ------------------------------------------------------------------------------ kill -9

    Path ledger() {
        return temp.resolve("ledger.txt");
    }

    long ledgerEntries(String key) throws Exception {
        if (!Files.exists(ledger())) {
            return 0;
        }
        return Files.readAllLines(ledger(), StandardCharsets.UTF_8).stream().filter(key::equals).count();
    }

    void crashChild(String scenario, String key, String marker) throws Exception {
        store.close();
        store = null;
        try (ChildJvm child = ChildJvm.start(CrashingDelivery.class, temp.resolve(scenario + ".log"),
                childSpec(), scenario, key, ledger().toString())) {
            child.awaitLine(marker);
            child.kill();
        }
        store = open();
    }

    HandoffDelivery.Builder<Fixtures.Summary, Fixtures.Receipt> afterRestart() {
        // the restarted instance runs an hour later: the dead child's 30 s lease has expired
        return delivery(Fixtures.fixed(Instant.now().plus(Duration.ofHours(1))))
                .effect((summary, key) -> {
                    CrashingDelivery.appendLedger(ledger(), key);
                    return new Fixtures.Receipt(key, summary.title(), 2);
                });
    }

    @Test
    void killedBetweenClaimAndEffectTheRestartActsOnce() throws Exception {
        String key = key();
        crashChild("before-effect", key, "CLAIMED");
        StepRecord orphan = store.step(key).orElseThrow();
        assertEquals(StepStatus.IN_PROGRESS, orphan.status());
        assertFalse(orphan.effectStarted());
        Outcome<Fixtures.Receipt> outcome = afterRestart().build().run(key, "input-" + key, r -> Fixtures.VALID);
        assertEquals(new Outcome.Completed<>(new Fixtures.Receipt(key, "Seams", 2)), outcome);
        assertEquals(1, ledgerEntries(key));
        assertEquals(1, store.step(key).orElseThrow().takeovers());
    }

    @Test
    void killedBetweenExternalEffectAndCommitTheRestartEscalatesInsteadOfRepeating() throws Exception {
        String key = key();
        crashChild("external-effect-before-commit", key, "EFFECT_DONE");
        assertEquals(1, ledgerEntries(key));
        HandoffDelivery<Fixtures.Summary, Fixtures.Receipt> delivery = afterRestart().build();
        Outcome.Escalated<Fixtures.Receipt> escalated = assertInstanceOf(Outcome.Escalated.class,
                delivery.run(key, "input-" + key, r -> Fixtures.VALID));
        assertTrue(escalated.escalation().recoveryPath().contains("unknown"), escalated.escalation().recoveryPath());
        assertTrue(escalated.escalation().envelopeJson().contains("\"idempotency_key\":\"" + key + "\""));
        assertEquals(escalated, delivery.run(key, "input-" + key, r -> Fixtures.VALID));
        assertEquals(1, ledgerEntries(key), "no duplicate effect");
        // the human checked the other system: the effect did not happen; approve re-runs it once
        Outcome<Fixtures.Receipt> resumed = delivery.resume(escalated.escalation().id(),
                "{\"action\":\"reject\",\"reason\":\"already published\"}", "alice");
        assertInstanceOf(Outcome.Failed.class, resumed);
        assertEquals(1, ledgerEntries(key));
    }

    @Test
    void killedBetweenLocalEffectAndCommitTheEffectIsRolledBackAndDoneOnce() throws Exception {
        HandoffDelivery.Builder<Fixtures.Summary, Fixtures.Receipt> builder = delivery(Fixtures.fixed(T0));
        // create the ledger table in its own committed step
        builder.localEffect((summary, transaction) -> {
            transaction.createStatement().execute(
                    "CREATE TABLE IF NOT EXISTS test_ledger (step_key VARCHAR(255), title VARCHAR(255))");
            return new Fixtures.Receipt("setup", summary.title(), 0);
        }).build().run(key(), "setup", r -> Fixtures.VALID);
        String key = key();
        crashChild("local-effect-before-commit", key, "EFFECT_DONE");
        assertFalse(store.step(key).orElseThrow().effectStarted(), "the effect's transaction was rolled back");
        Outcome<Fixtures.Receipt> outcome = delivery(Fixtures.fixed(Instant.now().plus(Duration.ofHours(1))))
                .localEffect((summary, transaction) -> {
                    try (PreparedStatement insert = transaction.prepareStatement(
                            "INSERT INTO test_ledger (step_key, title) VALUES (?, ?)")) {
                        insert.setString(1, key);
                        insert.setString(2, summary.title());
                        insert.executeUpdate();
                    }
                    return new Fixtures.Receipt(key, summary.title(), 2);
                }).build().run(key, "input-" + key, r -> Fixtures.VALID);
        assertEquals(new Outcome.Completed<>(new Fixtures.Receipt(key, "Seams", 2)), outcome);
        HandoffDelivery<Fixtures.Summary, Fixtures.Receipt> counter = delivery(Fixtures.fixed(T0)).localEffect(
                (summary, transaction) -> {
                    try (PreparedStatement count = transaction.prepareStatement(
                            "SELECT COUNT(*) FROM test_ledger WHERE step_key = ?")) {
                        count.setString(1, key);
                        try (ResultSet rows = count.executeQuery()) {
                            rows.next();
                            return new Fixtures.Receipt(key, "count", rows.getInt(1));
                        }
                    }
                }).build();
        Outcome<Fixtures.Receipt> count = counter.run(key(), "count", r -> Fixtures.VALID);
        assertEquals(1, ((Outcome.Completed<Fixtures.Receipt>) count).result().sequence(), "exactly one effect row");
    }

    @Test
    void killedAfterEscalatingNothingIsLostAndNothingDuplicated() throws Exception {
        String key = key();
        crashChild("escalated", key, "ESCALATED");
        List<EscalationRecord> open = store.openEscalations().stream()
                .filter(e -> e.idempotencyKey().equals(key)).toList();
        assertEquals(1, open.size());
        assertEquals(3, open.get(0).attempts().size());
        HandoffDelivery<Fixtures.Summary, Fixtures.Receipt> delivery = afterRestart().build();
        Outcome.Escalated<Fixtures.Receipt> again = assertInstanceOf(Outcome.Escalated.class,
                delivery.run(key, "input-" + key, r -> Fixtures.VALID));
        assertEquals(open.get(0).id(), again.escalation().id());
        Outcome<Fixtures.Receipt> resumed = delivery.resume(again.escalation().id(), "{\"action\":\"correct\","
                + "\"reason\":\"rewrote it\",\"corrected_payload\":" + Fixtures.VALID + "}", "alice");
        assertEquals(new Outcome.Completed<>(new Fixtures.Receipt(key, "Seams", 2)), resumed);
        assertEquals(1, ledgerEntries(key));
        assertNotEquals(0, store.escalationFor(key).orElseThrow().decidedAt().toEpochMilli());
    }
}
