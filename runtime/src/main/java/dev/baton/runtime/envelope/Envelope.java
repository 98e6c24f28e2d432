package dev.baton.runtime.envelope;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.baton.runtime.boundary.Boundary;
import dev.baton.runtime.boundary.Received;
import dev.baton.runtime.boundary.Rejected;
import dev.baton.runtime.boundary.Rejection;
import dev.baton.runtime.boundary.StrictJson;
import dev.baton.runtime.boundary.Violation;
import dev.baton.runtime.contract.CanonicalJson;
import dev.baton.runtime.contract.Contract;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A handoff on the wire: the payload plus who produced it (agent, version, model), who it is for, the
 * contract it claims, its idempotency key and attempt, the producer's rationale, trace and causation
 * ids and its creation time. Its JSON form is described by the published schema
 * {@code dev/baton/runtime/envelope/envelope.schema.json} (draft 2020-12).
 *
 * <pre>{@code
 * Envelope envelope = Envelope.builder(contract, notes)
 *         .idempotencyKey("run-42/summarize")
 *         .producer("researcher", "1.3.0", "gpt-4o")
 *         .consumer("summarizer")
 *         .rationale(new Envelope.Rationale("three sources agree", List.of("..."), List.of("https://..."), 0.8))
 *         .build();
 * String wire = envelope.toJson();
 * Received<Envelope> back = Envelope.read(wire, "researcher");
 * Received<Notes> payload = back.orThrow().open(boundary);
 * }</pre>
 */
