package dev.baton.runtime.boundary;

import dev.baton.runtime.contract.Contract;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Values that are JSON but not what they seem: other encodings, unpaired surrogates, numbers a double cannot
 * hold, code that throws an Error. Each ends in its typed rejection with a true message; none escapes.
 */
class HostileValuesTest {

    final Boundary<JsonNode> any = Boundary.of(Contract.fromJson("any.schema.json", "{}"), "p");

    static Rejection rejection(Received<?> received) {
        return assertInstanceOf(Rejected.class, received).rejection();
    }

    static Violation onlyViolation(Received<?> received) {
        Rejection.SchemaViolation violation = assertInstanceOf(Rejection.SchemaViolation.class, rejection(received));
        assertEquals(1, violation.violations().size(), violation::message);
        return violation.violations().get(0);
    }

    // 3. bytes are UTF-8 only

    @Test
    void utf16AndUtf32BytesAreNotJsonAsThroughText() {
        String json = "{\"s\":\"x\"}";
        for (String charset : List.of("UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE")) {
            byte[] bytes = json.getBytes(Charset.forName(charset));
            Rejection.NotJson notJson = assertInstanceOf(Rejection.NotJson.class, rejection(any.receive(bytes)), charset);
            assertTrue(notJson.message().contains("a NUL byte at offset " + (charset.endsWith("BE") ? 0 : 1))
                    && notJson.message().contains("must be UTF-8"), notJson::message);
            // the same bytes read as UTF-8 text are NOT_JSON through receive(String) too
            assertEquals(Bucket.NOT_JSON, rejection(any.receive(new String(bytes, StandardCharsets.UTF_8))).bucket(), charset);
        }
        // 00 7B 00 22 ... in the words
        byte[] shaped = {0x00, 0x7B, 0x00, 0x22, 0x00, 0x73, 0x00, 0x22, 0x00, 0x3A, 0x00, 0x22, 0x00, 0x78, 0x00, 0x22, 0x00, 0x7D};
        assertEquals(Bucket.NOT_JSON, rejection(any.receive(shaped)).bucket());
        // with a UTF-16 byte order mark the bytes are not even UTF-8
        byte[] withBom = {(byte) 0xFE, (byte) 0xFF, 0x00, 0x7B, 0x00, 0x7D};
        assertEquals("invalid UTF-8 at offset 0", rejection(any.receive(withBom)).message());
        assertTrue(any.receive(json.getBytes(StandardCharsets.UTF_8)).isAccepted());
    }

    // 3. escaped unpaired surrogates are not Unicode text (I-JSON, RFC 7493)

    @Test
    void escapedUnpairedSurrogatesAreInvalidEncodingInValuesAndKeys() {
        assertSurrogate("{\"s\":\"\\uD800\"}", 6);
        assertSurrogate("{\"\\uDC00\":1}", 2);
        assertSurrogate("[\"ok\",\"a\\uD83Db\"]", 8);          // high surrogate followed by a letter
        assertSurrogate("\"\\uD800\\u0041\"", 1);               // followed by an escape that is no low surrogate
        assertSurrogate("\"\\uDE00\\uD83D\"", 1);               // the pair in the wrong order
        assertSurrogate("\"\\n\\uD800\"", 3);
        assertTrue(any.receive("{\"s\":\"\\uD83D\\uDE00\"}").isAccepted());
        assertEquals("\uD83D\uDE00", ((JsonNode) any.receive("\"\\ud83d\\ude00\"").orThrow()).asString());
        // an escaped backslash followed by "uD800" is six ordinary characters
        assertEquals("\\uD800", ((JsonNode) any.receive("\"\\\\uD800\"").orThrow()).asString());
        // an unpaired surrogate char in a Java string says so
        assertEquals("an unpaired UTF-16 surrogate, which is not Unicode text, at offset 2",
                rejection(any.receive("\"a\uD800\"")).message());
    }

