package dev.baton.runtime.boundary;

import dev.baton.runtime.contract.Contract;
import dev.baton.runtime.contract.RegexBudgetExceededException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * The receiving side of a handoff: strict parse, then JSON Schema validation, then strict binding.
 * The result is the typed value or a typed, owned {@link Rejection} naming its {@link Bucket} — never a
 * half-bound value and never an unowned exception. Immutable and thread-safe; build it once per edge.
 *
 * <pre>{@code
 * Boundary<Summary> boundary = Boundary.of(Contract.of(Summary.class), "summarizer");
 * Received<Summary> received = boundary.receive(modelOutput);
 * }</pre>
 *
 * @param <T> the contract's type
 */
public final class Boundary<T> {
    private static final String BYTE_ORDER_MARK = "a byte order mark is not allowed before JSON (RFC 8259)";
    private static final String UNPAIRED = "an unpaired UTF-16 surrogate, which is not Unicode text,";
    private static final String ESCAPED_UNPAIRED = "an escaped unpaired surrogate (\\uD800-\\uDFFF without its pair), "
            + "which is not Unicode text (I-JSON, RFC 7493),";

    private final Contract<T> contract;
    private final String owner;
    private final Limits limits;
    private final JsonMapper mapper;
    /** Reads one tree and stops, so that a second value can be told apart from trailing prose. */
    private final ObjectReader treeReader;
    /** Binds validated trees; built once so each receive skips the deserializer lookup. */
    private final ObjectReader valueReader;
    /** Typed contracts whose schema the token-stream check decides skip the tree when the payload is valid. */
    private final boolean bindsDirectly;

    private Boundary(Contract<T> contract, String owner, Limits limits) {
        this.contract = Objects.requireNonNull(contract, "contract");
        this.owner = requireText(owner, "owner");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.mapper = StrictJson.mapper(limits);
        // compact containers: the default ones cost 30-50x the payload for many small or deeply nested values
        this.treeReader = mapper.readerFor(JsonNode.class).with(CompactNodes.FACTORY)
                .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.valueReader = mapper.readerFor(contract.type());
        this.bindsDirectly = contract.type() != JsonNode.class && contract.decidesFromTokens();
    }

    /** A boundary with the default {@link Limits}; {@code owner} owns every rejection it produces. */
    public static <T> Boundary<T> of(Contract<T> contract, String owner) {
        return new Boundary<>(contract, owner, Limits.defaults());
    }

    /** @return a builder for a boundary with its own owner and limits */
    public static <T> Builder<T> builder(Contract<T> contract) {
        return new Builder<>(contract);
    }

    /** @return the contract this boundary enforces */
    public Contract<T> contract() {
        return contract;
    }

    /** @return who owns the failures this boundary reports */
    public String owner() {
        return owner;
    }

    /** @return the limits in force */
    public Limits limits() {
        return limits;
    }