public record Envelope(
        @JsonProperty("envelope_version") String envelopeVersion,
        @JsonProperty("message_id") String messageId,
        @JsonProperty("idempotency_key") String idempotencyKey,
        int attempt,
        Producer producer,
        Consumer consumer,
        SchemaRef schema,
        JsonNode payload,
        @JsonProperty("payload_sha256") String payloadSha256,
        Rationale rationale,
        @JsonProperty("trace_id") String traceId,
        @Nullable @JsonProperty("causation_id") String causationId,
        @JsonProperty("created_at") Instant createdAt) {

    /** The only envelope format version so far. */
    public static final String VERSION = "1";
    /** Classpath location of the envelope's published JSON Schema. */
    public static final String SCHEMA_RESOURCE = "dev/baton/runtime/envelope/envelope.schema.json";

    /**
     * Who produced the payload.
     *
     * @param agent the producing agent
     * @param version the agent's version, or null
     * @param model the model that produced the payload, or null
     */
    public record Producer(String agent, @Nullable String version, @Nullable String model) {
    }

    /** @param agent the agent the payload is for */
    public record Consumer(String agent) {
    }

    /**
     * The contract the payload claims to satisfy.
     *
     * @param id the contract id
     * @param sha256 the contract's schema hash
     */
    public record SchemaRef(String id, String sha256) {
    }

    /**
     * The producer's reasoning, carried with its conclusion.
     *
     * @param summary why, in a sentence or two
     * @param evidence the facts the conclusion rests on
     * @param sources where they come from
     * @param confidence 0..1, or null when the producer gives none
     */
    public record Rationale(String summary, List<String> evidence, List<String> sources, @Nullable Double confidence) {
        public Rationale {
            evidence = List.copyOf(evidence);
            sources = List.copyOf(sources);
        }

        /** @return a rationale with a summary only */
        public static Rationale of(String summary) {
            return new Rationale(summary, List.of(), List.of(), null);
        }
    }

    public Envelope {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(payload, "payload");
    }

    /** @return a builder for an envelope carrying {@code value} under {@code contract} */
    public static <T> Builder builder(Contract<T> contract, T value) {
        return new Builder(contract, StrictJson.mapper().valueToTree(value));
    }

    /** @return the contract of the envelope format itself (from its published schema) */
    public static Contract<Envelope> contract() {
        return Contract.of(Envelope.class, SCHEMA_RESOURCE);
    }

    /**
     * Reads an envelope from the wire, strictly, against the envelope schema.
     *
     * @param owner who owns a malformed envelope (usually the producing agent)
     */
    public static Received<Envelope> read(String json, String owner) {
        return Boundary.of(contract(), owner).receive(json);
    }

    /** @return the envelope as JSON, the form that travels on the wire */
    public String toJson() {
        return StrictJson.mapper().writeValueAsString(this);
    }

    /** @return the SHA-256 of this envelope's JSON form, recorded with escalations */
    public String sha256() {
        return CanonicalJson.sha256(toJson());
    }

    /**
     * Opens the payload through the receiver's boundary: checks the payload hash (so the payload is the
     * one the producer sent), then validates and binds it against the receiver's own contract.
     */
    public <T> Received<T> open(Boundary<T> boundary) {
        String actual = CanonicalJson.sha256(payload);
        if (!actual.equals(payloadSha256)) {
            return new Rejected<>(new Rejection.SchemaViolation(List.of(new Violation("/payload_sha256", "integrity",
                    "payload hash " + actual + " does not match the declared " + payloadSha256)), boundary.owner()));
        }
        return boundary.receiveTree(payload);
    }

    /** @return the next attempt of the same logical step: same key, new message id, caused by this one */
    public Envelope nextAttempt(JsonNode newPayload, Clock clock) {
        return new Envelope(VERSION, UUID.randomUUID().toString(), idempotencyKey, attempt + 1, producer, consumer,
                schema, newPayload, CanonicalJson.sha256(newPayload), rationale, traceId, messageId, clock.instant());
    }

    /** Builds an envelope; message id, trace id and creation time are filled in when not given. */
    public static final class Builder {
        private final Contract<?> contract;
        private final JsonNode payload;
        private String idempotencyKey;
        private int attempt = 1;
        private Producer producer;
        private Consumer consumer;
        private Rationale rationale = Rationale.of("");
        private String traceId;
        private String causationId;
        private Clock clock = Clock.systemUTC();

        private Builder(Contract<?> contract, JsonNode payload) {
            this.contract = Objects.requireNonNull(contract, "contract");
            this.payload = payload;
        }

        /** @param key stable across every attempt of the logical step (e.g. {@code runId + "/" + stepId}) */
        public Builder idempotencyKey(String key) {
            this.idempotencyKey = key;
            return this;
        }

        /** @param number 1 for the first attempt */
        public Builder attempt(int number) {
            this.attempt = number;
            return this;
        }

        /** Sets the producing agent, its version and model (either may be null). */
        public Builder producer(String agent, String version, String model) {
            this.producer = new Producer(agent, version, model);
            return this;
        }

        /** Sets the consuming agent. */
        public Builder consumer(String agent) {
            this.consumer = new Consumer(agent);
            return this;
        }

        /** Sets the rationale that travels with the payload. */
        public Builder rationale(Rationale value) {
            this.rationale = Objects.requireNonNull(value, "rationale");
            return this;
        }

        /** Sets the trace id (default: a new one). */
        public Builder traceId(String value) {
            this.traceId = value;
            return this;
        }

        /** Sets the message id of the message that caused this one. */
        public Builder causationId(String value) {
            this.causationId = value;
            return this;
        }

        /** Sets the clock for {@code created_at}. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** @return the envelope */
        public Envelope build() {
            if (idempotencyKey == null || producer == null || consumer == null) {
                throw new IllegalStateException("an envelope needs an idempotency key, a producer and a consumer");
            }
            return new Envelope(VERSION, UUID.randomUUID().toString(), idempotencyKey, attempt, producer, consumer,
                    new SchemaRef(contract.id(), contract.schemaHash()), payload, CanonicalJson.sha256(payload),
                    rationale, traceId != null ? traceId : UUID.randomUUID().toString(), causationId, clock.instant());
        }
    }
}
