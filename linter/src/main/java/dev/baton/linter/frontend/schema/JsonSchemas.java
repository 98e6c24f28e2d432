package dev.baton.linter.frontend.schema;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON Schema dialects Baton checks (draft 2020-12, 2019-09, draft-07, -06, -04) on networknt's
 * validator, offline: remote {@code $ref}s are never fetched. Registries are built once and shared.
 */
public final class JsonSchemas {
    /** A dialect: its version and the meta-schema id a {@code $schema} names. */
    public record Dialect(SpecificationVersion version, String metaSchemaId) {
    }

    private static final Map<SpecificationVersion, SchemaRegistry> REGISTRIES = new EnumMap<>(SpecificationVersion.class);
    public static final Dialect DEFAULT = new Dialect(SpecificationVersion.DRAFT_2020_12,
            "https://json-schema.org/draft/2020-12/schema");

    private JsonSchemas() {
    }

    /**
     * The dialect a schema declares with {@code $schema}; {@link #DEFAULT} when it declares none;
     * empty when it names one Baton does not know (it would otherwise be fetched from the network).
     */
    public static Optional<Dialect> dialect(JsonNode schema) {
        JsonNode s = schema.isObject() ? schema.get("$schema") : null;
        if (s == null || !s.isString()) return Optional.of(DEFAULT);
        String id = s.asString().strip();
        String norm = id.replaceFirst("^https?://", "").replaceFirst("#$", "");
        return switch (norm) {
            case "json-schema.org/draft/2020-12/schema" -> Optional.of(new Dialect(SpecificationVersion.DRAFT_2020_12, "https://json-schema.org/draft/2020-12/schema"));
            case "json-schema.org/draft/2019-09/schema" -> Optional.of(new Dialect(SpecificationVersion.DRAFT_2019_09, "https://json-schema.org/draft/2019-09/schema"));
            case "json-schema.org/draft-07/schema" -> Optional.of(new Dialect(SpecificationVersion.DRAFT_7, "http://json-schema.org/draft-07/schema#"));
            case "json-schema.org/draft-06/schema" -> Optional.of(new Dialect(SpecificationVersion.DRAFT_6, "http://json-schema.org/draft-06/schema#"));
            case "json-schema.org/draft-04/schema" -> Optional.of(new Dialect(SpecificationVersion.DRAFT_4, "http://json-schema.org/draft-04/schema#"));
            default -> Optional.empty();
        };
    }

    public static synchronized SchemaRegistry registry(SpecificationVersion version) {
        return REGISTRIES.computeIfAbsent(version, v -> SchemaRegistry.withDefaultDialect(v,
                b -> b.schemaLoader(l -> l.fetchRemoteResources(false))));
    }

    /** Errors of {@code schema} against its dialect's meta-schema. */
    public static List<Error> metaSchemaErrors(JsonNode schema, Dialect dialect) {
        SchemaRegistry r = registry(dialect.version());
        Schema meta = r.getSchema(SchemaLocation.of(dialect.metaSchemaId()));
        return meta.validate(schema);
    }

    /** Compiles a schema; relative {@code $ref}s resolve against {@code file} (absolute). */
    public static Schema compile(JsonNode schema, Dialect dialect, Path file) {
        SchemaRegistry r = registry(dialect.version());
        Schema s = r.getSchema(SchemaLocation.of(file.toUri().toString()), schema);
        s.initializeValidators();
        return s;
    }

    /** Errors of {@code instance} against a compiled schema. */
    public static List<Error> validate(Schema schema, JsonNode instance) {
        return schema.validate(instance);
    }

    /** Same, for JSON text. */
    public static List<Error> validate(Schema schema, String json) {
        return schema.validate(json, InputFormat.JSON);
    }

    /**
     * The 1-based line and column where the value at a JSON pointer ({@code /properties/age/type})
     * starts in {@code text}, or {@code [1,1]} when it cannot be found.
     */
    public static int[] position(String text, String pointer) {
        String target = pointer == null || pointer.equals("/") ? "" : pointer;
        // Own path tracking: a parser context describes the container, not the value being entered.
        java.util.ArrayDeque<Object[]> frames = new java.util.ArrayDeque<>(); // {Boolean isArray, int[] index, String[] name}
        try (JsonParser p = SchemaReader.mapper().createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.PROPERTY_NAME) {
                    ((String[]) frames.peek()[2])[0] = p.currentName();
                    continue;
                }
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    frames.pop();
                    advance(frames);
                    continue;
                }
                if (path(frames).equals(target)) {
                    TokenStreamLocation loc = p.currentTokenLocation();
                    return new int[]{Math.max(1, loc.getLineNr()), Math.max(1, loc.getColumnNr())};
                }
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    frames.push(new Object[]{t == JsonToken.START_ARRAY, new int[]{0}, new String[1]});
                } else {
                    advance(frames);
                }
            }
        } catch (RuntimeException e) {
            // Falls through to the start of the file: the finding still names the pointer.
        }
        return new int[]{1, 1};
    }

    private static void advance(java.util.ArrayDeque<Object[]> frames) {
        if (!frames.isEmpty() && (Boolean) frames.peek()[0]) ((int[]) frames.peek()[1])[0]++;
    }

    private static String path(java.util.ArrayDeque<Object[]> frames) {
        StringBuilder sb = new StringBuilder();
        java.util.Iterator<Object[]> it = frames.descendingIterator();
        while (it.hasNext()) {
            Object[] f = it.next();
            sb.append('/');
            if ((Boolean) f[0]) sb.append(((int[]) f[1])[0]);
            else sb.append(String.valueOf(((String[]) f[2])[0]).replace("~", "~0").replace("/", "~1"));
        }
        return sb.toString();
    }
}
