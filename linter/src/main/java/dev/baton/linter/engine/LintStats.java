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
 */
public record LintStats(int javaFiles, int parsedFiles, int cachedFiles, int schemaFiles, boolean resultCached,
                        long millis) {
}
