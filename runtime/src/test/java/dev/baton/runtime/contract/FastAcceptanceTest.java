package dev.baton.runtime.contract;

import dev.baton.runtime.ResearchNotes;
import dev.baton.runtime.boundary.StrictJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fast path may only say "valid" where networknt agrees; it is checked on thousands of mutants. */
class FastAcceptanceTest {

    record Profile(UUID id, Instant at, int age, long big, double score, Set<String> tags,
                   Map<String, Integer> counts, Optional<String> nickname, ResearchNotes.Status status,
                   List<ResearchNotes> notes) {
    }

    static final JsonMapper MAPPER = StrictJson.mapper();
    static final Object[] REPLACEMENTS = {"x", "", "DRAFT", "draft", "https://example.org/a", "not a uri", "mailto:a@b",
            "2026-01-02T03:04:05Z", "2026-13-02T03:04:05Z", "2026-01-02", "0b7e2a4e-2a43-4b8e-9b7b-2a1e3c4d5e6f",
            "0b7e2a4e-2a43-4b8e-9b7b-2a1e3c4d5e6", "\uD83D\uDE00", 0, 1, -1, 2147483648L, 1.0, 0.5, 1.5, -0.0, true, false, null};

    @Test
    void neverAcceptsWhatNetworkntRejects() {
        String profile = """
                {"id":"0b7e2a4e-2a43-4b8e-9b7b-2a1e3c4d5e6f","at":"2026-01-02T03:04:05Z","age":40,"big":5,
                 "score":0.5,"tags":["a","b"],"counts":{"x":1},"nickname":null,"status":"FINAL",
                 "notes":[{"topic":"t","findings":[{"claim":"c","confidence":0.5,"source":"https://x.org/a"}],
                 "status":"DRAFT"}]}""";
        check(Contract.of(Profile.class), profile, 4000);
        check(Contract.of(ResearchNotes.class, "schemas/research-notes.schema.json"),
                "{\"topic\":\"t\",\"findings\":[{\"claim\":\"c\",\"confidence\":1,\"source\":\"https://x.org\"}],"
                        + "\"status\":\"FINAL\"}", 3000);
        check(Contract.of(ResearchNotes.class), "{\"topic\":\"t\",\"findings\":[{\"claim\":\"c\",\"confidence\":0.5,"
                + "\"source\":\"https://x.org\"}],\"status\":\"FINAL\"}", 3000);
        check(Contract.fromJson("bounds", """
                {"type":"object","properties":{"n":{"type":"number","exclusiveMinimum":0,"maximum":10},
                 "s":{"type":"string","minLength":2,"maxLength":3},"e":{"enum":[1,"one",null,[1]]},
                 "c":{"const":{"k":"v"}},"u":{"type":"array","uniqueItems":true,"maxItems":3}},
                 "required":["n"]}"""), "{\"n\":5,\"s\":\"ab\",\"e\":\"one\",\"c\":{\"k\":\"v\"},\"u\":[\"a\",\"b\"]}", 3000);
    }

