package dev.baton.runtime.retry;

import dev.baton.runtime.ResearchNotes;
import dev.baton.runtime.boundary.Boundary;
import dev.baton.runtime.boundary.Bucket;
import dev.baton.runtime.chain.Recovery;
import dev.baton.runtime.contract.Contract;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryLoopTest {

    static final String VALID = "{\"topic\":\"t\",\"findings\":[],\"status\":\"DRAFT\"}";

    final Boundary<ResearchNotes> boundary = Boundary.of(Contract.of(ResearchNotes.class), "researcher");
    final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    final List<Duration> slept = new ArrayList<>();
    final Sleeper sleeper = slept::add;

    @Test
    void exhaustionNeverReturnsTheLastBadValue() {
        AtomicInteger calls = new AtomicInteger();
        RetryOutcome<ResearchNotes> outcome = RetryLoop.of(boundary, Recovery.repair(3), clock, sleeper)
                .run(request -> {
                    calls.incrementAndGet();
                    return "{\"topic\":\"t\"}";
                });
        RetryOutcome.Exhausted<ResearchNotes> exhausted = assertInstanceOf(RetryOutcome.Exhausted.class, outcome);
        assertEquals(4, calls.get());
        assertEquals(Bucket.SCHEMA_VIOLATION, exhausted.lastRejection().bucket());
        assertTrue(exhausted.reason().contains("repair retries exhausted"));
        assertEquals(4, exhausted.attempts().size());
        assertTrue(exhausted.attempts().get(3).violations().stream().anyMatch(v -> v.keyword().equals("required")));
        assertEquals(List.of(), slept, "repairs do not back off");
    }

    @Test
    void transportBudgetIsSeparateAndBacksOffExponentially() {
        AtomicInteger calls = new AtomicInteger();
        RetryOutcome<ResearchNotes> outcome = RetryLoop.of(boundary,
                        Recovery.repair(1).thenTransport(3).backoff(Duration.ofMillis(100), 3.0, Duration.ofSeconds(1)),
                        clock, sleeper)
                .run(request -> {
                    int call = calls.incrementAndGet();
                    if (call <= 3) {
                        throw new IOException("connection reset");
                    }
                    assertNull(request.previousRejection(), "transport retries never look like repairs");
                    return VALID;
                });
        assertInstanceOf(RetryOutcome.Delivered.class, outcome);
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(300), Duration.ofMillis(900)), slept);
        assertEquals(List.of(AttemptKind.FIRST, AttemptKind.TRANSPORT, AttemptKind.TRANSPORT, AttemptKind.TRANSPORT),
                outcome.attempts().stream().map(Attempt::kind).toList());
    }

    @Test
    void transportExhaustionStopsAndANonRetryableErrorStopsAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        RetryOutcome<ResearchNotes> outcome = RetryLoop.of(boundary, Recovery.repair(5).thenTransport(2), clock, sleeper)
                .run(request -> {
                    calls.incrementAndGet();
                    throw new TransportFailure("503");
                });
        assertEquals(3, calls.get());
        assertTrue(((RetryOutcome.Exhausted<ResearchNotes>) outcome).reason().contains("transport retries exhausted"));
        calls.set(0);
        RetryOutcome<ResearchNotes> bug = RetryLoop.of(boundary, Recovery.repair(5).thenTransport(5), clock, sleeper)
                .run(request -> {
                    calls.incrementAndGet();
                    throw new NullPointerException("bug in the agent");
                });
        assertEquals(1, calls.get());
        assertEquals("ERROR", bug.attempts().get(0).outcome());
    }

    @Test
    void repairRequestCarriesTheReceiversErrors() {
        List<AttemptRequest> requests = new ArrayList<>();
        RetryOutcome<ResearchNotes> outcome = RetryLoop.of(boundary, Recovery.repair(1), clock, sleeper).run(request -> {
            requests.add(request);
            return request.isRepair() ? VALID : "```json\n" + VALID + "\n```";
        });
        assertInstanceOf(RetryOutcome.Delivered.class, outcome);
        assertEquals(Bucket.NOT_JSON, requests.get(1).previousRejection().bucket());
        assertTrue(requests.get(1).repairFeedback().contains("NOT_JSON"));
        assertTrue(requests.get(1).previousOutput().startsWith("```json"));
    }
}
