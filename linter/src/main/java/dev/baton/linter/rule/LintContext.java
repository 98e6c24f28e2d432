package dev.baton.linter.rule;

import dev.baton.linter.frontend.ParsedSource;
import dev.baton.linter.frontend.SchemaFile;
import dev.baton.linter.frontend.UnreadableSource;
import dev.baton.linter.graph.HandoffGraph;

import java.util.List;
import java.util.Optional;

/** What a rule can read. */
public interface LintContext {
    HandoffGraph graph();

    /** The Java sources that were parsed (files that cannot matter are never parsed). */
    List<ParsedSource> sources();

    Optional<ParsedSource> source(String relativePath);

    /**
     * The Java sources that could not be read as javac reads them: syntax errors in the files the scan
     * parsed, and every scanned file that is not UTF-8, binary or unreadable. Sorted by path.
     */
    default List<UnreadableSource> unreadableSources() {
        return List.of();
    }

    /** Every JSON Schema file found in the schema directories, parsed or not. */
    List<SchemaFile> schemas();

    /** Finds a schema by the reference a contract uses (classpath resource name or relative path). */
    Optional<SchemaFile> schema(String reference);

    /** {@code default} or {@code strict}. */
    String profile();

    /**
     * The source declaring a type, by simple or qualified name, parsed on demand even when the
     * pre-filter skipped it (a record named by a contract usually mentions no agent API).
     * Matches files named {@code <SimpleName>.java}; empty when none or when ambiguous.
     */
    default Optional<ParsedSource> sourceOfType(String typeName) {
        return Optional.empty();
    }

    /**
     * The absolute path of a project file given relative to the base directory (to read a schema's
     * text for line numbers, or resolve a {@code $ref} beside it); empty when unknown.
     */
    default Optional<java.nio.file.Path> absolute(String relativePath) {
        return Optional.empty();
    }
}
