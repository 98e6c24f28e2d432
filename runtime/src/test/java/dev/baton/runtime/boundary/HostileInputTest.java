package dev.baton.runtime.boundary;

import dev.baton.runtime.ResearchNotes;
import dev.baton.runtime.contract.Contract;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hostile input ends in a clean, bounded rejection with its bucket: nothing hangs, nothing overflows. */
class HostileInputTest {

    final Boundary<ResearchNotes> boundary = Boundary.of(Contract.of(ResearchNotes.class), "researcher");

    static Rejection rejection(Received<?> received) {
        return assertInstanceOf(Rejected.class, received).rejection();
    }

    @Test
    void hundredMegabytePayloadIsTooLargeBeforeParsing() {
        byte[] huge = new byte[100 * 1024 * 1024];
        Arrays.fill(huge, (byte) ' ');
        huge[0] = '[';
        huge[huge.length - 1] = ']';
        Rejection.TooLarge tooLarge = (Rejection.TooLarge) rejection(boundary.receive(huge));
        assertEquals(Limits.DEFAULT_MAX_BYTES, tooLarge.limit());
        assertEquals(huge.length, tooLarge.actual());
    }

    @Test
    void hundredMegabyteStringIsTooLarge() {
        String huge = "[" + "1,".repeat(50 * 1024 * 1024) + "1]";
        assertEquals(Bucket.TOO_LARGE, rejection(boundary.receive(huge)).bucket());
    }

    @Test
    void limitIsConfigurable() {
        Boundary<JsonNode> small = Boundary.builder(Contract.fromJson("any", "{}")).owner("p")
                .limits(Limits.defaults().withMaxBytes(10)).build();
        assertEquals(Bucket.TOO_LARGE, rejection(small.receive("[1,2,3,4,5,6]")).bucket());
        assertTrue(small.receive("[1,2,3]").isAccepted());
    }

