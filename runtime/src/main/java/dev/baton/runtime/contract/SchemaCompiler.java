package dev.baton.runtime.contract;

import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.resource.InputStreamSource;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private static final SchemaRegistry REGISTRY = registry(false);

    /**
     * The same registry that also reads {@code file:} documents: a build tool checks a project's schema files
     * where they lie, before they are on any classpath.
     */
    private static final SchemaRegistry WITH_FILES = registry(true);

    /** Bounded in practice by the number of distinct contract schemas in a process. */
    private static final Map<String, Schema> COMPILED = new ConcurrentHashMap<>();

    private SchemaCompiler() {
    }

    private static SchemaRegistry registry(boolean files) {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                        // since 2019-09 `format` is only an annotation unless assertions are switched on
                        .formatAssertionsEnabled(true)
                        .regularExpressionFactory(
                                new BoundedRegularExpressionFactory(BoundedRegularExpressionFactory.DEFAULT_BUDGET))
                        .build())
                        // never the network: a contract must not change, or stop loading, when another server does
                        .schemaLoader(loader -> {
                            loader.block(iri -> SchemaRefusals.remote(iri.toString()));
                            if (files) loader.resourceLoaders(r -> r.add(SchemaCompiler::localFile));
                        }));
    }

    private static InputStreamSource localFile(AbsoluteIri iri) {
        if (!"file".equalsIgnoreCase(iri.getScheme())) return null;
        Path file = Path.of(URI.create(iri.toString()));
        return () -> Files.newInputStream(file);
    }

    /**
     * A referenced document the validator would read without the network: a classpath resource, or (for
     * build tools) a file; null when there is none or it does not parse (its own compilation says why).
     */
    private static JsonNode localDocument(URI uri, boolean files) {
        try {
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            byte[] bytes = null;
            if (scheme.equals("classpath")) {
                String resource = uri.getSchemeSpecificPart().replaceFirst("^/+", "");
                ClassLoader loader = Thread.currentThread().getContextClassLoader();
                InputStream in = loader == null ? null : loader.getResourceAsStream(resource);
                if (in == null) in = SchemaCompiler.class.getClassLoader().getResourceAsStream(resource);
                if (in != null) {
                    try (InputStream stream = in) {
                        bytes = stream.readAllBytes();
                    }
                }
            } else if (scheme.equals("file") && files) {
                Path file = Path.of(uri);
                if (Files.isRegularFile(file)) bytes = Files.readAllBytes(file);
            }
            return bytes == null ? null : SCHEMA_READER.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return null;
        }
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

    /**
     * Refuses what {@link SchemaRefusals} refuses, validates the schema against its meta-schema, then compiles
     * it (or returns the cached compilation).
     */
    static Schema compile(String source, String location, JsonNode schemaNode, String hash) {
        // relative $refs resolve against the location, so the same text at two locations is two schemas
        String cacheKey = hash + " " + location;
        Schema cached = COMPILED.get(cacheKey);
        if (cached != null) {
            return cached;
        }
        Schema schema = compileUncached(source, location, schemaNode);
        Schema raced = COMPILED.putIfAbsent(cacheKey, schema);
        return raced == null ? schema : raced;
    }

    /** Same checks and compilation as {@link #compile}, shared by nothing (the linter checks many projects' files). */
    static Schema compileUncached(String source, String location, JsonNode schemaNode) {
        return compileUncached(source, location, schemaNode, REGISTRY);
    }

    /** Same, reading {@code file:} references from disk (build tools). */
    static Schema compileWithFiles(String source, String location, JsonNode schemaNode) {
        return compileUncached(source, location, schemaNode, WITH_FILES);
    }

    private static Schema compileUncached(String source, String location, JsonNode schemaNode, SchemaRegistry registry) {
        if (!schemaNode.isObject() && !schemaNode.isBoolean()) {
            throw new ContractDefinitionException(source, "a schema must be a JSON object or boolean");
        }
        boolean files = registry == WITH_FILES;
        SchemaRefusals.check(source, location, schemaNode, uri -> localDocument(uri, files));
        String dialect = schemaNode.path("$schema").isString() ? schemaNode.get("$schema").asString() : DRAFT_2020_12;
        try {
            Schema meta = registry.getSchema(SchemaLocation.of(dialect));
            List<Error> errors = meta.validate(schemaNode);
            if (!errors.isEmpty()) {
                List<String> lines = new ArrayList<>();
                for (Error error : errors.subList(0, Math.min(5, errors.size()))) {
                    lines.add(pointer(error) + " [" + error.getKeyword() + "] " + error.getMessage());
                }
                throw new ContractDefinitionException(source, pointer(errors.get(0)), "schema does not match its meta-schema "
                        + dialect + ": " + String.join("; ", lines));
            }
            Schema schema = registry.getSchema(SchemaLocation.of(location), schemaNode);
            schema.initializeValidators();
            return schema;
        } catch (ContractDefinitionException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ContractDefinitionException(source, "schema cannot be compiled: " + e.getMessage(), e);
        } catch (StackOverflowError e) {
            throw new ContractDefinitionException(source, "schema cannot be compiled: its references nest too deeply", e);
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
