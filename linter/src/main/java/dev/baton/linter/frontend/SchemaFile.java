package dev.baton.linter.frontend;

import tools.jackson.databind.JsonNode;

/**
 * A JSON Schema file. {@code tree} is {@code null} when the file is not JSON; {@code parseError}
 * then says why, with line and column.
 *
 * @param path relative to the project base directory
 */
public record SchemaFile(String path, JsonNode tree, String parseError, int errorLine, int errorColumn) {
    public boolean parsed() {
        return tree != null;
    }
}
