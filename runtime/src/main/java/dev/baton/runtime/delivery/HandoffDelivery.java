package dev.baton.runtime.delivery;

import dev.baton.runtime.boundary.Accepted;
import dev.baton.runtime.boundary.Boundary;
import dev.baton.runtime.boundary.Received;
import dev.baton.runtime.boundary.Rejected;
import dev.baton.runtime.boundary.Rejection;
import dev.baton.runtime.boundary.StrictJson;
import dev.baton.runtime.chain.Escalation;
import dev.baton.runtime.chain.Handoff;
import dev.baton.runtime.chain.HandoffChain;
import dev.baton.runtime.chain.Recovery;
import dev.baton.runtime.contract.CanonicalJson;
import dev.baton.runtime.contract.Contract;
import dev.baton.runtime.envelope.Envelope;
import dev.baton.runtime.escalation.EscalationRecord;
import dev.baton.runtime.escalation.EscalationStatus;
import dev.baton.runtime.idempotency.Claim;
import dev.baton.runtime.idempotency.StepRecord;
import dev.baton.runtime.retry.Attempt;
import dev.baton.runtime.retry.AttemptKind;
import dev.baton.runtime.retry.Producer;
import dev.baton.runtime.retry.RetryLoop;
import dev.baton.runtime.retry.RetryOutcome;
import dev.baton.runtime.retry.Sleeper;
import dev.baton.runtime.store.BatonStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs one edge of a chain end to end: the producer with bounded repair and transport retries, the
 * receiving boundary, an idempotent side effect, and a durable escalation when recovery is exhausted.
 * Every delivery of the same idempotency key ends with the same {@link Outcome}, and the side effect
 * happens at most once.
 *
 * <pre>{@code
 * HandoffDelivery<Summary, Receipt> publish = HandoffDelivery
 *         .builder(chain, "summarizer", "publisher", Summary.class, Receipt.class, store)
 *         .effect((summary, key) -> cms.publish(summary, key))   // key forwarded to the other system
 *         .build();
 * Outcome<Receipt> outcome = publish.run("run-42/publish", request, attempt -> model.chat(prompt + attempt.repairFeedback()));
 * }</pre>
 *
 * @param <T> the edge contract's type
 * @param <R> the side effect's result (stored as JSON; a record works)
 */
public final class HandoffDelivery<T, R> {

    private final Handoff handoff;
    private final Boundary<T> boundary;
    private final BatonStore store;
    private final Class<R> resultType;
    private final SideEffect<T, R> effect;
    private final LocalSideEffect<T, R> localEffect;
    private final Clock clock;
    private final Sleeper sleeper;
    /** Names this instance; each delivery call holds its lease under its own token derived from it. */
    private final String leaseOwner;
    private final java.util.concurrent.atomic.AtomicLong calls = new java.util.concurrent.atomic.AtomicLong();
    private final Duration lease;
    private final Duration pollInterval;
    private final int maxPolls;
    private final String question;
    private final RetryLoop<T> loop;
    private final Recovery recovery;

    private HandoffDelivery(Builder<T, R> builder) {
        this.handoff = builder.handoff;
        this.boundary = builder.boundary;
        this.store = builder.store;
        this.resultType = builder.resultType;
        this.effect = builder.effect;
        this.localEffect = builder.localEffect;
        this.clock = builder.clock;
        this.sleeper = builder.sleeper;
        this.leaseOwner = builder.leaseOwner;
        this.lease = builder.lease;
        this.pollInterval = builder.pollInterval;
        this.maxPolls = (int) Math.max(1, Math.min(1_000_000, builder.maxWait.toMillis() / Math.max(1, pollInterval.toMillis())));
        this.question = builder.question;
        this.recovery = handoff.recovery() != null ? handoff.recovery() : Recovery.none();
        this.loop = RetryLoop.of(boundary, recovery, clock, sleeper);
    }

    /**
     * @param chain the chain that declares the edge (contract, owner, recovery, escalation)
     * @param from producing agent
     * @param to consuming agent, whose side effect this delivery performs
     * @param payloadType the edge contract's type (checked against the chain's contract)
     * @param resultType the side effect's result type
     * @param store where idempotency records and escalations live
     */
    public static <T, R> Builder<T, R> builder(HandoffChain chain, String from, String to, Class<T> payloadType,
                                               Class<R> resultType, BatonStore store) {
        Handoff handoff = chain.handoff(from, to).orElseThrow(() -> new IllegalArgumentException(
                "chain '" + chain.name() + "' has no handoff " + from + "->" + to));
        Boundary<T> boundary = chain.boundary(from, to);
        if (boundary.contract().type() != payloadType) {
            throw new IllegalArgumentException("the contract of " + handoff.name() + " binds "
                    + boundary.contract().type().getName() + ", not " + payloadType.getName());
        }
        return new Builder<>(handoff, boundary, store, resultType);
    }