    private void check(Contract<?> contract, String valid, int mutants) {
        FastAcceptance fast = FastAcceptance.of(contract.schemaJson(), contract.schema());
        assertNotNull(fast, "the schema is within the fast subset");
        JsonNode original = MAPPER.readTree(valid);
        assertTrue(fast.accepts(original), "the valid document is accepted by the fast path");
        assertTrue(contract.schema().validate(original).isEmpty());
        Random random = new Random(42);
        int acceptedByFast = 0;
        int rejectedByNetworknt = 0;
        for (int i = 0; i < mutants; i++) {
            JsonNode mutant = original.deepCopy();
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits; e++) {
                mutant = mutate(mutant, random);
            }
            JsonNode candidate = mutant;
            boolean networkntValid = contract.schema().validate(candidate).isEmpty();
            if (fast.streamable()) {
                // the token-stream check decides exactly as the tree check, on the same document's text
                try (var parser = MAPPER.createParser(MAPPER.writeValueAsString(candidate))) {
                    assertEquals(fast.accepts(candidate), fast.acceptsStream(parser), candidate::toString);
                }
            }
            if (fast.accepts(candidate)) {
                acceptedByFast++;
                assertTrue(networkntValid, () -> "fast path accepted what networknt rejects: " + candidate);
            }
            if (!networkntValid) {
                rejectedByNetworknt++;
            }
        }
        assertTrue(acceptedByFast > mutants / 50, "the fast path accepted " + acceptedByFast + " mutants");
        assertTrue(rejectedByNetworknt > mutants / 4, "mutants must be mostly invalid: " + rejectedByNetworknt);
    }

    private JsonNode mutate(JsonNode root, Random random) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        if (target instanceof ObjectNode object) {
            List<String> names = new ArrayList<>(object.propertyNames());
            switch (random.nextInt(3)) {
                case 0 -> object.set("extra" + random.nextInt(3), value(random));
                case 1 -> {
                    if (!names.isEmpty()) {
                        object.remove(names.get(random.nextInt(names.size())));
                    }
                }
                default -> {
                    if (!names.isEmpty()) {
                        object.set(names.get(random.nextInt(names.size())), value(random));
                    }
                }
            }
        } else if (target instanceof ArrayNode array) {
            if (array.isEmpty() || random.nextBoolean()) {
                array.add(array.isEmpty() || random.nextBoolean() ? value(random) : array.get(0).deepCopy());
            } else {
                array.set(random.nextInt(array.size()), value(random));
            }
        }
        return root;
    }

    private static void collect(JsonNode node, List<JsonNode> into) {
        if (node.isContainer()) {
            into.add(node);
            for (JsonNode child : node) {
                collect(child, into);
            }
        }
    }

    private static JsonNode value(Random random) {
        int pick = random.nextInt(REPLACEMENTS.length + 2);
        if (pick == REPLACEMENTS.length) {
            return MAPPER.createObjectNode().put("k", "v");
        }
        if (pick == REPLACEMENTS.length + 1) {
            return MAPPER.createArrayNode().add(1).add("a");
        }
        return MAPPER.valueToTree(REPLACEMENTS[pick]);
    }

    @Test
    void recordSchemasAreDecidedFromTokens() {
        assertTrue(Contract.of(ResearchNotes.class).decidesFromTokens(), "a generated record schema streams");
        Contract<JsonNode> recursive = Contract.fromJson("tree", """
                {"$defs":{"node":{"type":"object","properties":{"kids":{"type":"array","items":{"$ref":"#/$defs/node"}}},
                 "additionalProperties":false}},"$ref":"#/$defs/node"}""");
        assertTrue(recursive.decidesFromTokens(), "a recursive schema through a lone $ref streams");
        try (var parser = MAPPER.createParser("{\"kids\":[{\"kids\":[]},{}]}")) {
            assertTrue(recursive.certainlyValid(parser));
        }
        try (var parser = MAPPER.createParser("{\"kids\":[{\"kids\":[1]}]}")) {
            assertFalse(recursive.certainlyValid(parser), "a number where a node belongs is not certainly valid");
        }
        Contract<JsonNode> unique = Contract.fromJson("unique", "{\"type\":\"array\",\"uniqueItems\":true}");
        assertFalse(unique.decidesFromTokens(), "uniqueItems needs the whole array: the tree decides");
        Contract<JsonNode> numbers = Contract.fromJson("numbers", "{\"enum\":[1,2]}");
        assertFalse(numbers.decidesFromTokens(), "1 and 1.0 are one JSON Schema value: the tree decides");
    }

    @Test
    void schemasOutsideTheSubsetAlwaysUseTheFullValidator() {
        Contract<JsonNode> pattern = Contract.schema("schemas/catastrophic-regex.schema.json");
        assertNull(FastAcceptance.of(pattern.schemaJson(), pattern.schema()));
        Contract<JsonNode> draft7 = Contract.schema("schemas/ticket.draft7.schema.json");
        assertNull(FastAcceptance.of(draft7.schemaJson(), draft7.schema()));
        Contract<JsonNode> oneOf = Contract.fromJson("oneOf", "{\"oneOf\":[{\"type\":\"string\"},{\"type\":\"integer\"}]}");
        assertNull(FastAcceptance.of(oneOf.schemaJson(), oneOf.schema()));
        assertEquals(List.of(), oneOf.validate(MAPPER.readTree("3"), 5));
    }
}
