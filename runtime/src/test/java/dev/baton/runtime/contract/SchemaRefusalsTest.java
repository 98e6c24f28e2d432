package dev.baton.runtime.contract;

import dev.baton.runtime.boundary.Boundary;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the runtime refuses at start-up although the validator would compile it. */
class SchemaRefusalsTest {

    private static ContractDefinitionException refused(String json) {
        return assertThrows(ContractDefinitionException.class, () -> Contract.fromJson("test.schema.json", json));
    }

    @Test
    void refCycleThatNeverDescendsIsRefusedAtStartUp() {
        // today's validator compiles these and overflows the stack on the first message
        var e = refused("{\"$defs\":{\"a\":{\"$ref\":\"#/$defs/b\"},\"b\":{\"$ref\":\"#/$defs/a\"}},\"$ref\":\"#/$defs/a\"}");
        assertTrue(e.reason().startsWith("$ref cycle at /$defs/a/$ref that never descends"), e.reason());
        assertTrue(e.reason().contains("#/$defs/a -[$ref]-> #/$defs/b -[$ref]-> #/$defs/a"), e.reason());
        assertEquals("/$defs/a/$ref", e.pointer());
        assertEquals("/$ref", refused("{\"$ref\":\"#\"}").pointer());
        var viaAllOf = refused("{\"$defs\":{\"a\":{\"type\":\"object\",\"allOf\":[{\"$ref\":\"#/$defs/a\"}]}},\"$ref\":\"#/$defs/a\"}");
        assertEquals("/$defs/a/allOf/0/$ref", viaAllOf.pointer());
        var viaAnchor = refused("{\"$defs\":{\"a\":{\"$anchor\":\"node\",\"anyOf\":[{\"$ref\":\"#node\"},{\"type\":\"null\"}]}}}");
        assertEquals("/$defs/a/anyOf/0/$ref", viaAnchor.pointer());
        var viaIf = refused("{\"if\":{\"type\":\"string\"},\"then\":{\"$ref\":\"#\"}}");
        assertEquals("/then/$ref", viaIf.pointer());
    }

    @Test
    void recursionThatDescendsIsAccepted() {
        var tree = Contract.fromJson("tree.schema.json", "{\"type\":\"object\",\"properties\":{\"label\":{\"type\":\"string\"},"
                + "\"children\":{\"type\":\"array\",\"items\":{\"$ref\":\"#\"}}},\"required\":[\"label\"]}");
        var boundary = Boundary.of(tree, "tree");
        assertTrue(boundary.receive("{\"label\":\"a\",\"children\":[{\"label\":\"b\",\"children\":[]}]}").isAccepted());
        assertFalse(boundary.receive("{\"label\":\"a\",\"children\":[{}]}").isAccepted());
        // a chain of references that ends is no cycle, nor are two paths to one definition
        assertDoesNotThrow(() -> Contract.fromJson("chain.schema.json", "{\"$defs\":{\"a\":{\"$ref\":\"#/$defs/b\"},"
                + "\"b\":{\"type\":\"string\"}},\"allOf\":[{\"$ref\":\"#/$defs/a\"},{\"$ref\":\"#/$defs/b\"}]}"));
        assertDoesNotThrow(() -> Contract.fromJson("linked.schema.json", "{\"$defs\":{\"node\":{\"type\":\"object\","
                + "\"properties\":{\"next\":{\"anyOf\":[{\"$ref\":\"#/$defs/node\"},{\"type\":\"null\"}]}}}},\"$ref\":\"#/$defs/node\"}"));
    }

    @Test
    void invalidRegexIsRefusedWithItsPointer() {
        var e = refused("{\"type\":\"object\",\"properties\":{\"code\":{\"type\":\"string\",\"pattern\":\"[a-\"}}}");
        assertEquals("/properties/code/pattern", e.pointer());
        assertTrue(e.reason().startsWith("invalid regular expression in pattern at /properties/code/pattern: '[a-'"), e.reason());
        var key = refused("{\"type\":\"object\",\"patternProperties\":{\"(x\":{\"type\":\"string\"}}}");
        assertEquals("/patternProperties/(x", key.pointer());
        assertTrue(key.reason().contains("patternProperties key"), key.reason());
        // a valid pattern in a place that is not a schema (an enum value) is data, never compiled
        assertDoesNotThrow(() -> Contract.fromJson("data.schema.json", "{\"enum\":[{\"pattern\":\"[a-\"}]}"));
        assertDoesNotThrow(() -> Contract.fromJson("ok.schema.json", "{\"type\":\"string\",\"pattern\":\"^[A-Z]{2}-\\\\d+$\"}"));
    }

