package dev.baton.runtime.boundary;

import dev.baton.runtime.ResearchNotes;
import dev.baton.runtime.contract.Contract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoundaryTest {

    static final String VALID = """
            {"topic":"JSON at agent seams","findings":[{"claim":"LLMs emit fences","confidence":0.9,
            "source":"https://example.org/a"}],"status":"DRAFT"}""";

    final Boundary<ResearchNotes> boundary = Boundary.of(Contract.of(ResearchNotes.class), "researcher");

    Rejection rejected(String raw) {
        Received<ResearchNotes> received = boundary.receive(raw);
        return assertInstanceOf(Rejected.class, received, () -> "accepted: " + raw).rejection();
    }

    @Test
    void acceptsValidPayloadFromTextAndBytes() {
        ResearchNotes notes = assertInstanceOf(Accepted.class, boundary.receive(VALID)).value() instanceof ResearchNotes n ? n : null;
        assertEquals("JSON at agent seams", notes.topic());
        assertEquals(0.9, notes.findings().get(0).confidence());
        Received<ResearchNotes> fromBytes = boundary.receive(VALID.getBytes(StandardCharsets.UTF_8));
        assertEquals(notes, fromBytes.orThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n\t ", "null", "  null  "})
    void emptyWhitespaceAndNullAreEmpty(String raw) {
        Rejection rejection = rejected(raw);
        assertEquals(Bucket.EMPTY, rejection.bucket());
        assertEquals("researcher", rejection.owner());
        assertEquals(Bucket.EMPTY, boundary.receive((String) null) instanceof Rejected<ResearchNotes> r
                ? r.rejection().bucket() : null);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "I'm sorry, but I can't help with that request.",
            "I\u2019m unable to provide that information.",
            "As an AI language model, I cannot browse the web.",
            "\"I cannot assist with that.\""})
    void refusalsAreRefusals(String raw) {
        Rejection rejection = rejected(raw);
        assertEquals(Bucket.REFUSAL, rejection.bucket(), rejection::message);
        assertTrue(((Rejection.Refusal) rejection).text().length() > 10);
    }

    @Test
    void truncatedPrefixReportsOffset() {
        String cut = VALID.substring(0, VALID.indexOf("\"confidence\"") + 14);
        Rejection rejection = rejected(cut);
        assertEquals(Bucket.TRUNCATED, rejection.bucket(), rejection::message);
        assertEquals(cut.getBytes(StandardCharsets.UTF_8).length, ((Rejection.Truncated) rejection).offset());
        for (String prefix : List.of("{", "{\"topic\":\"JSON at", "{\"topic\": tru", "[1, 2,  ")) {
            assertEquals(Bucket.TRUNCATED, rejected(prefix).bucket(), prefix);
        }
    }

    @Test
    void secondTopLevelValueIsMultipleValues() {
        assertEquals(Bucket.MULTIPLE_VALUES, rejected(VALID + "\n" + VALID).bucket());
        assertEquals(Bucket.MULTIPLE_VALUES, rejected(VALID + "{\"topic\":").bucket());
    }

    @Test
    void proseFencesAndLexicalErrorsAreNotJsonWithLineAndColumn() {
        Rejection.NotJson preamble = (Rejection.NotJson) rejected("Here are the results:\n" + VALID);
        assertEquals(1, preamble.line());
        assertEquals(1, preamble.column());
        Rejection.NotJson fence = (Rejection.NotJson) rejected("```json\n" + VALID + "\n```");
        assertEquals(1, fence.line());
        Rejection.NotJson trailing = (Rejection.NotJson) rejected("{\"topic\":\"x\",\n \"status\":\"DRAFT\",}");
        assertEquals(2, trailing.line());
        assertTrue(trailing.column() > 1, trailing::message);
        for (String raw : List.of(VALID + " Hope this helps!", "{'topic':'x'}", "{\"a\":1 // note\n}",
                "{\"a\": NaN}", "{\"a\": True}", "\uFEFF" + VALID, "{\"topic\":\"a\",\"topic\":\"b\"}")) {
            assertEquals(Bucket.NOT_JSON, rejected(raw).bucket(), raw);
        }
    }

    @Test
    void schemaViolationsCarryPointerAndKeyword() {
        Rejection.SchemaViolation violation = (Rejection.SchemaViolation) rejected("""
                {"topic":"","findings":[{"claim":"c","confidence":"0.9","source":"https://x.org"}],
                 "status":"draft","extra":1}""");
        List<Violation> violations = violation.violations();
        assertTrue(violations.contains(new Violation("/findings/0/confidence", "type",
                violations.stream().filter(v -> v.pointer().equals("/findings/0/confidence")).findFirst()
                        .orElseThrow().message())));
        assertTrue(violations.stream().anyMatch(v -> v.pointer().equals("/status") && v.keyword().equals("enum")));
        assertTrue(violations.stream().anyMatch(v -> v.keyword().equals("additionalProperties")));
        assertTrue(violations.stream().anyMatch(v -> v.pointer().equals("/topic") && v.keyword().equals("minLength")) ||
                violations.stream().noneMatch(v -> v.pointer().equals("/topic")), "generated schema has no minLength");
    }

    @Test
    void violationsAreCapped() {
        Boundary<ResearchNotes> capped = Boundary.builder(Contract.of(ResearchNotes.class))
                .owner("researcher").limits(Limits.defaults().withMaxViolations(2)).build();
        StringBuilder many = new StringBuilder("{\"topic\":\"t\",\"status\":\"DRAFT\",\"findings\":[");
        for (int i = 0; i < 50; i++) {
            many.append(i == 0 ? "" : ",").append("{\"claim\":1,\"confidence\":\"x\",\"source\":2}");
        }
        Rejection.SchemaViolation violation = (Rejection.SchemaViolation) ((Rejected<ResearchNotes>)
                capped.receive(many.append("]}").toString())).rejection();
        assertEquals(3, violation.violations().size());
        assertEquals("truncated", violation.violations().get(2).keyword());
    }

    @Test
    void formatAssertionsAreOn() {
        Rejection rejection = rejected(VALID.replace("https://example.org/a", "not a uri at all"));
        assertEquals(Bucket.SCHEMA_VIOLATION, rejection.bucket());
        assertTrue(((Rejection.SchemaViolation) rejection).violations().stream()
                .anyMatch(v -> v.keyword().equals("format")), rejection::message);
    }

    /** Each row of the Jackson silent-acceptance matrix, against a schema-less JsonNode bypass: binding alone. */
    record Counter(int count, String name, ResearchNotes.Status status, List<String> tags) {
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"count\":\"42\",\"name\":\"n\",\"status\":\"DRAFT\",\"tags\":[]}",
            "{\"count\":null,\"name\":\"n\",\"status\":\"DRAFT\",\"tags\":[]}",
            "{}",
            "{\"count\":1,\"name\":\"n\",\"status\":\"DRAFT\",\"tags\":[],\"extra\":true}",
            "{\"count\":1.9,\"name\":\"n\",\"status\":\"DRAFT\",\"tags\":[]}",
            "{\"count\":1,\"name\":true,\"status\":\"DRAFT\",\"tags\":[]}",
            "{\"count\":1,\"name\":\"n\",\"status\":\"draft\",\"tags\":[]}",
            "{\"count\":1,\"name\":\"n\",\"status\":\"DRAFT\",\"tags\":\"a\"}",
            "{\"count\":1,\"name\":\"n\",\"status\":0,\"tags\":[]}"})
    void strictBindingRejectsWhatJacksonDefaultsAccept(String raw) {
        // The schema-only contract admits anything, so the strict mapper alone must reject these.
        Contract<JsonNode> anything = Contract.fromJson("anything", "{}");
        JsonNode tree = Boundary.of(anything, "t").receive(raw).orThrow();
        assertThrows(RuntimeException.class, () -> StrictJson.mapper().treeToValue(tree, Counter.class), raw);
        // and through a typed boundary it is rejected with a bucket, never bound
        Rejection rejection = ((Rejected<Counter>) Boundary.of(Contract.of(Counter.class), "producer").receive(raw))
                .rejection();
        assertTrue(rejection.bucket() == Bucket.SCHEMA_VIOLATION || rejection.bucket() == Bucket.BINDING_FAILURE,
                rejection::message);
    }

    @Test
    void strictMapperStillBindsValidInput() {
        Counter counter = StrictJson.mapper().readValue(
                "{\"count\":3,\"name\":\"n\",\"status\":\"FINAL\",\"tags\":[\"a\"]}", Counter.class);
        assertEquals(new Counter(3, "n", ResearchNotes.Status.FINAL, List.of("a")), counter);
    }

    @Test
    void receiveOrThrowCarriesTypedOwnedError() {
        RejectedHandoffException e = assertThrows(RejectedHandoffException.class, () -> boundary.receiveOrThrow("nope"));
        assertEquals(Bucket.NOT_JSON, e.bucket());
        assertEquals("researcher", e.owner());
        assertTrue(e.getMessage().contains("NOT_JSON"));
    }

    @Test
    void ownerIsRequired() {
        assertThrows(IllegalArgumentException.class, () -> Boundary.of(Contract.of(ResearchNotes.class), " "));
    }
}
