package dev.baton.bench.harness;

import dev.baton.runtime.boundary.Boundary;
import dev.baton.runtime.boundary.Bucket;
import dev.baton.runtime.boundary.Received;
import dev.baton.runtime.boundary.RejectedHandoffException;
import dev.baton.runtime.boundary.Rejection;
import dev.baton.runtime.contract.Contract;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Consumers of a triage verdict, each with one realistic silent-failure defect in how it reads
 * upstream text, and their correct twins. Every defect is modelled on a public issue (reference
 * catalogue): the code around it is correct, so the campaign must find exactly that defect.
 */
final class FormatConsumers {

    static final Contract<TriageVerdict> CONTRACT = Contract.of(TriageVerdict.class);
    private static final String OWNER = "triage-agent";
    private static final Set<String> FIELDS = Set.of("ticketId", "priority", "estimateHours", "labels", "summary");

    /** Strict about structure, but lets Jackson coerce scalars ("42" → 42, 1.9 → 1, 5 → "5"). */
    private static final JsonMapper COERCING = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                    DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                    DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES,
                    DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    /** Strict parsing, used to read a tree before a (defective) pre-processing step. */
    private static final JsonMapper STRICT_TREE = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    /**
     * Reads one value and stops, as Jackson 2's {@code readValue} did by default: trailing text is never
     * looked at (Jackson 3 enables FAIL_ON_TRAILING_TOKENS by default; this consumer turned it off).
     */
    private static final JsonMapper FIRST_VALUE = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    /** Jackson's default duplicate handling: the last value wins. */
    private static final JsonMapper LAST_KEY_WINS = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private FormatConsumers() {
    }

    static Boundary<TriageVerdict> boundary() {
        return Boundary.of(CONTRACT, OWNER);
    }

    // ---- correct twins ---------------------------------------------------------------------------

    /** Receives through the boundary and lets the typed rejection propagate. */
    static TriageVerdict strict(String raw) {
        return boundary().receiveOrThrow(raw);
    }

    /** Returns the boundary's {@code Received} instead of throwing. */
    static Received<TriageVerdict> returnsReceived(String raw) {
        return boundary().receive(raw);
    }

    /** Logs the rejection and rethrows it unchanged (the fixed "catch and return default"). */
    static TriageVerdict logsAndRethrows(String raw) {
        try {
            return boundary().receiveOrThrow(raw);
        } catch (RejectedHandoffException e) {
            System.getLogger("dispatcher").log(System.Logger.Level.DEBUG, "rejected: {0}", e.getMessage());
            throw e;
        }
    }

    /** Wraps the rejection for its own API but keeps bucket and owner (the fixed "bucket collapse"). */
    static TriageVerdict keepsBucketWhenWrapping(String raw) {
        Received<TriageVerdict> received = boundary().receive(raw);
        if (received instanceof dev.baton.runtime.boundary.Rejected<TriageVerdict> rejected) {
            throw new RejectedHandoffException(rejected.rejection());
        }
        return received.orThrow();
    }

    // ---- defects ---------------------------------------------------------------------------------

    /** Binds with a structure-strict mapper that still coerces scalars; the boundary only sees what fails. */
    static TriageVerdict scalarCoercion(String raw) {
        try {
            TriageVerdict v = COERCING.readValue(raw, TriageVerdict.class);
            if (v != null) {
                return v;
            }
        } catch (JacksonException e) {
            // fall through to the boundary for a typed rejection
        }
        return strict(raw);
    }

    /** Reads the first JSON value and ignores whatever follows it (Jackson 2's default behaviour). */
    static TriageVerdict firstObjectWins(String raw) {
        try (JsonParser parser = FIRST_VALUE.createParser(raw)) {
            JsonNode first = FIRST_VALUE.readTree(parser);
            if (first != null && !first.isMissingNode()) {
                return boundary().receiveTree(first).orThrow();
            }
        } catch (JacksonException e) {
            // not even a first value: let the boundary classify it
        }
        return strict(raw);
    }

    private static final Pattern FENCE = Pattern.compile("^\\s*```[a-zA-Z]*\\s*\\n(.*?)\\n\\s*```\\s*$", Pattern.DOTALL);

    /** Strips markdown fences before parsing, and loses the content of single-line fences (spring-ai#6403). */
    static TriageVerdict fenceStripping(String raw) {
        Matcher m = FENCE.matcher(raw);
        String cleaned = m.matches() ? m.group(1) : raw.strip().startsWith("```") ? "" : raw;
        return strict(cleaned);
    }

    /** Swallows rejections and goes on with a default verdict (ragas#945, python-genai#2312). */
    static TriageVerdict catchAndReturnDefault(String raw) {
        try {
            return strict(raw);
        } catch (RejectedHandoffException e) {
            return TriageVerdict.DEFAULT;
        }
    }

    /** Treats any text that is not an object as the summary: refusals become content. */
    static TriageVerdict refusalAsContent(String raw) {
        String text = raw.strip();
        if (!text.isEmpty() && !text.startsWith("{") && !text.startsWith("[")) {
            return new TriageVerdict("unknown", TriageVerdict.Priority.NORMAL, 0, List.of(), text);
        }
        return strict(raw);
    }

    /** Drops fields it does not know before validating (Jackson 3's default, done by hand). */
    static TriageVerdict unknownFieldsDropped(String raw) {
        JsonNode tree = tree(raw, STRICT_TREE);
        if (tree instanceof ObjectNode object) {
            object.retain(FIELDS);
            return boundary().receiveTree(object).orThrow();
        }
        return strict(raw);
    }