    @Test
    void hundredThousandLevelsIsTooDeepNotStackOverflow() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        Rejection.TooDeep tooDeep = (Rejection.TooDeep) rejection(boundary.receive(deep));
        assertEquals(Limits.DEFAULT_MAX_DEPTH, tooDeep.limit());
        String deepObjects = "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000);
        assertEquals(Bucket.TOO_DEEP, rejection(boundary.receive(deepObjects.getBytes(StandardCharsets.UTF_8))).bucket());
        // truncated deep input too: the depth limit wins over the truncation check
        assertEquals(Bucket.TOO_DEEP, rejection(boundary.receive("[".repeat(100_000))).bucket());
    }

    @Test
    void depthWithinLimitIsAccepted() {
        Boundary<JsonNode> any = Boundary.of(Contract.fromJson("any", "{}"), "p");
        String ok = "[".repeat(100) + "]".repeat(100);
        assertTrue(any.receive(ok).isAccepted());
    }

    @Test
    void invalidUtf8IsInvalidEncodingWithOffset() {
        byte[] prefix = "{\"topic\":\"caf".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = Arrays.copyOf(prefix, prefix.length + 4);
        bytes[prefix.length] = (byte) 0xC3;      // start of a 2-byte sequence ...
        bytes[prefix.length + 1] = (byte) 0x28;  // ... followed by a non-continuation byte
        bytes[prefix.length + 2] = '"';
        bytes[prefix.length + 3] = '}';
        Rejection.InvalidEncoding invalid = (Rejection.InvalidEncoding) rejection(boundary.receive(bytes));
        assertEquals(prefix.length, invalid.offset());
        // overlong encoding of '/' and a lone continuation byte
        assertEquals(Bucket.INVALID_ENCODING, rejection(boundary.receive(new byte[] {'"', (byte) 0xC0, (byte) 0xAF, '"'})).bucket());
        assertEquals(Bucket.INVALID_ENCODING, rejection(boundary.receive(new byte[] {(byte) 0x80})).bucket());
        // encoded surrogate U+D800
        assertEquals(Bucket.INVALID_ENCODING, rejection(boundary.receive(new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'})).bucket());
        // unpaired surrogate in a Java string
        assertEquals(Bucket.INVALID_ENCODING, rejection(boundary.receive("\"a\uD800b\"")).bucket());
        // valid multi-byte text is fine
        Boundary<JsonNode> any = Boundary.of(Contract.fromJson("any", "{}"), "p");
        assertTrue(any.receive("\"caf\u00e9 \uD83D\uDE00 \u20AC\"".getBytes(StandardCharsets.UTF_8)).isAccepted());
    }

    @Test
    void catastrophicRegexRunsInLinearTimeOnRe2() {
        // ^(a+)+$ backtracks exponentially in java.util.regex; on RE2/J it is an ordinary, immediate mismatch
        Boundary<JsonNode> regex = Boundary.of(Contract.schema("schemas/catastrophic-regex.schema.json"), "wordsmith");
        String evil = "{\"word\":\"" + "a".repeat(5_000) + "!\"}";
        Rejection.SchemaViolation violation = (Rejection.SchemaViolation) rejection(regex.receive(evil));
        assertEquals("/word", violation.violations().get(0).pointer());
        assertEquals("pattern", violation.violations().get(0).keyword());
        assertTrue(regex.receive("{\"word\":\"" + "a".repeat(5_000) + "\"}").isAccepted());
        assertEquals(Bucket.SCHEMA_VIOLATION, rejection(regex.receive("{\"word\":\"ab\"}")).bucket());
    }

    @Test
    void catastrophicRegexRe2CannotRunIsBoundedByTheStepBudget() {
        // a lookahead keeps the pattern on java.util.regex, whose step budget ends the backtracking
        Boundary<JsonNode> regex = Boundary.of(Contract.fromJson("lookahead.schema.json", "{\"type\":\"object\","
                + "\"properties\":{\"word\":{\"type\":\"string\",\"pattern\":\"^(?=a)(a+)+$\"}}}"), "wordsmith");
        String evil = "{\"word\":\"" + "a".repeat(5_000) + "!\"}";
        Rejection.SchemaViolation violation = (Rejection.SchemaViolation) rejection(regex.receive(evil));
        assertEquals("pattern", violation.violations().get(0).keyword());
        assertTrue(violation.message().contains("exceeded its budget of 5000000 steps"), violation::message);
        assertTrue(regex.receive("{\"word\":\"aaa\"}").isAccepted());
    }

    @Test
    void alternationStarOnAHundredKilobytesIsNoStackOverflow() {
        // java.util.regex recurses once per repetition of (a|b): 100 KB overflowed the stack of the receiving thread
        Boundary<JsonNode> ab = Boundary.of(Contract.fromJson("ab.schema.json", "{\"type\":\"object\",\"properties\":"
                + "{\"s\":{\"type\":\"string\",\"pattern\":\"^(a|b)*$\"}},\"patternProperties\":{\"^(x|y)*$\":"
                + "{\"type\":\"integer\"}}}"), "p");
        String value = "ab".repeat(50_000);
        assertTrue(ab.receive("{\"s\":\"" + value + "\"}").isAccepted());
        Rejection.SchemaViolation bad = (Rejection.SchemaViolation) rejection(ab.receive("{\"s\":\"" + value + "c\"}"));
        assertEquals("/s", bad.violations().get(0).pointer());
        assertEquals("pattern", bad.violations().get(0).keyword());
        String key = "xy".repeat(50_000);
        assertTrue(ab.receive("{\"" + key + "\":1}").isAccepted());
        Rejection.SchemaViolation typed = (Rejection.SchemaViolation) rejection(ab.receive("{\"" + key + "\":\"one\"}"));
        assertEquals("/" + key, typed.violations().get(0).pointer());
        assertEquals("type", typed.violations().get(0).keyword());
    }

    @Test
    void patternRe2CannotRunThatOverflowsTheStackIsATypedRejection() {
        // a backreference keeps the pattern on java.util.regex, which recurses per repetition and overflows
        Boundary<JsonNode> ab = Boundary.of(Contract.fromJson("backref.schema.json", "{\"type\":\"string\","
                + "\"pattern\":\"^(a|b)*(c)\\\\2?$\"}"), "p");
        assertTrue(ab.receive("\"abc\"").isAccepted());
        Rejection.SchemaViolation violation = (Rejection.SchemaViolation) rejection(ab.receive("\"" + "ab".repeat(50_000) + "\""));
        assertEquals("pattern", violation.violations().get(0).keyword());
        assertTrue(violation.message().contains("recursed deeper than the stack allows on a value of 100000 characters"),
                violation::message);
    }
}
