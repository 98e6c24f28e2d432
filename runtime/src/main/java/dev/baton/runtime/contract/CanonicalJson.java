package dev.baton.runtime.contract;

import tools.jackson.databind.JsonNode;

/**
 * The canonical form of a JSON value (object keys sorted at every level, no insignificant whitespace)
 * and its SHA-256. Two values that differ only in key order or spacing hash alike, so an idempotency
 * key reused with "the same" payload is recognised and one reused with a different payload is not.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    /** @return the SHA-256 (lower-case hex) of the canonical form of {@code value} */
    public static String sha256(JsonNode value) {
        return SchemaCompiler.canonicalHash(value);
    }

    /** @return the SHA-256 (lower-case hex) of the UTF-8 bytes of {@code text} */
    public static String sha256(String text) {
        return SchemaCompiler.sha256(text);
    }
}
