package dev.baton.bench.harness;

import dev.baton.harness.Delivery;
import dev.baton.harness.ObservedEscalation;
import dev.baton.harness.RecoveryPath;
import dev.baton.runtime.boundary.Boundary;
import dev.baton.runtime.boundary.RejectedHandoffException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A side-effecting consumer: it assigns each triaged ticket to an engineer (a call to a ticketing
 * API) and, when the triage agent keeps answering garbage, escalates to a human. One mode is
 * correct; each other mode plants one realistic defect in idempotency or escalation.
 */
final class Dispatcher {

    /** Correct, or one planted defect. */
    enum Mode {
        CORRECT,
        /** Assigns on every delivery: a transport retry assigns twice. */
        NO_IDEMPOTENCY,
        /** Checks "already assigned?" then assigns then records: two concurrent deliveries both pass the check. */
        CHECK_THEN_ACT,
        /** Escalates without the handoff's message id and idempotency key. */
        ESCALATION_DROPS_ENVELOPE,
        /** Escalates with the last attempt only. */
        ESCALATION_KEEPS_LAST_ATTEMPT,
        /** Gives up after the retries and returns, leaving no trace. */
        GIVES_UP_SILENTLY,
        /** Retries until the producer answers well (openai-agents-python#3055). */
        RETRIES_FOREVER,
        /** Escalates on every failed attempt instead of once. */
        ESCALATES_EVERY_ATTEMPT
    }

    private static final int MAX_ATTEMPTS = 3;

    private final Boundary<TriageVerdict> boundary = FormatConsumers.boundary();
    private final Mode mode;
    private final AtomicLong assignments = new AtomicLong();
    private final Map<String, Boolean> assigned = new ConcurrentHashMap<>();
    private final List<ObservedEscalation> outbox = new CopyOnWriteArrayList<>();

    private final long latencyMillis;

    Dispatcher(Mode mode) {
        this(mode, 0);
    }

    /**
     * A dispatcher that takes {@code latencyMillis} to answer each delivery, its assignment included,
     * as a remote call would.
     */
    Dispatcher(Mode mode, long latencyMillis) {
        this.mode = mode;
        this.latencyMillis = latencyMillis;
    }

    TriageVerdict accept(Delivery delivery) {
        if (latencyMillis > 0) {
            try {
                Thread.sleep(latencyMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        TriageVerdict verdict = boundary.receiveOrThrow(delivery.raw());
        switch (mode) {
            case NO_IDEMPOTENCY -> assign();
            case CHECK_THEN_ACT -> {
                if (!assigned.containsKey(delivery.idempotencyKey())) {
                    assign();
                    assigned.put(delivery.idempotencyKey(), Boolean.TRUE);
                }
            }
            default -> {
                // the claim is atomic: of concurrent duplicates exactly one wins
                if (assigned.putIfAbsent(delivery.idempotencyKey(), Boolean.TRUE) == null) {
                    assign();
                }
            }
        }
        return verdict;
    }

    private void assign() {
        if (latencyMillis > 0) {
            // the whole answer already took latencyMillis
            assignments.incrementAndGet();
            return;
        }
        try {
            // the ticketing API takes a moment, as remote calls do
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assignments.incrementAndGet();
    }

    void process(RecoveryPath.Upstream upstream) {
        List<String> attempts = new ArrayList<>();
        Delivery last = null;
        int limit = mode == Mode.RETRIES_FOREVER ? Integer.MAX_VALUE : MAX_ATTEMPTS;
        for (int i = 0; i < limit; i++) {
            last = upstream.next();
            attempts.add(last.raw());
            try {
                accept(last);
                return;
            } catch (RejectedHandoffException e) {
                if (mode == Mode.ESCALATES_EVERY_ATTEMPT) {
                    outbox.add(new ObservedEscalation(last.messageId(), last.idempotencyKey(), List.copyOf(attempts)));
                }
            }
        }
        switch (mode) {
            case GIVES_UP_SILENTLY, ESCALATES_EVERY_ATTEMPT -> {
            }
            case ESCALATION_DROPS_ENVELOPE -> outbox.add(new ObservedEscalation(null, null, attempts));
            case ESCALATION_KEEPS_LAST_ATTEMPT -> outbox.add(new ObservedEscalation(last.messageId(),
                    last.idempotencyKey(), List.of(last.raw())));
            default -> outbox.add(new ObservedEscalation(last.messageId(), last.idempotencyKey(), attempts));
        }
    }

    long assignments() {
        return assignments.get();
    }

    List<ObservedEscalation> outbox() {
        return outbox;
    }
}
