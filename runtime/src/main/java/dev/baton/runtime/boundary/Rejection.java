package dev.baton.runtime.boundary;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Why a boundary rejected a handoff: a closed set of typed, owned errors. Every rejection names its
 * {@link Bucket} and the owner of the failure (the agent or team whose recovery path handles it).
 */
public sealed interface Rejection {

    /** @return the failure bucket */
    Bucket bucket();

    /** @return who owns this failure (from the boundary's configuration) */
    String owner();

    /** @return a sentence saying what is wrong, fit for a log line or a repair prompt */
    String message();

    /** Empty, whitespace-only or the literal {@code null}. */
    record Empty(String owner) implements Rejection {
        public Bucket bucket() {
            return Bucket.EMPTY;
        }

        public String message() {
            return "the handoff is empty (no content, whitespace only or the literal null)";
        }
    }

    /** Not JSON; line and column are 1-based positions of the first offending character. */
    record NotJson(int line, int column, String detail, String owner) implements Rejection {
        public Bucket bucket() {
            return Bucket.NOT_JSON;
        }

        public String message() {
            return "not JSON at line " + line + ", column " + column + ": " + detail;
        }
    }

    /** A valid JSON prefix that ended at {@code offset} before the value was complete. */
    record Truncated(long offset, String owner) implements Rejection {
        public Bucket bucket() {
            return Bucket.TRUNCATED;
        }

        public String message() {
            return "the JSON value ends early at offset " + offset + " (truncated output, e.g. a max-token cut)";
        }
    }

    /** The producer refused; {@code text} is the start of what it said. */
    record Refusal(String text, String owner) implements Rejection {
        public Bucket bucket() {
            return Bucket.REFUSAL;
        }

        public String message() {
            return "the producer refused instead of answering: \"" + text + "\"";
        }
    }

    /** More than one top-level JSON value (the first is not silently taken). */
    record MultipleValues(String owner) implements Rejection {
        public Bucket bucket() {
            return Bucket.MULTIPLE_VALUES;
        }

        public String message() {
            return "more than one top-level JSON value; exactly one is expected";
        }
    }

    /** Larger than {@code limit} bytes; {@code actual} is the size seen (a lower bound if reading stopped early). */
    record TooLarge(long limit, long actual, String owner) implements Rejection {
        public Bucket bucket() {
            return Bucket.TOO_LARGE;
        }

        public String message() {
            return "the handoff has " + actual + " bytes, more than the limit of " + limit;
        }
    }

    /** Nested deeper than {@code limit}; detected while streaming, before any tree is built. */
    record TooDeep(int limit, String owner) implements Rejection {
        public Bucket bucket() {
            return Bucket.TOO_DEEP;
        }

        public String message() {
            return "the JSON value is nested deeper than the limit of " + limit;
        }
    }

    /**
     * Not Unicode text at {@code offset}: bytes that are not valid UTF-8 (a byte offset), an unpaired
     * surrogate in a Java string (a char index), or an escaped unpaired surrogate such as {@code "\\uD800"} (written so in the JSON text)
     * (the offset of its backslash), which I-JSON (RFC 7493) forbids.
     *
     * @param detail what is wrong there, e.g. {@code invalid UTF-8}
     */
    record InvalidEncoding(long offset, String detail, String owner) implements Rejection {
        static final String INVALID_UTF8 = "invalid UTF-8";

        /** Bytes that are not valid UTF-8, or an unpaired surrogate char, at {@code offset}. */
        public InvalidEncoding(long offset, String owner) {
            this(offset, INVALID_UTF8, owner);
        }

        public Bucket bucket() {
            return Bucket.INVALID_ENCODING;
        }

        public String message() {
            return detail + " at offset " + offset;
        }
    }

    /** Valid JSON that the schema rejects; the list is capped by {@link Limits#maxViolations()}. */
    record SchemaViolation(List<Violation> violations, String owner) implements Rejection {
        public SchemaViolation {
            violations = List.copyOf(violations);
        }

        public Bucket bucket() {
            return Bucket.SCHEMA_VIOLATION;
        }

        public String message() {
            return "the payload violates its schema: "
                    + violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
        }
    }

    /** Schema-valid JSON that does not bind strictly; {@code path} is a JSON Pointer to the failing value. */
    record BindingFailure(String path, String detail, String owner) implements Rejection {
        public Bucket bucket() {
            return Bucket.BINDING_FAILURE;
        }

        public String message() {
            return "the payload does not bind to its type at " + (path.isEmpty() ? "(root)" : path) + ": " + detail;
        }
    }
}
