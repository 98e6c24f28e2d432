package dev.baton.linter.graph;

/** How a handoff's payload travels. */
public enum PayloadKind {
    /** a record, class, enum or boolean with a structure a parser enforces */
    TYPED,
    /** {@code String}/{@code CharSequence}: free text */
    PROSE,
    /** {@code Object}, {@code Map}, {@code JsonNode} and the like: structure nobody declared */
    UNTYPED,
    UNKNOWN;

    /** Classifies a Java type as written in source (simple or qualified name, generics allowed). */
    public static PayloadKind of(String javaType) {
        if (javaType == null || javaType.isBlank()) return UNKNOWN;
        String t = javaType.strip();
        int lt = t.indexOf('<');
        String raw = lt >= 0 ? t.substring(0, lt) : t;
        raw = raw.substring(raw.lastIndexOf('.') + 1);
        return switch (raw) {
            case "String", "CharSequence", "StringBuilder" -> PROSE;
            case "Object", "Map", "HashMap", "LinkedHashMap", "JsonNode", "ObjectNode", "JsonObject",
                 "JsonElement", "Any", "var" -> UNTYPED;
            case "void", "Void" -> UNKNOWN;
            default -> TYPED;
        };
    }
}