    /**
     * Produces, receives and acts for the step {@code key}.
     *
     * @param key the idempotency key, stable across every retry and redelivery of the step
     * @param input the step's input (hashed: the same key with another input is a {@link Outcome.Conflict})
     * @param producer the producing call; on a repair, append {@code request.repairFeedback()} to its prompt
     */
    public Outcome<R> run(String key, Object input, Producer producer) {
        String hash = CanonicalJson.sha256(StrictJson.mapper().valueToTree(input));
        String holder = holder();
        Step step = claim(key, hash, holder);
        if (step.outcome != null) {
            return step.outcome;
        }
        Optional<Outcome<R>> resumed = afterTakeover(step.acquired, holder);
        if (resumed.isPresent()) {
            return resumed.get();
        }
        RetryOutcome<T> produced = loop.run(producer);
        if (produced instanceof RetryOutcome.Exhausted<T> exhausted) {
            JsonNode payload = StringNode.valueOf(exhausted.lastRaw() == null ? "" : exhausted.lastRaw());
            Envelope last = new Envelope(Envelope.VERSION, UUID.randomUUID().toString(), key,
                    Math.max(1, exhausted.attempts().size()), new Envelope.Producer(handoff.from(), null, null),
                    new Envelope.Consumer(handoff.to()), schemaRef(), payload, CanonicalJson.sha256(payload),
                    Envelope.Rationale.of("the last output of the producer, verbatim; it was not accepted"),
                    UUID.randomUUID().toString(), null, clock.instant());
            return escalate(key, exhausted.reason(), exhausted.attempts(), last.toJson(), false, holder);
        }
        RetryOutcome.Delivered<T> delivered = (RetryOutcome.Delivered<T>) produced;
        Envelope envelope = Envelope.builder(boundary.contract(), delivered.value())
                .idempotencyKey(key)
                .attempt(delivered.attempts().size())
                .producer(handoff.from(), null, null)
                .consumer(handoff.to())
                .rationale(Envelope.Rationale.of("accepted by " + handoff.to() + " after "
                        + delivered.attempts().size() + " attempt(s)"))
                .clock(clock)
                .build();
        return act(key, delivered.value(), envelope.toJson(), delivered.attempts(), holder);
    }

    /**
     * Receives an envelope from the wire and acts on it: the envelope and its payload are validated, the
     * key is claimed, the effect runs once. A malformed envelope or payload is recorded as failed and
     * routed to the edge's owner (the producer must send a new one).
     */
    public Outcome<R> deliver(String envelopeJson) {
        Received<Envelope> received = Envelope.read(envelopeJson, handoff.owner());
        if (received instanceof Rejected<Envelope> rejected) {
            return new Outcome.Failed<>(rejected.rejection().message(), rejected.rejection().owner());
        }
        Envelope envelope = ((Accepted<Envelope>) received).value();
        if (!envelope.consumer().agent().equals(handoff.to())) {
            return new Outcome.Failed<>("misrouted: the envelope is for '" + envelope.consumer().agent()
                    + "', this edge delivers to '" + handoff.to() + "'", handoff.owner());
        }
        String key = envelope.idempotencyKey();
        String holder = holder();
        Step step = claim(key, envelope.payloadSha256(), holder);
        if (step.outcome != null) {
            return step.outcome;
        }
        Optional<Outcome<R>> resumed = afterTakeover(step.acquired, holder);
        if (resumed.isPresent()) {
            return resumed.get();
        }
        Received<T> payload = envelope.open(boundary);
        Instant at = clock.instant();
        if (payload instanceof Rejected<T> rejected) {
            Rejection rejection = rejected.rejection();
            if (!store.fail(key, holder, rejection.message(), rejection.owner(), clock.instant())) {
                return current(key);
            }
            return new Outcome.Failed<>(rejection.message(), rejection.owner());
        }
        T value = ((Accepted<T>) payload).value();
        List<Attempt> attempts = List.of(new Attempt(envelope.attempt(), AttemptKind.FIRST, at, "ACCEPTED", null,
                null, null, null));
        return act(key, value, envelopeJson, attempts, holder);
    }