    private void assertSurrogate(String json, long offset) {
        for (Received<JsonNode> received : List.of(any.receive(json), any.receive(json.getBytes(StandardCharsets.UTF_8)))) {
            Rejection.InvalidEncoding invalid = assertInstanceOf(Rejection.InvalidEncoding.class, rejection(received), json);
            assertEquals(offset, invalid.offset(), json);
            assertEquals("an escaped unpaired surrogate (\\uD800-\\uDFFF without its pair), which is not Unicode text "
                    + "(I-JSON, RFC 7493), at offset " + offset, invalid.message());
        }
    }

    // 4. numbers a double cannot hold

    @Test
    void infiniteAndUnderflowingNumbersAreRejectedNamingTheField() {
        Violation infinite = onlyViolation(any.receive("{\"n\":1e999999}"));
        assertEquals("/n", infinite.pointer());
        assertEquals("number-range", infinite.keyword());
        assertEquals("the number 1e999999 is outside the range of an IEEE 754 double (magnitude up to "
                + "1.7976931348623157e308), as I-JSON (RFC 7493) requires", infinite.message());
        Violation underflow = onlyViolation(any.receive("{\"a\":[1,{\"n\":-1e-999999}]}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("/a/1/n", underflow.pointer());
        assertEquals("the number -1e-999999 is too close to zero for an IEEE 754 double (it would be read as 0), "
                + "as I-JSON (RFC 7493) requires", underflow.message());
        assertEquals("", onlyViolation(any.receive("-1E400")).pointer());
        assertEquals("/0", onlyViolation(any.receive("[1.5e309]")).pointer());
        // without an exponent too: a 310-digit integer part overflows, 330 leading fractional zeros underflow
        assertEquals("number-range", onlyViolation(any.receive("{\"n\":" + "9".repeat(310) + ".5}")).keyword());
        assertEquals("/n", onlyViolation(any.receive(("{\"n\":0." + "0".repeat(330) + "1}").getBytes(StandardCharsets.UTF_8))).pointer());
        assertTrue(any.receive("{\"n\":" + "9".repeat(290) + ".5}").isAccepted());
        // zeros, the largest double and subnormals are fine
        for (String ok : List.of("0.0", "-0.0", "0e-999999", "0.000e5", "1.7976931348623157e308", "4.9e-324", "1e-310")) {
            assertTrue(any.receive("{\"n\":" + ok + "}").isAccepted(), ok);
        }
    }

    @Test
    void aSchemaOnlyContractNeverReserialisesInfinity() {
        assertEquals(Bucket.SCHEMA_VIOLATION, rejection(any.receive("{\"n\":1e999999}")).bucket());
        // a tree built elsewhere (an envelope's payload) is checked too
        JsonNode infinite = JsonNodeFactory.instance.objectNode().put("n", Double.POSITIVE_INFINITY);
        Violation violation = onlyViolation(any.receiveTree(infinite));
        assertEquals("/n", violation.pointer());
        assertEquals("number-range", violation.keyword());
        JsonNode accepted = (JsonNode) any.receive("{\"n\":1e308}").orThrow();
        assertEquals("{\"n\":1.0E308}", accepted.toString());
    }

    @Test
    void multipleOfDoesNotAcceptAnUnderflowedZero() {
        Boundary<JsonNode> three = Boundary.of(Contract.fromJson("three.schema.json",
                "{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"number\",\"multipleOf\":3}}}"), "p");
        Violation violation = onlyViolation(three.receive("{\"n\":1e-999999}"));
        assertEquals("/n", violation.pointer());
        assertEquals("number-range", violation.keyword());
        assertTrue(three.receive("{\"n\":9}").isAccepted());
        assertTrue(three.receive("{\"n\":0}").isAccepted());
        assertEquals(Bucket.SCHEMA_VIOLATION, rejection(three.receive("{\"n\":1e-300}")).bucket());
    }

    record Price(BigDecimal amount) {
    }

    record Ratio(float value) {
    }

    record Count(int value) {
    }

    @Test
    void typedFieldsGetTrueMessages() {
        Boundary<Price> price = Boundary.of(Contract.of(Price.class), "billing");
        Violation infinite = onlyViolation(price.receive("{\"amount\":1e999999}"));
        assertEquals("/amount", infinite.pointer());
        assertTrue(infinite.message().startsWith("the number 1e999999 is outside the range of an IEEE 754 double"),
                infinite::message);
        assertFalse(rejection(price.receive("{\"amount\":1e999999}")).message().contains("NaN"));
        assertEquals(new BigDecimal("12.5"), price.receive("{\"amount\":12.5}").orThrow().amount());
        // a float would silently become Infinity: the generated schema carries the float's range
        Violation ratio = onlyViolation(Boundary.of(Contract.of(Ratio.class), "p").receive("{\"value\":1e39}"));
        assertEquals("/value", ratio.pointer());
        assertEquals("maximum", ratio.keyword());
        Violation count = onlyViolation(Boundary.of(Contract.of(Count.class), "p").receive("{\"value\":99999999999}"));
        assertEquals("/value", count.pointer());
        assertEquals("maximum", count.keyword());
    }

    @Test
    void aThousandDigitNumberIsNamedNotTooLarge() {
        String payload = "{\"n\":" + "1".repeat(1001) + "}";
        assertEquals(1007, payload.getBytes(StandardCharsets.UTF_8).length);
        for (Received<JsonNode> received : List.of(any.receive(payload), any.receive(payload.getBytes(StandardCharsets.UTF_8)))) {
            Rejection rejection = rejection(received);
            assertEquals(Bucket.SCHEMA_VIOLATION, rejection.bucket());
            Violation violation = ((Rejection.SchemaViolation) rejection).violations().get(0);
            assertEquals("/n", violation.pointer());
            assertEquals("number-length", violation.keyword());
            assertEquals("a number longer than the limit of 1000 digits (reading longer numbers costs more than linear time)",
                    violation.message());
            assertFalse(rejection.message().contains("4194304"), rejection::message);
        }
        assertEquals("/1/0", onlyViolation(any.receive("[0,[0." + "5".repeat(1200) + "]]")).pointer());
        assertTrue(any.receive("{\"n\":" + "1".repeat(1000) + "}").isAccepted());
    }

    // 5. no Error escapes but those that say the JVM is broken

    record Recursive(String name) {
        Recursive {
            depth(0);
        }

        static int depth(int n) {
            return depth(n + 1) + 1;
        }
    }

    record Asserting(String name) {
        Asserting {
            if (name.isEmpty()) throw new AssertionError("name must not be empty");
        }
    }

    record Exhausting(String name) {
        Exhausting {
            if (name.equals("oom")) throw new OutOfMemoryError("simulated: the heap is exhausted");
        }
    }

    @Test
    void stackOverflowAndAssertionErrorsAreTypedRejections() {
        Rejection overflow = rejection(Boundary.of(Contract.of(Recursive.class), "p").receive("{\"name\":\"x\"}"));
        assertEquals(Bucket.BINDING_FAILURE, overflow.bucket());
        assertTrue(overflow.message().contains("StackOverflowError"), overflow::message);
        Rejection assertion = rejection(Boundary.of(Contract.of(Asserting.class), "p").receive("{\"name\":\"\"}"));
        assertEquals(Bucket.BINDING_FAILURE, assertion.bucket());
        assertTrue(assertion.message().contains("name must not be empty"), assertion::message);
    }

    @Test
    void outOfMemoryErrorPropagates() {
        Boundary<Exhausting> boundary = Boundary.of(Contract.of(Exhausting.class), "p");
        assertTrue(boundary.receive("{\"name\":\"fine\"}").isAccepted());
        OutOfMemoryError e = assertThrows(OutOfMemoryError.class, () -> boundary.receive("{\"name\":\"oom\"}"));
        assertEquals("simulated: the heap is exhausted", e.getMessage());
    }
}
