package dev.baton.runtime.contract;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.baton.runtime.ResearchNotes;
import dev.baton.runtime.boundary.Boundary;
import dev.baton.runtime.boundary.Bucket;
import dev.baton.runtime.boundary.Rejected;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContractTest {

    record Tree(String label, List<Tree> children) {
    }

    record Everything(int count, long big, double ratio, boolean flag, UUID id, Instant at,
                      Optional<String> note, Map<String, Integer> scores, Set<String> tags,
                      @JsonProperty("display_name") String displayName, ResearchNotes.Status status) {
    }

    @Test
    void generatedSchemaIsStrictAndShared() {
        Contract<ResearchNotes> contract = Contract.of(ResearchNotes.class);
        assertSame(contract, Contract.of(ResearchNotes.class));
        JsonNode schema = contract.schemaJson();
        assertEquals("object", schema.get("type").asString());
        assertFalse(schema.get("additionalProperties").asBoolean());
        assertEquals(3, schema.get("required").size());
        JsonNode finding = schema.get("$defs").get("Finding");
        assertEquals("uri", finding.get("properties").get("source").get("format").asString());
        assertEquals(64, contract.schemaHash().length());
        assertEquals("java:" + ResearchNotes.class.getName(), contract.id());
    }

    @Test
    void generationCoversScalarsCollectionsOptionalAndNames() {
        JsonNode schema = Contract.of(Everything.class).schemaJson();
        JsonNode properties = schema.get("properties");
        assertEquals("integer", properties.get("count").get("type").asString());
        assertEquals("number", properties.get("ratio").get("type").asString());
        assertEquals("uuid", properties.get("id").get("format").asString());
        assertEquals("date-time", properties.get("at").get("format").asString());
        assertTrue(properties.has("display_name"));
        assertTrue(properties.get("tags").get("uniqueItems").asBoolean());
        assertEquals("integer", properties.get("scores").get("additionalProperties").get("type").asString());
        List<String> required = new ArrayList<>();
        schema.get("required").forEach(r -> required.add(r.asString()));
        assertTrue(required.contains("note"), "absent is never silently empty: null must be explicit");
        assertTrue(required.contains("display_name"));
        Boundary<Everything> boundary = Boundary.of(Contract.of(Everything.class), "p");
        Everything value = boundary.receive("""
                {"count":1,"big":2,"ratio":0.5,"flag":true,"id":"0b7e2a4e-2a43-4b8e-9b7b-2a1e3c4d5e6f",
                 "at":"2026-01-02T03:04:05Z","note":null,"scores":{"a":1},"tags":["x"],"display_name":"D","status":"FINAL"}""")
                .orThrow();
        assertEquals("D", value.displayName());
        assertEquals(Optional.empty(), value.note());
        Rejected<Everything> badUuid = assertInstanceOf(Rejected.class, boundary.receive("""
                {"count":1,"big":2,"ratio":0.5,"flag":true,"id":"not-a-uuid",
                 "at":"2026-01-02T03:04:05Z","note":"n","scores":{},"tags":[],"display_name":"D","status":"FINAL"}"""));
        assertEquals(Bucket.SCHEMA_VIOLATION, badUuid.rejection().bucket());
    }

    @Test
    void recursiveRecordsTerminate() {
        Boundary<Tree> boundary = Boundary.of(Contract.of(Tree.class), "p");
        Tree tree = boundary.receive("{\"label\":\"a\",\"children\":[{\"label\":\"b\",\"children\":[]}]}").orThrow();
        assertEquals("b", tree.children().get(0).label());
        assertFalse(boundary.receive("{\"label\":\"a\",\"children\":[{\"label\":1,\"children\":[]}]}").isAccepted());
    }

    @Test
    void typeAndSchemaFileInAgreement() {
        Contract<ResearchNotes> contract = Contract.of(ResearchNotes.class, "schemas/research-notes.schema.json");
        assertEquals("https://baton.dev/schemas/research-notes.schema.json", contract.id());
        Boundary<ResearchNotes> boundary = Boundary.of(contract, "researcher");
        // minLength exists only in the file: the file's schema is the one enforced
        assertFalse(boundary.receive("{\"topic\":\"\",\"findings\":[],\"status\":\"DRAFT\"}").isAccepted());
        assertTrue(boundary.receive("{\"topic\":\"t\",\"findings\":[],\"status\":\"DRAFT\"}").isAccepted());
    }

    @Test
    void drifedSchemaFailsAtStartUpNamingFileAndField() {
        ContractDefinitionException e = assertThrows(ContractDefinitionException.class,
                () -> Contract.of(ResearchNotes.class, "schemas/drifted-notes.schema.json"));
        assertEquals("schemas/drifted-notes.schema.json", e.source());
        assertTrue(e.getMessage().contains("summary"), e.getMessage());
    }

    @Test
    void badSchemasFailWithTheirName() {
        ContractDefinitionException missing = assertThrows(ContractDefinitionException.class,
                () -> Contract.schema("schemas/nope.schema.json"));
        assertTrue(missing.getMessage().contains("not found"));
        ContractDefinitionException notJson = assertThrows(ContractDefinitionException.class,
                () -> Contract.schema("schemas/not-json.schema.json"));
        assertTrue(notJson.getMessage().startsWith("schemas/not-json.schema.json: schema is not valid JSON"));
        ContractDefinitionException meta = assertThrows(ContractDefinitionException.class,
                () -> Contract.schema("schemas/broken.schema.json"));
        assertTrue(meta.getMessage().contains("meta-schema"), meta.getMessage());
        assertThrows(ContractDefinitionException.class, () -> Contract.of(StringBuilder.class));
    }

    @Test
    void relativeRefsToOtherClasspathSchemasResolve() {
        Boundary<JsonNode> boundary = Boundary.of(Contract.schema("schemas/order.schema.json"), "orders");
        assertTrue(boundary.receive("{\"id\":\"o1\",\"lines\":[{\"sku\":\"a\",\"quantity\":2}]}").isAccepted());
        var rejection = ((Rejected<JsonNode>) boundary.receive(
                "{\"id\":\"o1\",\"lines\":[{\"sku\":\"a\",\"quantity\":0}]}")).rejection();
        assertTrue(rejection.message().contains("/lines/0/quantity"), rejection.message());
    }

    @Test
    void draft07SchemasWork() {
        Boundary<JsonNode> boundary = Boundary.of(Contract.schema("schemas/ticket.draft7.schema.json"), "triage");
        assertTrue(boundary.receive("{\"id\":\"T-12\",\"priority\":3}").isAccepted());
        assertFalse(boundary.receive("{\"id\":\"X-12\",\"priority\":3}").isAccepted());
        assertFalse(boundary.receive("{\"id\":\"T-12\",\"priority\":\"3\"}").isAccepted());
    }

    @Test
    void sharedSchemaIsSafeAcrossThreads() throws Exception {
        Boundary<ResearchNotes> boundary = Boundary.of(Contract.of(ResearchNotes.class), "p");
        String bad = "{\"topic\":1,\"findings\":[{\"claim\":2,\"confidence\":\"x\",\"source\":3}],\"status\":\"X\"}";
        int expected = ((dev.baton.runtime.boundary.Rejection.SchemaViolation)
                ((Rejected<ResearchNotes>) boundary.receive(bad)).rejection()).violations().size();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    int mismatches = 0;
                    for (int i = 0; i < 2_000; i++) {
                        var rejection = ((Rejected<ResearchNotes>) boundary.receive(bad)).rejection();
                        if (((dev.baton.runtime.boundary.Rejection.SchemaViolation) rejection).violations().size() != expected) {
                            mismatches++;
                        }
                    }
                    return mismatches;
                }));
            }
            for (Future<Integer> result : results) {
                assertEquals(0, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
