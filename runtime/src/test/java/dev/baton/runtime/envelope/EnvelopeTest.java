package dev.baton.runtime.envelope;

import dev.baton.runtime.ResearchNotes;
import dev.baton.runtime.boundary.Boundary;
import dev.baton.runtime.boundary.Bucket;
import dev.baton.runtime.boundary.Rejected;
import dev.baton.runtime.boundary.StrictJson;
import dev.baton.runtime.contract.Contract;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnvelopeTest {

    final Contract<ResearchNotes> contract = Contract.of(ResearchNotes.class);
    final ResearchNotes notes = new ResearchNotes("seams", List.of(new ResearchNotes.Finding("fences break parsers", 0.8,
            URI.create("https://example.org/1"))), ResearchNotes.Status.FINAL);
    final Clock clock = Clock.fixed(Instant.parse("2026-05-04T03:02:01Z"), ZoneOffset.UTC);

    Envelope envelope() {
        return Envelope.builder(contract, notes)
                .idempotencyKey("run-7/summarize")
                .producer("researcher", "1.3.0", "gpt-4o")
                .consumer("summarizer")
                .rationale(new Envelope.Rationale("three sources agree", List.of("A says x", "B says x"),
                        List.of("https://example.org/1"), 0.8))
                .traceId("trace-1")
                .clock(clock)
                .build();
    }

    @Test
    void roundTripsOnTheWireWithRationaleAndProvenance() {
        Envelope sent = envelope();
        String wire = sent.toJson();
        assertTrue(wire.contains("\"idempotency_key\":\"run-7/summarize\""), wire);
        assertTrue(wire.contains("\"created_at\":\"2026-05-04T03:02:01Z\""), wire);
        Envelope received = Envelope.read(wire, "researcher").orThrow();
        assertEquals(sent, received);
        assertEquals("three sources agree", received.rationale().summary());
        assertEquals("gpt-4o", received.producer().model());
        assertEquals(contract.schemaHash(), received.schema().sha256());
        assertEquals(notes, received.open(Boundary.of(contract, "researcher")).orThrow());
    }

    @Test
    void thePublishedSchemaIsAValidDraft202012SchemaThatAgreesWithTheRecord() {
        Contract<Envelope> envelopeContract = Envelope.contract();
        assertEquals("https://baton.dev/schemas/envelope/1/envelope.schema.json", envelopeContract.id());
        assertEquals("https://json-schema.org/draft/2020-12/schema",
                envelopeContract.schemaJson().get("$schema").asString());
    }

    @Test
    void malformedEnvelopesAreRejectedStrictly() {
        ObjectNode wire = (ObjectNode) StrictJson.mapper().readTree(envelope().toJson());
        wire.put("priority", "high");
        Rejected<Envelope> unknown = assertInstanceOf(Rejected.class, Envelope.read(wire.toString(), "researcher"));
        assertEquals(Bucket.SCHEMA_VIOLATION, unknown.rejection().bucket());
        wire.remove("priority");
        wire.remove("rationale");
        Rejected<Envelope> noRationale = assertInstanceOf(Rejected.class, Envelope.read(wire.toString(), "researcher"));
        assertTrue(noRationale.rejection().message().contains("rationale"), noRationale.rejection().message());
        assertEquals(Bucket.NOT_JSON, ((Rejected<Envelope>) Envelope.read("<envelope/>", "researcher")).rejection().bucket());
    }

    @Test
    void aPayloadThatDoesNotMatchItsHashIsRejected() {
        ObjectNode wire = (ObjectNode) StrictJson.mapper().readTree(envelope().toJson());
        ((ObjectNode) wire.get("payload")).put("topic", "tampered");
        Envelope tampered = Envelope.read(wire.toString(), "researcher").orThrow();
        Rejected<ResearchNotes> rejected = assertInstanceOf(Rejected.class,
                tampered.open(Boundary.of(contract, "researcher")));
        assertTrue(rejected.rejection().message().contains("integrity") || rejected.rejection().message().contains("hash"));
    }

    @Test
    void payloadHashIgnoresKeyOrderAndNextAttemptKeepsTheKey() {
        Envelope first = envelope();
        JsonNode reordered = StrictJson.mapper().readTree(
                "{\"status\":\"FINAL\",\"topic\":\"seams\",\"findings\":[{\"source\":\"https://example.org/1\","
                        + "\"confidence\":0.8,\"claim\":\"fences break parsers\"}]}");
        Envelope second = first.nextAttempt(reordered, clock);
        assertEquals(first.payloadSha256(), second.payloadSha256());
        assertEquals(first.idempotencyKey(), second.idempotencyKey());
        assertEquals(2, second.attempt());
        assertEquals(first.messageId(), second.causationId());
        assertNotEquals(first.messageId(), second.messageId());
    }
}
