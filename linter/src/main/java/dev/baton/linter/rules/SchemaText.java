package dev.baton.linter.rules;

import com.networknt.schema.path.NodePath;
import dev.baton.linter.frontend.SchemaFile;
import dev.baton.linter.frontend.schema.JsonSchemas;
import dev.baton.linter.graph.Location;
import dev.baton.linter.rule.LintContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locating things inside schema files for findings. */
final class SchemaText {
    private SchemaText() {
    }

    static String text(LintContext context, SchemaFile file) {
        try {
            Path p = context.absolute(file.path()).orElse(null);
            return p == null ? "" : Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** Location of the value at {@code pointer} in the schema file. */
    static Location at(LintContext context, SchemaFile file, String pointer) {
        String text = text(context, file);
        int[] pos = text.isEmpty() ? new int[]{1, 1} : JsonSchemas.position(text, pointer);
        return new Location(file.path(), pos[0], pos[1]);
    }

    static String pointer(NodePath path) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object el = path.getElement(i);
            sb.append('/').append(String.valueOf(el).replace("~", "~0").replace("/", "~1"));
        }
        return sb.toString();
    }

    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
