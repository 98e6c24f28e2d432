package dev.baton.runtime.contract;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import dev.baton.runtime.boundary.Violation;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The contract of a handoff: a Java type, a JSON Schema, or both kept in agreement. Immutable and
 * thread-safe; build it once (the factory methods cache by type and resource) and share it.
 *
 * <pre>{@code
 * Contract<ResearchNotes> notes = Contract.of(ResearchNotes.class);                 // schema generated
 * Contract<ResearchNotes> filed = Contract.of(ResearchNotes.class, "schemas/notes.schema.json");
 * Contract<JsonNode> raw = Contract.schema("schemas/notes.schema.json");
 * }</pre>
 *
 * @param <T> the type a valid payload binds to
 */
public final class Contract<T> {

    private static final Map<String, Contract<?>> CACHE = new ConcurrentHashMap<>();

    private final String id;
    private final Class<T> type;
    private final JsonNode schemaNode;
    private final Schema schema;
    private final String schemaHash;
    /** Null when the schema uses keywords outside the fast subset: then networknt decides every time. */
    private final FastAcceptance fastAcceptance;

    private Contract(String id, Class<T> type, JsonNode schemaNode, Schema schema, String schemaHash) {
        this.id = id;
        this.type = type;
        this.schemaNode = schemaNode;
        this.schema = schema;
        this.schemaHash = schemaHash;
        this.fastAcceptance = FastAcceptance.of(schemaNode, schema);
    }

    /**
     * A contract whose schema is generated from a record (every component required unless
     * {@code Optional}/{@code @Nullable}; no additional properties).
     *
     * @throws ContractDefinitionException if the type is not a record or has a part with no JSON mapping
     */
    @SuppressWarnings("unchecked")
    public static <T> Contract<T> of(Class<T> type) {
        Objects.requireNonNull(type, "type");
        return (Contract<T>) CACHE.computeIfAbsent("type:" + type.getName(), key -> {
            JsonNode generated = RecordSchemas.generate(type);
            String hash = SchemaCompiler.canonicalHash(generated);
            String id = "java:" + type.getName();
            return new Contract<>(id, type, generated, SchemaCompiler.compile(id, "urn:baton:" + id, generated, hash), hash);
        });
    }

    /**
     * A contract with a type and a JSON Schema file on the classpath. For a record the two are checked to
     * agree (same properties, compatible types, required fields present in the record).
     *
     * @throws ContractDefinitionException naming the resource and the field if they disagree
     */
    @SuppressWarnings("unchecked")
    public static <T> Contract<T> of(Class<T> type, String schemaResource) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(schemaResource, "schemaResource");
        return (Contract<T>) CACHE.computeIfAbsent("typed:" + type.getName() + "@" + schemaResource, key -> {
            JsonNode node = SchemaCompiler.readResource(schemaResource);
            if (type.isRecord()) {
                SchemaAgreement.check(schemaResource, type, RecordSchemas.generate(type), node);
            }
            return fromNode(type, schemaResource, "classpath:" + schemaResource, node);
        });
    }

    /** A contract given by a JSON Schema file on the classpath alone; valid payloads arrive as {@link JsonNode}. */
    @SuppressWarnings("unchecked")
    public static Contract<JsonNode> schema(String schemaResource) {
        Objects.requireNonNull(schemaResource, "schemaResource");
        return (Contract<JsonNode>) CACHE.computeIfAbsent("schema:" + schemaResource, key -> fromNode(
                JsonNode.class, schemaResource, "classpath:" + schemaResource,
                SchemaCompiler.readResource(schemaResource)));
    }

    /**
     * A contract from schema text held in memory (a registry, a test). Not cached by name: two calls
     * with the same text share the compiled schema through its hash.
     *
     * @param source a name for messages, e.g. the file or registry entry the text came from
     */
    public static Contract<JsonNode> fromJson(String source, String schemaJson) {
        JsonNode node = SchemaCompiler.readText(source, schemaJson);
        return fromNode(JsonNode.class, source, "urn:baton:schema:" + SchemaCompiler.canonicalHash(node), node);
    }

    private static <T> Contract<T> fromNode(Class<T> type, String source, String location, JsonNode node) {
        String hash = SchemaCompiler.canonicalHash(node);
        String id = node.path("$id").isString() ? node.get("$id").asString() : location;
        return new Contract<>(id, type, node, SchemaCompiler.compile(source, location, node, hash), hash);
    }

    /** @return the schema's {@code $id}, else {@code classpath:<resource>}, else {@code java:<type>} */
    public String id() {
        return id;
    }

    /** @return the type a valid payload binds to ({@link JsonNode} for schema-only contracts) */
    public Class<T> type() {
        return type;
    }

    /** @return the compiled schema, shared by every boundary of this contract */
    public Schema schema() {
        return schema;
    }

    /** @return the schema as JSON (generated or read); do not modify it */
    public JsonNode schemaJson() {
        return schemaNode;
    }

    /** @return SHA-256 (hex) of the canonical schema JSON */
    public String schemaHash() {
        return schemaHash;
    }

    /**
     * Validates a JSON value against this contract's schema with format assertions on and the regex budget
     * in force. Used by the boundary and by tools that must tell valid from invalid input exactly.
     *
     * @param maxViolations how many violations to keep; the rest are counted in one summary entry
     * @throws RegexBudgetExceededException if a schema pattern exceeds its step budget on the value
     */
    public List<Violation> validate(JsonNode value, int maxViolations) {
        if (fastAcceptance != null && fastAcceptance.accepts(value)) {
            return List.of(); // certainly valid: the hot path skips the general validator
        }
        List<Error> errors = schema.validate(value);
        if (errors.isEmpty()) {
            return List.of();
        }
        List<Violation> violations = new ArrayList<>(Math.min(errors.size(), maxViolations + 1));
        for (Error error : errors) {
            if (violations.size() == maxViolations) {
                violations.add(new Violation("", "truncated",
                        (errors.size() - maxViolations) + " further violations not kept"));
                break;
            }
            violations.add(new Violation(SchemaCompiler.pointer(error), error.getKeyword(), error.getMessage()));
        }
        return List.copyOf(violations);
    }

    /**
     * Whether {@link #certainlyValid(JsonParser)} can decide this contract's schema from the token stream:
     * the schema keeps to the subset records generate (types, properties, required, no additional properties,
     * items, string enums, numeric and length bounds, formats, local {@code $ref}s used alone).
     */
    public boolean decidesFromTokens() {
        return fastAcceptance != null && fastAcceptance.streamable();
    }

    /**
     * Reads one JSON value from {@code parser} (standing before its first token) and says whether it is
     * certainly valid, without building a tree. False means "not certain": the value may still be valid, and
     * {@link #validate(JsonNode, int)} gives the answer and the violations. Always false unless
     * {@link #decidesFromTokens()}. The boundary uses it to bind a valid payload straight from its bytes.
     */
    public boolean certainlyValid(JsonParser parser) {
        return decidesFromTokens() && fastAcceptance.acceptsStream(parser);
    }

    @Override
    public String toString() {
        return "Contract[" + id + " -> " + type.getSimpleName() + ", sha256=" + schemaHash.substring(0, 12) + "]";
    }
}