    @Test
    void remoteRefIsRefusedAndNeverFetched() {
        var e = refused("{\"type\":\"object\",\"properties\":{\"a\":{\"$ref\":\"https://schemas.example.invalid/a.json\"}}}");
        assertEquals("/properties/a/$ref", e.pointer());
        assertTrue(e.reason().startsWith("remote $ref 'https://schemas.example.invalid/a.json' at /properties/a/$ref: "
                + "Baton never fetches schemas from the network"), e.reason());
        // a relative reference under a remote $id is remote too: the validator would fetch it
        var viaId = refused("{\"$id\":\"https://schemas.example.invalid/order.json\",\"properties\":{\"line\":{\"$ref\":\"line.json\"}}}");
        assertTrue(viaId.reason().contains("(resolves to https://schemas.example.invalid/line.json)"), viaId.reason());
        // references into the document by its own $id, and the built-in meta-schemas, are not remote
        assertDoesNotThrow(() -> Contract.fromJson("own-id.schema.json", "{\"$id\":\"https://schemas.example.invalid/order.json\","
                + "\"$defs\":{\"sku\":{\"type\":\"string\"}},\"properties\":{\"sku\":{\"$ref\":\"https://schemas.example.invalid/order.json#/$defs/sku\"},"
                + "\"item\":{\"$ref\":\"item.json\"}},\"$defs2\":{},\"allOf\":[{\"$id\":\"item.json\",\"type\":\"object\"}]}"));
        assertDoesNotThrow(() -> Contract.fromJson("meta.schema.json", "{\"$ref\":\"https://json-schema.org/draft/2020-12/schema\"}"));
        // an unknown dialect is not fetched either
        var dialect = refused("{\"$schema\":\"https://schemas.example.invalid/meta\",\"type\":\"string\"}");
        assertEquals("/$schema", dialect.pointer());
        assertTrue(dialect.reason().startsWith("unknown $schema 'https://schemas.example.invalid/meta'"), dialect.reason());
        assertDoesNotThrow(() -> Contract.fromJson("d7.schema.json", "{\"$schema\":\"http://json-schema.org/draft-07/schema#\",\"type\":\"string\"}"));
    }

    @Test
    void verifyUsesTheStartUpCompilerOnFiles(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("line.schema.json"), "{\"type\":\"object\",\"properties\":{\"sku\":{\"type\":\"string\"}}}");
        var mapper = JsonMapper.builder().build();
        URI order = dir.resolve("order.schema.json").toUri();
        assertDoesNotThrow(() -> ContractSchemas.verify("order.schema.json", order,
                mapper.readTree("{\"type\":\"array\",\"items\":{\"$ref\":\"line.schema.json\"}}")));
        var e = assertThrows(ContractDefinitionException.class, () -> ContractSchemas.verify("order.schema.json", order,
                mapper.readTree("{\"$defs\":{\"x\":{\"$ref\":\"#/$defs/x\"}}}")));
        assertEquals("/$defs/x/$ref", e.pointer());
        assertEquals("order.schema.json: " + e.reason(), e.getMessage());
    }

    @Test
    void refCycleAcrossClasspathFilesIsRefusedNamingTheFiles() {
        var e = assertThrows(ContractDefinitionException.class, () -> Contract.schema("schemas/cycle-a.schema.json"));
        assertEquals("/$ref", e.pointer());
        assertEquals("$ref cycle at /$ref that never descends into the value: cycle-a.schema.json# -[$ref]-> "
                + "cycle-b.schema.json# -[allOf/0]-> cycle-b.schema.json#/allOf/0 -[$ref]-> cycle-a.schema.json#; "
                + "validating any value would recurse forever. Put the reference under a keyword that moves into the "
                + "value (properties, items, ...) or remove the loop", e.reason());
        // compiled from the other end, the same loop is named from there
        var fromB = assertThrows(ContractDefinitionException.class, () -> Contract.schema("schemas/cycle-b.schema.json"));
        assertEquals("/allOf/0/$ref", fromB.pointer());
    }

    @Test
    void recursionAcrossFilesThatDescendsIsAccepted() {
        var boundary = Boundary.of(Contract.schema("schemas/assembly.schema.json"), "assembly");
        assertTrue(boundary.receive("{\"name\":\"bike\",\"parts\":[\"bell\",{\"name\":\"wheel\",\"parts\":[\"spoke\"]}]}")
                .isAccepted());
        assertFalse(boundary.receive("{\"name\":\"bike\",\"parts\":[{\"parts\":[]}]}").isAccepted());
        assertDoesNotThrow(() -> Contract.schema("schemas/part.schema.json"));
    }

    @Test
    void verifyFindsCyclesAcrossFilesOnDiskInTheSameWords(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("cycle-b.schema.json"), "{\"allOf\":[{\"$ref\":\"cycle-a.schema.json\"}]}");
        var mapper = JsonMapper.builder().build();
        var e = assertThrows(ContractDefinitionException.class, () -> ContractSchemas.verify("cycle-a.schema.json",
                dir.resolve("cycle-a.schema.json").toUri(), mapper.readTree("{\"$ref\":\"cycle-b.schema.json\"}")));
        var onClasspath = assertThrows(ContractDefinitionException.class, () -> Contract.schema("schemas/cycle-a.schema.json"));
        assertEquals(onClasspath.reason(), e.reason());
        assertEquals("/$ref", e.pointer());
        // a loop wholly inside the other file is named there, at the keyword of this one that leads into it
        Files.writeString(dir.resolve("self.schema.json"), "{\"$defs\":{\"x\":{\"$ref\":\"#/$defs/x\"}},\"$ref\":\"#/$defs/x\"}");
        var inOther = assertThrows(ContractDefinitionException.class, () -> ContractSchemas.verify("uses.schema.json",
                dir.resolve("uses.schema.json").toUri(), mapper.readTree("{\"type\":\"object\",\"allOf\":[{\"$ref\":\"self.schema.json\"}]}")));
        assertEquals("/allOf/0/$ref", inOther.pointer());
        assertTrue(inOther.reason().contains("self.schema.json#/$defs/x -[$ref]-> self.schema.json#/$defs/x"), inOther.reason());
        // a reference into a file that is not there is no cycle (the validator reports the missing file)
        assertThrows(ContractDefinitionException.class, () -> ContractSchemas.verify("missing.schema.json",
                dir.resolve("missing.schema.json").toUri(), mapper.readTree("{\"$ref\":\"nowhere.schema.json\"}")));
    }
}
