package dev.baton.runtime.boundary;

/** The failure bucket of a rejected handoff: one per real failure pattern of upstream output. */
public enum Bucket {
    /** Empty, whitespace-only or the literal {@code null}. */
    EMPTY,
    /** Not JSON at all, or JSON with prose, fences or other text around it. */
    NOT_JSON,
    /** A valid JSON prefix that ends early (max tokens, a cut stream). */
    TRUNCATED,
    /** The producer declined ("I'm sorry, I can't ..."). */
    REFUSAL,
    /** More than one top-level JSON value. */
    MULTIPLE_VALUES,
    /** Larger than the boundary's byte limit. */
    TOO_LARGE,
    /** Nested deeper than the boundary's depth limit. */
    TOO_DEEP,
    /** Bytes that are not valid UTF-8, or a string with an unpaired surrogate, raw or escaped ({@code "\\uD800"}). */
    INVALID_ENCODING,
    /**
     * Valid JSON that the contract's schema rejects, or a value the boundary cannot hold unchanged (a number
     * beyond a double's range or over 1000 digits: keyword {@code number-range} or {@code number-length}).
     */
    SCHEMA_VIOLATION,
    /** Schema-valid JSON that still does not bind strictly to the contract's type. */
    BINDING_FAILURE
}
