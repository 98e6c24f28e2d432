package dev.baton.runtime.contract;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one schema registry of the process. networknt registries and compiled schemas are thread-safe
 * once built, so every contract shares them; compiled schemas are keyed by the SHA-256 of the
 * canonical schema text (and its location), never by {@code hashCode}, so two different schemas cannot collide.
 */
final class SchemaCompiler {

    static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

    private static final JsonMapper SCHEMA_READER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                    // since 2019-09 `format` is only an annotation unless assertions are switched on
                    .formatAssertionsEnabled(true)
                    .regularExpressionFactory(
                            new BoundedRegularExpressionFactory(BoundedRegularExpressionFactory.DEFAULT_BUDGET))
                    .build()));

    /** Bounded in practice by the number of distinct contract schemas in a process. */
    private static final Map<String, Schema> COMPILED = new ConcurrentHashMap<>();

    private SchemaCompiler() {
    }

    static JsonNode readResource(String resource) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        InputStream in = loader == null ? null : loader.getResourceAsStream(resource);
        if (in == null) {
            in = SchemaCompiler.class.getClassLoader().getResourceAsStream(resource);
        }
        if (in == null) {
            throw new ContractDefinitionException(resource, "schema resource not found on the classpath");
        }
        try (InputStream stream = in) {
            return readText(resource, new String(stream.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ContractDefinitionException(resource, "cannot read schema resource: " + e.getMessage(), e);
        }
    }

    static JsonNode readText(String source, String text) {
        try {
            return SCHEMA_READER.readTree(text);
        } catch (RuntimeException e) {
            throw new ContractDefinitionException(source, "schema is not valid JSON: " + e.getMessage(), e);
        }
    }

    /** Validates the schema against its meta-schema, then compiles it (or returns the cached compilation). */
    static Schema compile(String source, String location, JsonNode schemaNode, String hash) {
        // relative $refs resolve against the location, so the same text at two locations is two schemas
        String cacheKey = hash + " " + location;
        Schema cached = COMPILED.get(cacheKey);
        if (cached != null) {
            return cached;
        }
        if (!schemaNode.isObject() && !schemaNode.isBoolean()) {
            throw new ContractDefinitionException(source, "a schema must be a JSON object or boolean");
        }
        String dialect = schemaNode.path("$schema").isString() ? schemaNode.get("$schema").asString() : DRAFT_2020_12;
        try {
            Schema meta = REGISTRY.getSchema(SchemaLocation.of(dialect));
            List<Error> errors = meta.validate(schemaNode);
            if (!errors.isEmpty()) {
                List<String> lines = new ArrayList<>();
                for (Error error : errors.subList(0, Math.min(5, errors.size()))) {
                    lines.add(pointer(error) + " [" + error.getKeyword() + "] " + error.getMessage());
                }
                throw new ContractDefinitionException(source, "schema does not match its meta-schema " + dialect
                        + ": " + String.join("; ", lines));
            }
            Schema schema = REGISTRY.getSchema(SchemaLocation.of(location), schemaNode);
            schema.initializeValidators();
            Schema raced = COMPILED.putIfAbsent(cacheKey, schema);
            return raced == null ? schema : raced;
        } catch (ContractDefinitionException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ContractDefinitionException(source, "schema cannot be compiled: " + e.getMessage(), e);
        }
    }

    static String pointer(Error error) {
        return error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
    }

    /** SHA-256 (hex) of the canonical form: keys sorted at every level, no insignificant whitespace. */
    static String canonicalHash(JsonNode node) {
        return sha256(SCHEMA_READER.writeValueAsString(canonical(node)));
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM ships SHA-256", e);
        }
    }

    private static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            TreeMap<String, JsonNode> sorted = new TreeMap<>();
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                sorted.put(entry.getKey(), canonical(entry.getValue()));
            }
            ObjectNode out = SCHEMA_READER.createObjectNode();
            sorted.forEach(out::set);
            return out;
        }
        if (node.isArray()) {
            var out = SCHEMA_READER.createArrayNode();
            for (JsonNode item : node) {
                out.add(canonical(item));
            }
            return out;
        }
        return node;
    }
}
