package dev.baton.runtime.boundary;

/**
 * One schema error, machine-readable so it can be fed back to the producer in a repair retry.
 *
 * @param pointer JSON Pointer into the payload ({@code ""} for the root, e.g. {@code /findings/0/confidence})
 * @param keyword the schema keyword that failed ({@code type}, {@code required}, {@code pattern}, ...), or what
 *                the boundary itself refused: {@code number-range}, {@code number-length}, {@code name-length},
 *                {@code validation-error} (the schema could not be evaluated), {@code truncated} (the rest of the list)
 * @param message what is wrong, in words
 */
public record Violation(String pointer, String keyword, String message) {

    @Override
    public String toString() {
        return (pointer.isEmpty() ? "(root)" : pointer) + " [" + keyword + "] " + message;
    }
}