    /**
     * Resumes an escalated step with a human decision. The decision must satisfy the escalation's answer
     * schema ({@code {"action": "approve"|"reject"|"correct", "reason": "...", "corrected_payload": ...}});
     * a corrected payload must satisfy the edge's contract. Only an approval or a correction performs the
     * side effect; a rejection fails the step.
     *
     * @throws IllegalArgumentException if there is no escalation with this id
     */
    public Outcome<R> resume(String escalationId, String decisionJson, String decidedBy) {
        EscalationRecord escalation = store.escalation(escalationId).orElseThrow(
                () -> new IllegalArgumentException("no escalation with id " + escalationId));
        if (escalation.status() != EscalationStatus.OPEN) {
            return current(escalation.idempotencyKey());
        }
        Boundary<JsonNode> answers = Boundary.of(
                Contract.fromJson("answer schema of escalation " + escalationId, escalation.answerSchema()), decidedBy);
        Received<JsonNode> answer = answers.receive(decisionJson);
        if (answer instanceof Rejected<JsonNode> rejected) {
            return new Outcome.DecisionRejected<>(rejected.rejection());
        }
        JsonNode decision = ((Accepted<JsonNode>) answer).value();
        if (decision.get("action").asString().equals("correct")) {
            Received<T> corrected = boundary.receiveTree(decision.get("corrected_payload"));
            if (corrected instanceof Rejected<T> rejected) {
                return new Outcome.DecisionRejected<>(rejected.rejection());
            }
        }
        String holder = holder();
        if (!store.resolve(escalationId, decisionJson, decidedBy, clock.instant(), holder, lease)) {
            return current(escalation.idempotencyKey());
        }
        return continueFromDecision(store.escalation(escalationId).orElseThrow(), holder);
    }

    // ------------------------------------------------------------------------------------------------

    private Optional<Outcome<R>> afterTakeover(Claim.Acquired acquired, String holder) {
        if (!acquired.takeover()) {
            return Optional.empty();
        }
        StepRecord record = acquired.record();
        Optional<EscalationRecord> escalation = store.escalationFor(record.key());
        if (escalation.isPresent() && escalation.get().status() == EscalationStatus.RESOLVED) {
            // a resumed step whose holder died: carry out the recorded decision, not the automated path
            return Optional.of(continueFromDecision(escalation.get(), holder));
        }
        if (record.effectStarted() && localEffect == null) {
            // the previous holder died after starting an effect on another system; repeating it could
            // duplicate it, so a human checks first
            String envelope = record.envelope() != null ? record.envelope() : "{}";
            return Optional.of(escalate(record.key(), "the lease of " + "the previous holder expired after its side "
                    + "effect had started; whether the effect happened is unknown, so it is not repeated automatically",
                    List.of(), envelope, record.envelope() != null, holder));
        }
        return Optional.empty();
    }

    private Outcome<R> continueFromDecision(EscalationRecord escalation, String holder) {
        String key = escalation.idempotencyKey();
        JsonNode decision = StrictJson.mapper().readTree(escalation.decisionJson());
        String action = decision.get("action").asString();
        String reason = decision.get("reason").asString();
        if (action.equals("reject")) {
            String error = "rejected by " + escalation.decidedBy() + ": " + reason;
            if (!store.fail(key, holder, error, handoff.owner(), clock.instant())) {
                return current(key);
            }
            return new Outcome.Failed<>(error, handoff.owner());
        }
        Received<T> value;
        if (action.equals("correct")) {
            value = boundary.receiveTree(decision.get("corrected_payload"));
        } else {
            Received<Envelope> envelope = Envelope.read(escalation.envelopeJson(), handoff.owner());
            value = envelope instanceof Accepted<Envelope> accepted
                    ? accepted.value().open(boundary)
                    : new Rejected<>(((Rejected<Envelope>) envelope).rejection());
        }
        if (value instanceof Rejected<T> rejected) {
            String error = "the decision of " + escalation.decidedBy() + " cannot be carried out: "
                    + rejected.rejection().message();
            store.fail(key, holder, error, handoff.owner(), clock.instant());
            return new Outcome.Failed<>(error, handoff.owner());
        }
        List<Attempt> attempts = new ArrayList<>(escalation.attempts());
        return act(key, ((Accepted<T>) value).value(), escalation.envelopeJson(), attempts, holder);
    }

