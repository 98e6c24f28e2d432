package dev.baton.bench.runtime;

import dev.baton.runtime.boundary.Boundary;
import dev.baton.runtime.boundary.StrictJson;
import dev.baton.runtime.contract.Contract;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;

/**
 * The payloads of {@link BoundaryAllocationBenchmark}: realistic hand-offs and the adversarial shapes that
 * cost the most memory per payload byte, each with the contract it is received under and the bare strict
 * Jackson reader of the same bytes to the same target type. Every payload is valid under its contract, so
 * the receive does all its work: parse, validate, bind.
 */
public enum PayloadShape {

    /** The 2 KB research hand-off of {@link BoundaryReceiveBenchmark}, bound to a record. */
    REALISTIC_2K("realistic-2k", BoundaryReceiveBenchmark.ResearchNotes.class, null, size -> researchNotes(6)),
    /** The same record with enough findings to make about 3 MB. */
    REALISTIC_3M("realistic-3m", BoundaryReceiveBenchmark.ResearchNotes.class, null, size -> {
        int findings = 1;
        while (researchNotes(findings).length < size) {
            findings *= 2;
        }
        int low = findings / 2;
        while (low < findings) { // the largest count still under the size
            int middle = (low + findings + 1) / 2;
            if (researchNotes(middle).length <= size) {
                low = middle;
            } else {
                findings = middle - 1;
            }
        }
        return researchNotes(low);
    }),
    /** {@code [{},{},…]}: one container node per three payload bytes. */
    MANY_SMALL_OBJECTS("many-small-objects", JsonNode.class,
            "{\"type\":\"array\",\"items\":{\"type\":\"object\"}}", size -> repeated("[", "{}", "]", size)),
    /** {@code {"text":"aaaa…"}} bound to a one-string record. */
    LONG_STRING("long-string", Text.class, null,
            size -> ("{\"text\":\"" + "a".repeat(size - 11) + "\"}").getBytes(StandardCharsets.UTF_8)),
    /** {@code [0,1,2,…]}: one number node per six or seven payload bytes. */
    WIDE_ARRAY("wide-array", JsonNode.class, "{\"type\":\"array\",\"items\":{\"type\":\"integer\"}}", size -> {
        StringBuilder json = new StringBuilder(size + 16).append('[');
        for (int i = 0; json.length() < size - 8; i++) {
            json.append(i == 0 ? "" : ",").append(i);
        }
        return json.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }),
    /** Arrays nested 100 deep ({@code [[[…]]]}), repeated: one container node per two payload bytes. */
    DEEP_ARRAYS("deep-arrays", JsonNode.class, "{\"type\":\"array\"}",
            size -> repeated("[", "[".repeat(100) + "]".repeat(100), "]", size)),
    /** Objects nested 100 deep ({@code {"a":{"a":…1…}}}), repeated: one single-member object per six bytes. */
    DEEP_OBJECTS("deep-objects", JsonNode.class, "{\"type\":\"array\"}",
            size -> repeated("[", "{\"a\":".repeat(100) + "1" + "}".repeat(100), "]", size));

    /** Adversarial payloads are this large: under the default 4 MiB limit, like the 3 MB case. */
    public static final int LARGE = 3_000_000;

    /** A one-string record. */
    public record Text(String text) {
    }

    private final String label;
    private final Class<?> type;
    private final String schema;
    private final IntFunction<byte[]> payload;

    PayloadShape(String label, Class<?> type, String schema, IntFunction<byte[]> payload) {
        this.label = label;
        this.type = type;
        this.schema = schema;
        this.payload = payload;
    }

    /** @return the name used as the JMH parameter */
    public String label() {
        return label;
    }

    /** @return the shape with this label */
    public static PayloadShape of(String label) {
        for (PayloadShape shape : values()) {
            if (shape.label.equals(label)) {
                return shape;
            }
        }
        throw new IllegalArgumentException("unknown shape " + label);
    }

    /** @return the payload bytes (built afresh) */
    public byte[] payload() {
        return payload.apply(LARGE);
    }

    /** @return a boundary with the default limits for this shape's contract */
    public Boundary<?> boundary() {
        Contract<?> contract = schema == null ? Contract.of(type) : Contract.fromJson(label, schema);
        return Boundary.of(contract, "bench");
    }

    /** @return the strict mapper's reader to the same target type, without schema validation */
    public ObjectReader bareReader() {
        return StrictJson.mapper().readerFor(type);
    }

    private static byte[] repeated(String open, String element, String close, int size) {
        StringBuilder json = new StringBuilder(size + element.length() + 2).append(open);
        for (boolean first = true; json.length() + element.length() + 1 + close.length() <= size; first = false) {
            json.append(first ? "" : ",").append(element);
        }
        return json.append(close).toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The research hand-off with {@code findings} findings: 6 make the 2 KB payload of {@link BoundaryReceiveBenchmark}. */
    static byte[] researchNotes(int findings) {
        StringBuilder json = new StringBuilder("{\"topic\":\"Where multi-agent systems break\",")
                .append("\"summary\":\"Handoffs between agents fail silently when the receiver parses leniently; ")
                .append("contracts validated on the receiving side turn silent corruption into owned errors.\",")
                .append("\"findings\":[");
        for (int i = 0; i < findings; i++) {
            json.append(i == 0 ? "" : ",")
                    .append("{\"claim\":\"Finding number ").append(i)
                    .append(" about fenced, truncated or coerced JSON at an agent seam\",")
                    .append("\"evidence\":\"Issue tracker reports show models wrapping JSON in prose and fences.\",")
                    .append("\"confidence\":0.").append(7 + i % 3)
                    .append(",\"source\":\"https://example.org/reports/").append(1000 + i).append("\",")
                    .append("\"tags\":[\"format\",\"seam\",\"p1\"]}");
        }
        json.append("],\"openQuestions\":[\"How often do repairs succeed?\",\"Who owns a refusal?\"],")
                .append("\"status\":\"REVIEWED\",\"overallConfidence\":0.82}");
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }
}