    /** Repairs truncated output by closing open strings and brackets (mastra#24442). */
    static TriageVerdict truncationRepair(String raw) {
        try {
            return strict(raw);
        } catch (RejectedHandoffException e) {
            if (e.bucket() != Bucket.TRUNCATED) {
                throw e;
            }
            return strict(closeOpenStructures(raw));
        }
    }

    /** Rewrites Python-ish JSON (quotes, literals, trailing commas, comments) before parsing (json_repair). */
    static TriageVerdict syntaxRepair(String raw) {
        try {
            return strict(raw);
        } catch (RejectedHandoffException e) {
            if (e.bucket() != Bucket.NOT_JSON) {
                throw e;
            }
            String repaired = raw.replace('\'', '"')
                    .replaceAll("\\bTrue\\b", "true").replaceAll("\\bFalse\\b", "false").replaceAll("\\bNone\\b", "null")
                    .replaceAll("(?m)\\s*(//|#).*$", "")
                    .replaceAll(",\\s*([}\\]])", "$1");
            return strict(repaired);
        }
    }

    /** Upper-cases the priority before validating: "urgent" and "Urgent" pass as URGENT (langchain4j#4045). */
    static TriageVerdict caseInsensitiveEnum(String raw) {
        JsonNode tree = tree(raw, STRICT_TREE);
        if (tree instanceof ObjectNode object && object.path("priority").isString()) {
            object.put("priority", object.get("priority").asString().toUpperCase(Locale.ROOT));
            return boundary().receiveTree(object).orThrow();
        }
        return strict(raw);
    }

    /** Fills nulls with defaults before validating (guardrails#479: null turned into a value). */
    static TriageVerdict nullToDefault(String raw) {
        JsonNode tree = tree(raw, STRICT_TREE);
        if (tree instanceof ObjectNode object) {
            Map<String, JsonNode> defaults = Map.of("ticketId", object.stringNode("unknown"),
                    "priority", object.stringNode("NORMAL"), "estimateHours", object.numberNode(0),
                    "labels", object.arrayNode(), "summary", object.stringNode(""));
            for (Map.Entry<String, JsonNode> d : defaults.entrySet()) {
                if (object.has(d.getKey()) && object.get(d.getKey()).isNull()) {
                    object.set(d.getKey(), d.getValue());
                }
            }
            return boundary().receiveTree(object).orThrow();
        }
        return strict(raw);
    }

    /** Binds with a mapper and lets its exceptions escape: failures nobody owns (and no typed bucket). */
    static TriageVerdict unownedException(String raw) {
        return COERCING.readValue(raw, TriageVerdict.class);
    }

    /** Reports every rejection as NOT_JSON: truncation, refusal and schema errors look alike (TanStack/ai#1426). */
    static TriageVerdict bucketCollapse(String raw) {
        try {
            return strict(raw);
        } catch (RejectedHandoffException e) {
            throw new RejectedHandoffException(new Rejection.NotJson(1, 1, e.getMessage(), e.owner()));
        }
    }

    /** Decodes a JSON string a second time when the payload is one (kimi-cli#2513, the other way round). */
    static TriageVerdict doubleDecoding(String raw) {
        JsonNode tree = tree(raw, STRICT_TREE);
        if (tree != null && tree.isString()) {
            JsonNode inner = tree(tree.asString(), STRICT_TREE);
            if (inner != null) {
                return boundary().receiveTree(inner).orThrow();
            }
        }
        return strict(raw);
    }

    /** Unwraps a single-key wrapper object ({"Answer": {...}}) before validating (ollama-instructor#6). */
    static TriageVerdict wrapperUnwrapping(String raw) {
        JsonNode tree = tree(raw, STRICT_TREE);
        if (tree instanceof ObjectNode object && object.size() == 1) {
            JsonNode only = object.values().iterator().next();
            if (only.isObject()) {
                return boundary().receiveTree(only).orThrow();
            }
        }
        return strict(raw);
    }

    /** Parses without duplicate detection, so the last duplicate key silently wins. */
    static TriageVerdict duplicateKeysLastWins(String raw) {
        JsonNode tree = tree(raw, LAST_KEY_WINS);
        if (tree != null && !tree.isNull()) {
            return boundary().receiveTree(tree).orThrow();
        }
        return strict(raw);
    }

    private static JsonNode tree(String raw, JsonMapper mapper) {
        if (raw == null || raw.isBlank() || raw.length() > 1_000_000) {
            return null;
        }
        try {
            return mapper.readTree(raw);
        } catch (JacksonException e) {
            return null;
        }
    }

    /** Closes an unterminated string and every open bracket, the way output "repairers" do. */
    static String closeOpenStructures(String raw) {
        Deque<Character> open = new ArrayDeque<>();
        boolean inString = false;
        boolean escaped = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> inString = true;
                case '{' -> open.push('}');
                case '[' -> open.push(']');
                case '}', ']' -> {
                    if (!open.isEmpty()) {
                        open.pop();
                    }
                }
                default -> {
                }
            }
        }
        StringBuilder out = new StringBuilder(raw.stripTrailing());
        if (escaped) {
            out.setLength(out.length() - 1);
        }
        if (inString) {
            out.append('"');
        }
        String s = out.toString().replaceAll("[,:]\\s*$", "");
        out = new StringBuilder(s);
        for (Iterator<Character> it = open.iterator(); it.hasNext(); ) {
            out.append(it.next());
        }
        return out.toString();
    }
}