    /**
     * Receives a handoff given as text (what model APIs return).
     *
     * @param raw the producer's output; null is treated as empty
     */
    public Received<T> receive(String raw) {
        if (raw == null) {
            return reject(new Rejection.Empty(owner));
        }
        long utf8Length = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x80) {
                utf8Length++;
            } else if (c < 0x800) {
                utf8Length += 2;
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 >= raw.length() || !Character.isLowSurrogate(raw.charAt(i + 1))) {
                    return reject(new Rejection.InvalidEncoding(i, UNPAIRED, owner));
                }
                utf8Length += 4;
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return reject(new Rejection.InvalidEncoding(i, UNPAIRED, owner));
            } else {
                utf8Length += 3;
            }
            if (utf8Length > limits.maxBytes()) {
                // a lower bound suffices: stop counting once over the limit
                return reject(new Rejection.TooLarge(limits.maxBytes(), Math.max(utf8Length, raw.length()), owner));
            }
        }
        if (!raw.isEmpty() && raw.charAt(0) == '\uFEFF') {
            return reject(new Rejection.NotJson(1, 1, BYTE_ORDER_MARK, owner));
        }
        if (raw.isBlank()) {
            return reject(new Rejection.Empty(owner));
        }
        Received<T> direct = bindDirectly(raw, null);
        if (direct != null) {
            return direct;
        }
        try {
            return readOneValue(treeReader.createParser(raw), null, raw);
        } catch (JacksonException e) {
            return reject(classifyParseFailure(e, raw.getBytes(StandardCharsets.UTF_8), raw));
        }
    }

    /**
     * Receives a handoff given as bytes, which must be UTF-8.
     *
     * @param raw the producer's output; null is treated as empty
     */
    public Received<T> receive(byte[] raw) {
        if (raw == null || raw.length == 0) {
            return reject(new Rejection.Empty(owner));
        }
        if (raw.length > limits.maxBytes()) {
            return reject(new Rejection.TooLarge(limits.maxBytes(), raw.length, owner));
        }
        long invalidAt = Utf8.firstInvalidByte(raw);
        if (invalidAt >= 0) {
            return reject(new Rejection.InvalidEncoding(invalidAt, owner));
        }
        if (raw.length >= 3 && (raw[0] & 0xFF) == 0xEF && (raw[1] & 0xFF) == 0xBB && (raw[2] & 0xFF) == 0xBF) {
            return reject(new Rejection.NotJson(1, 1, BYTE_ORDER_MARK, owner));
        }
        if (isBlank(raw)) {
            return reject(new Rejection.Empty(owner));
        }
        // Jackson would read 00 7B 00 22 ... as UTF-16 (and 00 00 00 7B as UTF-32): no JSON text in UTF-8
        // starts with a NUL, and through receive(String) the same bytes are NOT_JSON too
        for (int i = 0; i < Math.min(4, raw.length); i++) {
            if (raw[i] == 0) {
                return reject(new Rejection.NotJson(1, i + 1, "a NUL byte at offset " + i + ": the bytes look like "
                        + "UTF-16 or UTF-32 text, but a handoff must be UTF-8 (RFC 8259)", owner));
            }
        }
        Received<T> direct = bindDirectly(null, raw);
        if (direct != null) {
            return direct;
        }
        try {
            return readOneValue(treeReader.createParser(raw), raw, null);
        } catch (JacksonException e) {
            return reject(classifyParseFailure(e, raw, null));
        }
    }

    /**
     * The hot path for a typed contract: one pass over the tokens decides that the payload is certainly valid,
     * then a second binds it straight from the text, so no tree is built (a tree costs several times the
     * payload in memory). Returns null whenever that path is not certain, and the general path then decides
     * and words the rejection: so this path can only accept what the general path accepts.
     */
    private Received<T> bindDirectly(String text, byte[] bytes) {
        if (!bindsDirectly) {
            return null;
        }
        try (JsonParser parser = Numbers.guard(text != null ? mapper.createParser(text) : mapper.createParser(bytes))) {
            if (!contract.certainlyValid(parser) || parser.nextToken() != null) {
                return null;
            }
        } catch (RuntimeException | StackOverflowError e) {
            return null; // not JSON, two values, a number out of range, a limit: the general path words it
        }
        long surrogate = text != null ? Escapes.firstUnpairedSurrogate(text) : Escapes.firstUnpairedSurrogate(bytes);
        if (surrogate >= 0) {
            return reject(new Rejection.InvalidEncoding(surrogate, ESCAPED_UNPAIRED, owner));
        }
        try {
            T value = text != null ? valueReader.readValue(text) : valueReader.readValue(bytes);
            return value == null ? null : new Accepted<>(value);
        } catch (RuntimeException e) {
            return null; // the general path binds from the tree and reports the failure with its pointer
        } catch (Error e) {
            rethrowIfFatal(e);
            return null; // an Error of the record's constructor: the general path makes it the typed rejection
        }
    }

    /** Exactly one JSON value of representable numbers and Unicode strings, then validation and binding. */
    private Received<T> readOneValue(JsonParser raw, byte[] bytes, String text) {
        JsonNode root;
        try (JsonParser parser = Numbers.guard(raw)) {
            try {
                root = treeReader.readValue(parser);
                // a second value is its own bucket; trailing prose fails in nextToken() as NOT_JSON
                if (parser.nextToken() != null) {
                    return reject(new Rejection.MultipleValues(owner));
                }
            } catch (Numbers.OutOfRange e) {
                return reject(new Rejection.SchemaViolation(List.of(e.violation()), owner));
            } catch (StreamConstraintsException e) {
                Violation tooLong = Numbers.ofConstraint(e, parser);
                if (tooLong == null) throw e;
                return reject(new Rejection.SchemaViolation(List.of(tooLong), owner));
            }
        }
        long surrogate = text != null ? Escapes.firstUnpairedSurrogate(text) : Escapes.firstUnpairedSurrogate(bytes);
        if (surrogate >= 0) {
            return reject(new Rejection.InvalidEncoding(surrogate, ESCAPED_UNPAIRED, owner));
        }
        return validateAndBind(root);
    }

    /**
     * Receives and returns the value, or throws the typed, owned error.
     *
     * @throws RejectedHandoffException if the handoff is rejected
     */
    public T receiveOrThrow(String raw) {
        return receive(raw).orThrow();
    }

    /**
     * Checks an already parsed value (e.g. the payload of an envelope) against the schema and binds it.
     * Limits on bytes and depth apply to the text the value was parsed from, not here.
     */
    public Received<T> receiveTree(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return reject(new Rejection.Empty(owner));
        }
        Violation nonFinite = Numbers.firstNonFinite(value, "");
        if (nonFinite != null) {
            return reject(new Rejection.SchemaViolation(List.of(nonFinite), owner));
        }
        return validateAndBind(value);
    }

    private Received<T> validateAndBind(JsonNode root) {
        if (root == null || root.isNull() || root.isMissingNode()) {
            return reject(new Rejection.Empty(owner));
        }
        List<Violation> violations;
        try {
            violations = contract.validate(root, limits.maxViolations());
        } catch (RegexBudgetExceededException e) {
            return reject(new Rejection.SchemaViolation(List.of(new Violation("", "pattern", e.getMessage())), owner));
        } catch (RuntimeException e) {
            // fail closed: a validator that cannot decide has not accepted the payload
            return reject(new Rejection.SchemaViolation(List.of(new Violation("", "validation-error",
                    "the schema could not be evaluated on this payload: " + e)), owner));
        } catch (Error e) {
            rethrowIfFatal(e);
            return reject(new Rejection.SchemaViolation(List.of(new Violation("", "validation-error",
                    "the schema could not be evaluated on this payload: " + e)), owner));
        }
        if (!violations.isEmpty()) {
            if (root.isString() && Refusals.looksLikeRefusal(root.asString())) {
                return reject(new Rejection.Refusal(Refusals.excerpt(root.asString()), owner));
            }
            return reject(new Rejection.SchemaViolation(violations, owner));
        }
        if (contract.type() == JsonNode.class) {
            @SuppressWarnings("unchecked")
            T value = (T) root;
            return new Accepted<>(value);
        }
        try {
            T value = valueReader.readValue(root);
            if (value == null) {
                return reject(new Rejection.Empty(owner));
            }
            return new Accepted<>(value);
        } catch (JacksonException e) {
            return reject(new Rejection.BindingFailure(pointer(e), e.getOriginalMessage(), owner));
        } catch (RuntimeException e) {
            // a record's compact constructor may reject the value; that is a binding failure, owned like the rest
            return reject(new Rejection.BindingFailure("", e.toString(), owner));
        } catch (Error e) {
            rethrowIfFatal(e);
            return reject(new Rejection.BindingFailure("", e.toString(), owner));
        }
    }

    /**
     * Errors a payload can cause (a {@link StackOverflowError} of a recursive validator or constructor, an
     * {@link AssertionError} in a record's constructor) become the stage's typed rejection: the stack is
     * unwound and the thread is fine. Errors that say the JVM or the deployment is broken
     * ({@link OutOfMemoryError} and the other {@link VirtualMachineError}s, {@link LinkageError}) propagate:
     * rejecting the payload would blame the producer for them, and the process must not go on as if healthy.
     */
    private static void rethrowIfFatal(Error e) {
        if (e instanceof StackOverflowError) return;
        if (e instanceof VirtualMachineError || e instanceof LinkageError) throw e;
    }

    private Rejection classifyParseFailure(JacksonException e, byte[] bytes, String text) {
        if (e instanceof StreamConstraintsException) {
            String message = String.valueOf(e.getOriginalMessage());
            if (message.contains("depth")) {
                return new Rejection.TooDeep(limits.maxDepth(), owner);
            }
            return new Rejection.TooLarge(limits.maxBytes(), bytes.length, owner);
        }
        if (String.valueOf(e.getOriginalMessage()).contains("surrogate")) {
            // the byte parser refuses a lone escaped surrogate in a property name itself: same bucket as in a value
            long surrogate = text != null ? Escapes.firstUnpairedSurrogate(text) : Escapes.firstUnpairedSurrogate(bytes);
            if (surrogate >= 0) {
                return new Rejection.InvalidEncoding(surrogate, ESCAPED_UNPAIRED, owner);
            }
        }
        String asText = text != null ? text : new String(bytes, StandardCharsets.UTF_8);
        String start = asText.stripLeading();
        if (!start.startsWith("{") && !start.startsWith("[") && Refusals.looksLikeRefusal(start)) {
            return new Rejection.Refusal(Refusals.excerpt(start), owner);
        }
        long truncatedAt = Prefixes.truncationOffset(mapper, bytes);
        if (truncatedAt >= 0) {
            return new Rejection.Truncated(truncatedAt, owner);
        }
        TokenStreamLocation location = e.getLocation();
        int line = location == null || location.getLineNr() < 1 ? 1 : location.getLineNr();
        int column = location == null || location.getColumnNr() < 1 ? 1 : location.getColumnNr();
        return new Rejection.NotJson(line, column, firstLine(e.getOriginalMessage()), owner);
    }

    private Received<T> reject(Rejection rejection) {
        return new Rejected<>(rejection);
    }

    private static String pointer(JacksonException e) {
        StringBuilder pointer = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            pointer.append('/');
            if (reference.getPropertyName() != null) {
                pointer.append(reference.getPropertyName().replace("~", "~0").replace("/", "~1"));
            } else if (reference.getIndex() >= 0) {
                pointer.append(reference.getIndex());
            }
        }
        return pointer.toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unparsable input";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    private static boolean isBlank(byte[] raw) {
        for (byte b : raw) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must be non-blank: every rejection needs an owner");
        }
        return value;
    }

    /**
     * Builds a boundary.
     *
     * @param <T> the contract's type
     */
    public static final class Builder<T> {
        private final Contract<T> contract;
        private String owner;
        private Limits limits = Limits.defaults();

        private Builder(Contract<T> contract) {
            this.contract = Objects.requireNonNull(contract, "contract");
        }

        /** @param owner the agent or team that owns this boundary's failures */
        public Builder<T> owner(String owner) {
            this.owner = owner;
            return this;
        }

        /** @param limits resource limits (defaults: {@link Limits#defaults()}) */
        public Builder<T> limits(Limits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** @return the immutable boundary */
        public Boundary<T> build() {
            return new Boundary<>(contract, owner, limits);
        }
    }
}
