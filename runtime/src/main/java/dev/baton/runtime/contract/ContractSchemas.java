package dev.baton.runtime.contract;

import tools.jackson.databind.JsonNode;

import java.net.URI;

/**
 * The start-up check of a contract's JSON Schema, for tools that must refuse at build time exactly
 * what {@link Contract} refuses at start-up (the linter's {@code schema-invalid} rule). Same compiler,
 * same configuration, same words; {@code file:} references are read from disk, nothing is cached or fetched.
 */
public final class ContractSchemas {

    private ContractSchemas() {
    }

    /**
     * Refuses {@code schema} as {@link Contract#schema(String)} would: an invalid {@code pattern}, a remote
     * {@code $ref}, a {@code $ref} cycle that never descends, a meta-schema violation, or a schema the
     * validator cannot compile.
     *
     * @param source   a name for the message (a file, a resource)
     * @param location the URI relative references resolve against ({@code file:}, {@code classpath:})
     * @throws ContractDefinitionException with {@link ContractDefinitionException#pointer()} and
     *                                     {@link ContractDefinitionException#reason()} of the refusal
     */
    public static void verify(String source, URI location, JsonNode schema) {
        SchemaCompiler.compileWithFiles(source, location.toString(), schema);
    }
}