    private Outcome<R> act(String key, T value, String envelopeJson, List<Attempt> attempts, String holder) {
        if (localEffect != null) {
            try {
                Optional<String> result = store.completeInTransaction(key, holder, clock.instant(),
                        transaction -> StrictJson.mapper().writeValueAsString(localEffect.apply(value, transaction)));
                return result.<Outcome<R>>map(json -> new Outcome.Completed<>(readResult(json)))
                        .orElseGet(() -> current(key));
            } catch (Exception e) {
                return effectFailed(key, e, envelopeJson, attempts, holder);
            }
        }
        if (!store.markEffectStarted(key, holder, envelopeJson, clock.instant())) {
            return current(key);
        }
        R result;
        try {
            result = effect.apply(value, key);
        } catch (Exception e) {
            return effectFailed(key, e, envelopeJson, attempts, holder);
        }
        String json = StrictJson.mapper().writeValueAsString(result);
        if (!store.complete(key, holder, json, clock.instant())) {
            return current(key);
        }
        return new Outcome.Completed<>(readResult(json));
    }

    private Outcome<R> effectFailed(String key, Exception e, String envelopeJson, List<Attempt> attempts,
                                    String holder) {
        List<Attempt> all = new ArrayList<>(attempts);
        all.add(new Attempt(attempts.size() + 1, AttemptKind.EFFECT, clock.instant(), "EFFECT_FAILED", null, null,
                e.toString(), null));
        return escalate(key, "the side effect of " + handoff.to() + " failed: " + e, all, envelopeJson, true, holder);
    }

    private Outcome<R> escalate(String key, String reason, List<Attempt> attempts, String envelopeJson,
                                boolean payloadValid, String holder) {
        Escalation escalation = handoff.escalation();
        if (escalation == null) {
            if (!store.fail(key, holder, reason, handoff.owner(), clock.instant())) {
                return current(key);
            }
            return new Outcome.Failed<>(reason, handoff.owner());
        }
        Instant now = clock.instant();
        EscalationRecord record = new EscalationRecord(UUID.randomUUID().toString(), key, handoff.name(),
                handoff.owner(), escalation.queue(), EscalationStatus.OPEN, envelopeJson,
                CanonicalJson.sha256(envelopeJson), attempts, describe(recovery) + "; " + reason, question,
                answerSchema(payloadValid), now, now.plus(escalation.deadline()), escalation.onTimeout(),
                null, null, null);
        return store.escalate(holder, record).<Outcome<R>>map(Outcome.Escalated::new)
                .orElseGet(() -> current(key));
    }

    /** The outcome the store holds now for a step whose lease this instance lost or never had. */
    private Outcome<R> current(String key) {
        Optional<StepRecord> record = store.step(key);
        if (record.isEmpty()) {
            return new Outcome.Failed<>("no record of step " + key, handoff.owner());
        }
        StepRecord step = record.get();
        return switch (step.status()) {
            case COMPLETED -> new Outcome.Completed<>(readResult(step.result()));
            case FAILED -> new Outcome.Failed<>(step.error(), step.failureOwner());
            case ESCALATED -> new Outcome.Escalated<>(store.escalationFor(key).orElseThrow());
            case IN_PROGRESS -> new Outcome.Busy<>(step.leaseOwner(), step.leaseExpiresAt());
        };
    }

    private record Step<R>(Claim.Acquired acquired, Outcome<R> outcome) {
    }

    /** A lease token unique to one delivery call: two threads of one instance never share a lease. */
    private String holder() {
        return leaseOwner + "#" + calls.incrementAndGet();
    }

