package dev.baton.harness.schema;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import dev.baton.runtime.boundary.Violation;
import dev.baton.runtime.contract.Contract;
import java.util.List;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The harness's judge of validity: a strict JSON parse plus the real networknt validator on the
 * original schema. A generated positive must pass it; a generated negative must fail it, or it is
 * discarded rather than blamed on the consumer.
 */
public final class SchemaOracle {

    /** A strict mapper: no trailing tokens, no duplicate keys, nothing lenient. */
    public static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final JsonNode schemaNode;
    private final Function<JsonNode, List<String>> validator;

    private SchemaOracle(JsonNode schemaNode, Function<JsonNode, List<String>> validator) {
        this.schemaNode = schemaNode;
        this.validator = validator;
    }

    /**
     * The oracle of a runtime contract: its own compiled schema, so the harness judges validity
     * exactly as the consumer's boundary does.
     */
    public static SchemaOracle of(Contract<?> contract) {
        return new SchemaOracle(contract.schemaJson(),
                value -> contract.validate(value, 5).stream().map(Violation::toString).toList());
    }

    /**
     * Compiles {@code schemaNode}; its {@code $schema} picks draft-07 or 2020-12 (the default).
     * Formats are asserted, so generated dates, e-mails and uuids are checked too.
     */
    public static SchemaOracle of(JsonNode schemaNode) {
        SpecificationVersion version = SpecificationVersion.fromSchemaNode(schemaNode)
                .orElse(SpecificationVersion.DRAFT_2020_12);
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(version, b -> b.schemaRegistryConfig(config));
        Schema schema = registry.getSchema(schemaNode);
        return new SchemaOracle(schemaNode, value -> schema.validate(value).stream().map(Error::toString).toList());
    }

    /** Parses {@code schemaJson} strictly and compiles it. */
    public static SchemaOracle of(String schemaJson) {
        return of(STRICT.readTree(schemaJson));
    }

    public JsonNode schemaNode() {
        return schemaNode;
    }

    /** Validation errors of {@code instance}, as text; empty means valid. */
    public List<String> errors(JsonNode instance) {
        return validator.apply(instance);
    }

    /** Whether {@code instance} is valid. */
    public boolean isValid(JsonNode instance) {
        return errors(instance).isEmpty();
    }

    /**
     * Whether {@code raw} is, as received text, one strictly parsed JSON document that the schema
     * accepts: the test that an operator's output really is malformed.
     */
    public boolean acceptsRaw(String raw) {
        JsonNode parsed = parseStrict(raw);
        return parsed != null && !parsed.isMissingNode() && isValid(parsed);
    }

    /** The strict parse of {@code raw}, or {@code null} when it is not exactly one JSON document. */
    public static JsonNode parseStrict(String raw) {
        if (raw.isEmpty() || raw.charAt(0) == '\uFEFF') {
            return null;
        }
        try {
            return STRICT.readTree(raw);
        } catch (JacksonException | IllegalArgumentException e) {
            return null;
        }
    }
}
