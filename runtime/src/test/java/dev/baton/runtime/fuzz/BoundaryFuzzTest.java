package dev.baton.runtime.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.networknt.schema.Error;
import dev.baton.runtime.boundary.Accepted;
import dev.baton.runtime.boundary.Boundary;
import dev.baton.runtime.boundary.Limits;
import dev.baton.runtime.boundary.Received;
import dev.baton.runtime.boundary.Rejected;
import dev.baton.runtime.boundary.Rejection;
import dev.baton.runtime.boundary.StrictJson;
import dev.baton.runtime.contract.Contract;
import dev.baton.runtime.contract.ContractDefinitionException;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage-guided fuzzing of the boundary and of contract compilation (Jazzer). In {@code mvn verify} each
 * {@link FuzzTest} runs in regression mode over its committed inputs in
 * {@code src/test/resources/dev/baton/runtime/fuzz/BoundaryFuzzTestInputs/<method>/}; with {@code JAZZER_FUZZ=1}
 * it fuzzes, guided by coverage, and adds every input that fails to that directory (see docs/runtime.md).
 *
 * <p>The oracle: {@code receive} returns {@code Accepted} or a typed {@code Rejected} owned by the boundary's
 * owner and never throws; an accepted value lies within the limits, and re-validates against the contract's
 * schema with networknt directly (no fast path); compilation either yields a contract or refuses with
 * {@link ContractDefinitionException}, nothing else.
 */
class BoundaryFuzzTest {

    private static final String OWNER = "fuzz-owner";
    private static final Limits SMALL = Limits.defaults().withMaxBytes(64 * 1024).withMaxDepth(16).withMaxViolations(5);

    /** Schemas that exercise each stage: the fast path, networknt keywords, patterns, typed binding. */
    private static final List<Boundary<?>> BOUNDARIES = List.of(
            boundary(Contract.fromJson("any.schema.json", "{}")),
            boundary(Contract.fromJson("notes.schema.json", """
                    {"type":"object","properties":{"topic":{"type":"string","minLength":1,"maxLength":200},
                    "findings":{"type":"array","maxItems":50,"items":{"type":"object","properties":{
                    "claim":{"type":"string"},"confidence":{"type":"number","minimum":0,"maximum":1},
                    "source":{"type":"string","format":"uri"}},"required":["claim","confidence"],
                    "additionalProperties":false}},"status":{"enum":["DRAFT","FINAL"]}},
                    "required":["topic","findings","status"],"additionalProperties":false}""")),
            boundary(Contract.fromJson("patterns.schema.json", """
                    {"type":"object","properties":{"s":{"type":"string","pattern":"^(a|b)*$"},
                    "w":{"type":"string","pattern":"^(a+)+$"},"l":{"type":"string","pattern":"^(?=x)(x+)+y?$"},
                    "n":{"type":"number","multipleOf":3},"u":{"type":"array","uniqueItems":true}},
                    "patternProperties":{"^k(\\\\d|[a-f])*$":{"type":"integer"}},
                    "dependentSchemas":{"s":{"required":["w"]}},"oneOf":[{"required":["s"]},{"required":["n"]},
                    {"maxProperties":0}]}""")),
            boundary(Contract.fromJson("tree.schema.json", """
                    {"$defs":{"node":{"type":"object","properties":{"label":{"type":"string"},
                    "kids":{"type":"array","items":{"$ref":"#/$defs/node"}}},"required":["label"]}},
                    "$ref":"#/$defs/node"}""")),
            boundary(Contract.of(Notes.class)),
            Boundary.builder(Contract.fromJson("small.schema.json", "{\"type\":[\"object\",\"array\"]}")).owner(OWNER)
                    .limits(SMALL).build());

    /** A record contract, so that binding is fuzzed too. */
    record Notes(String topic, List<Finding> findings, Optional<Integer> count, float ratio) {
        record Finding(String claim, double confidence, URI source) {
        }
    }

    private static Boundary<?> boundary(Contract<?> contract) {
        return Boundary.of(contract, OWNER);
    }

    /** Any bytes, through every boundary, as bytes and as the text they decode to. */
    @FuzzTest(maxDuration = "5m")
    void receive(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        for (Boundary<?> boundary : BOUNDARIES) {
            holds(boundary, boundary.receive(input), input.length);
            holds(boundary, boundary.receive(text), text.length());
        }
    }

    /**
     * A schema and a payload, separated by the first NUL byte: compiling the schema refuses it with a
     * {@link ContractDefinitionException} or yields a contract whose boundary holds on the payload.
     */
    @FuzzTest(maxDuration = "5m")
    void compileAndReceive(byte[] input) {
        int nul = 0;
        while (nul < input.length && input[nul] != 0) nul++;
        String schema = new String(input, 0, nul, StandardCharsets.UTF_8);
        byte[] payload = nul < input.length ? java.util.Arrays.copyOfRange(input, nul + 1, input.length) : new byte[0];
        Contract<JsonNode> contract;
        try {
            contract = Contract.fromJson("fuzzed.schema.json", schema);
        } catch (ContractDefinitionException e) {
            assertNotNull(e.reason());
            assertFalse(e.reason().isBlank());
            return;
        }
        Boundary<JsonNode> boundary = Boundary.builder(contract).owner(OWNER).limits(SMALL).build();
        holds(boundary, boundary.receive(payload), payload.length);
    }

    private static void holds(Boundary<?> boundary, Received<?> received, long inputSize) {
        assertNotNull(received);
        if (received instanceof Rejected<?> rejected) {
            Rejection rejection = rejected.rejection();
            assertNotNull(rejection.bucket());
            assertEquals(OWNER, rejection.owner());
            assertFalse(rejection.message().isBlank());
            return;
        }
        Object value = ((Accepted<?>) received).value();
        assertNotNull(value);
        Limits limits = boundary.limits();
        assertTrue(inputSize <= limits.maxBytes(), "accepted beyond the byte limit");
        JsonNode tree = value instanceof JsonNode node ? node : StrictJson.mapper().valueToTree(value);
        assertTrue(depth(tree) <= limits.maxDepth(), "accepted beyond the depth limit");
        List<Error> errors = boundary.contract().schema().validate(tree);
        assertTrue(errors.isEmpty(), () -> "accepted a value networknt rejects: " + errors);
        assertTrue(finite(tree), "a number became Infinity or NaN");
    }

    private static boolean finite(JsonNode node) {
        if (node.isDouble() || node.isFloat()) return Double.isFinite(node.doubleValue());
        for (JsonNode child : node) if (!finite(child)) return false;
        return true;
    }

    private static int depth(JsonNode node) {
        int deepest = 0;
        for (JsonNode child : node) deepest = Math.max(deepest, depth(child));
        return node.isContainer() ? deepest + 1 : 0;
    }
}
