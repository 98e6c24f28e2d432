package dev.baton.linter.graph;

/**
 * The contract declared for a handoff: a Java type, a JSON Schema file, or both.
 *
 * @param javaType   the contract's Java type as written in source, or {@code null}
 * @param schemaPath the schema as referenced in source (a classpath resource or path), or {@code null}
 */
public record ContractRef(String javaType, String schemaPath, Location location) {
    public boolean isUntyped() {
        return schemaPath == null && (javaType == null || PayloadKind.of(javaType) != PayloadKind.TYPED);
    }
}
