package dev.baton.linter.frontend.schema;

import dev.baton.linter.frontend.SchemaFile;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads schema files strictly: duplicate keys and trailing content are errors, because a schema a
 * lenient reader accepts may mean something else to the runtime's validator.
 */
public final class SchemaReader {
    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private SchemaReader() {
    }

    /** The shared strict mapper (immutable, thread-safe). */
    public static JsonMapper mapper() {
        return STRICT;
    }

    /**
     * Parses {@code text}; never throws for bad JSON: the returned file then carries the error and
     * its 1-based line and column.
     */
    public static SchemaFile read(String relativePath, String text) {
        if (text.isBlank()) return new SchemaFile(relativePath, null, "the file is empty", 1, 1);
        try {
            JsonNode tree = STRICT.readTree(text);
            return new SchemaFile(relativePath, tree, null, 0, 0);
        } catch (JacksonException e) {
            TokenStreamLocation loc = e.getLocation();
            int line = loc == null || loc.getLineNr() < 1 ? 1 : loc.getLineNr();
            int col = loc == null || loc.getColumnNr() < 1 ? 1 : loc.getColumnNr();
            return new SchemaFile(relativePath, null, e.getOriginalMessage(), line, col);
        }
    }
}