    private Step<R> claim(String key, String hash, String holder) {
        for (int poll = 0; ; poll++) {
            Claim claim = store.claim(key, hash, holder, clock.instant(), lease);
            if (claim instanceof Claim.Acquired acquired) {
                return new Step<>(acquired, null);
            }
            StepRecord record = claim.record();
            if (claim instanceof Claim.PayloadMismatch mismatch) {
                return new Step<>(null, new Outcome.Conflict<>(key, "the key was first used with payload "
                        + record.payloadSha256() + "; this delivery has " + mismatch.offeredSha256()));
            }
            if (!(claim instanceof Claim.InProgress)) {
                return new Step<>(null, current(key));
            }
            if (poll >= maxPolls) {
                return new Step<>(null, new Outcome.Busy<>(record.leaseOwner(), record.leaseExpiresAt()));
            }
            try {
                sleeper.sleep(pollInterval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Step<>(null, new Outcome.Busy<>(record.leaseOwner(), record.leaseExpiresAt()));
            }
        }
    }

    private R readResult(String json) {
        return StrictJson.mapper().readValue(json, resultType);
    }

    private Envelope.SchemaRef schemaRef() {
        return new Envelope.SchemaRef(boundary.contract().id(), boundary.contract().schemaHash());
    }

    private static String describe(Recovery recovery) {
        return "recovery tried: " + recovery.repairs() + " repair retr" + (recovery.repairs() == 1 ? "y" : "ies")
                + " and " + recovery.transportRetries() + " transport retr" + (recovery.transportRetries() == 1 ? "y" : "ies");
    }

    /** The answer schema: approval is offered only when the escalated payload is valid. */
    static String answerSchema(boolean payloadValid) {
        String actions = payloadValid ? "[\"approve\", \"reject\", \"correct\"]" : "[\"reject\", \"correct\"]";
        return """
                {"$schema": "https://json-schema.org/draft/2020-12/schema",
                 "type": "object",
                 "properties": {
                   "action": {"enum": %s},
                   "reason": {"type": "string", "minLength": 1},
                   "corrected_payload": {}
                 },
                 "required": ["action", "reason"],
                 "additionalProperties": false,
                 "if": {"properties": {"action": {"const": "correct"}}},
                 "then": {"required": ["corrected_payload"]},
                 "else": {"not": {"required": ["corrected_payload"]}}}""".formatted(actions);
    }

    /**
     * Builds a delivery.
     *
     * @param <T> the edge contract's type
     * @param <R> the side effect's result
     */
    public static final class Builder<T, R> {
        private final Handoff handoff;
        private final Boundary<T> boundary;
        private final BatonStore store;
        private final Class<R> resultType;
        private SideEffect<T, R> effect;
        private LocalSideEffect<T, R> localEffect;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private String leaseOwner = defaultLeaseOwner();
        private Duration lease = Duration.ofMinutes(5);
        private Duration pollInterval = Duration.ofMillis(50);
        private Duration maxWait = Duration.ofMinutes(5);
        private String question;

        private Builder(Handoff handoff, Boundary<T> boundary, BatonStore store, Class<R> resultType) {
            this.handoff = handoff;
            this.boundary = boundary;
            this.store = Objects.requireNonNull(store, "store");
            this.resultType = Objects.requireNonNull(resultType, "resultType");
            this.question = "Automated recovery of " + handoff.name() + " is exhausted. Approve the payload, "
                    + "correct it, or reject the step.";
        }

        /** The side effect on another system; it receives the idempotency key to forward. */
        public Builder<T, R> effect(SideEffect<T, R> value) {
            this.effect = Objects.requireNonNull(value, "effect");
            this.localEffect = null;
            return this;
        }

        /** The side effect on the store's database, committed with the step's completion. */
        public Builder<T, R> localEffect(LocalSideEffect<T, R> value) {
            this.localEffect = Objects.requireNonNull(value, "localEffect");
            this.effect = null;
            return this;
        }

        /** The clock for leases, deadlines and records (default: system UTC). */
        public Builder<T, R> clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** How to wait for backoffs and for another instance's lease (default: really sleep). */
        public Builder<T, R> sleeper(Sleeper value) {
            this.sleeper = Objects.requireNonNull(value, "sleeper");
            return this;
        }

        /** This instance's name on leases (default: pid, host and a random suffix). */
        public Builder<T, R> leaseOwner(String value) {
            this.leaseOwner = Objects.requireNonNull(value, "leaseOwner");
            return this;
        }

        /** How long a claim holds before another instance may take it over (default 5 minutes). */
        public Builder<T, R> lease(Duration value) {
            this.lease = Objects.requireNonNull(value, "lease");
            return this;
        }

        /** How often and how long to wait for a step another instance holds (defaults 50 ms, 5 minutes). */
        public Builder<T, R> waitForOthers(Duration poll, Duration max) {
            this.pollInterval = Objects.requireNonNull(poll, "poll");
            this.maxWait = Objects.requireNonNull(max, "max");
            return this;
        }

        /** The question put to the human on escalation. */
        public Builder<T, R> question(String value) {
            this.question = Objects.requireNonNull(value, "question");
            return this;
        }

        /** @return the delivery */
        public HandoffDelivery<T, R> build() {
            if (effect == null && localEffect == null) {
                throw new IllegalStateException("a delivery needs a side effect: .effect(..) or .localEffect(..)");
            }
            return new HandoffDelivery<>(this);
        }

        private static String defaultLeaseOwner() {
            String host = System.getenv().getOrDefault("HOSTNAME", "host");
            return ProcessHandle.current().pid() + "@" + host + "/" + UUID.randomUUID().toString().substring(0, 8);
        }
    }
}
