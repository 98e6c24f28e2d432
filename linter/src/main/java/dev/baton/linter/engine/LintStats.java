package dev.baton.linter.engine;

/**
 * How much work a scan did.
 *
 * @param javaFiles    Java files under the source roots that passed includes/excludes
 * @param parsedFiles  files actually parsed in this run (the rest could not matter or came from the cache)
 * @param cachedFiles  files whose graph contributions came from the cache
 * @param schemaFiles  schema files read
 * @param resultCached whether the whole result was reused because nothing changed
 * @param millis       wall-clock time of the scan
 * @param notSchemas   JSON files of the schema directories skipped because they are not JSON Schemas
 *                     (package.json, configs, data), with why; empty when the result came from the cache
 */
public record LintStats(int javaFiles, int parsedFiles, int cachedFiles, int schemaFiles, boolean resultCached,
                        long millis, java.util.Map<String, String> notSchemas) {
    public LintStats {
        notSchemas = notSchemas == null ? java.util.Map.of() : java.util.Map.copyOf(notSchemas);
    }

    public LintStats(int javaFiles, int parsedFiles, int cachedFiles, int schemaFiles, boolean resultCached, long millis) {
        this(javaFiles, parsedFiles, cachedFiles, schemaFiles, resultCached, millis, java.util.Map.of());
    }
}
