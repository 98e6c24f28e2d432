package dev.baton.harness.operator;

/** The layer at which upstream text breaks (reference catalogue, section 5). */
public enum Family {
    /** Around the JSON: fences, prose, tags, refusals, empty output, several values. */
    ENVELOPE("envelope and wrapping"),
    /** Inside the text: truncation, trailing commas, quotes, comments, escapes, encodings. */
    LEXICAL("lexical"),
    /** Well-formed JSON of the wrong shape: types, missing or extra fields, enums, wrappers. */
    STRUCTURAL("structural"),
    /** Within grammar and schema but beyond the boundary's resource limits. */
    RESOURCE("resource limits"),
    /**
     * Opt-in ({@code baton.operators.include=synthetic}): patterns no real LLM output has been seen
     * to produce (BOM, NaN, duplicate keys, lone surrogates, zero-width characters, schema bounds and
     * formats, deep nesting), worth running against a boundary that should be hardened beyond that.
     */
    SYNTHETIC("synthetic, not LLM-evidenced");

    private final String title;

    Family(String title) {
        this.title = title;
    }

    /** Human title used as the test-tree node name. */
    public String title() {
        return title;
    }
}
