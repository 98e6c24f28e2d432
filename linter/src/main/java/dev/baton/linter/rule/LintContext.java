package dev.baton.linter.rule;

import dev.baton.linter.frontend.ParsedSource;
import dev.baton.linter.frontend.SchemaFile;
import dev.baton.linter.graph.HandoffGraph;

import java.util.List;
import java.util.Optional;

/** What a rule can read. */
public interface LintContext {
    HandoffGraph graph();

    /** The Java sources that were parsed (files that cannot matter are never parsed). */
    List<ParsedSource> sources();

    Optional<ParsedSource> source(String relativePath);

    /** Every JSON Schema file found in the schema directories, parsed or not. */
    List<SchemaFile> schemas();

    /** Finds a schema by the reference a contract uses (classpath resource name or relative path). */
    Optional<SchemaFile> schema(String reference);

    /** {@code default} or {@code strict}. */
    String profile();
}
