package dev.baton.runtime.contract;

/**
 * A contract could not be built: the schema resource is missing, does not parse, does not match its
 * meta-schema, or disagrees with the Java type it claims to describe. Thrown at start-up, never while
 * receiving a message.
 */
public final class ContractDefinitionException extends RuntimeException {

    private final String source;
    private final String pointer;
    private final String reason;

    /**
     * @param source the schema resource or type the problem is in
     * @param message what is wrong and where
     */
    public ContractDefinitionException(String source, String message) {
        this(source, "", message);
    }

    /**
     * @param source the schema resource or type the problem is in
     * @param pointer the JSON pointer, in the schema, of the keyword to change ({@code ""} for the whole schema)
     * @param message what is wrong and where
     */
    public ContractDefinitionException(String source, String pointer, String message) {
        super(source + ": " + message);
        this.source = source;
        this.pointer = pointer == null ? "" : pointer;
        this.reason = message;
    }

    /**
     * @param source the schema resource or type the problem is in
     * @param message what is wrong and where
     * @param cause the underlying error
     */
    public ContractDefinitionException(String source, String message, Throwable cause) {
        super(source + ": " + message, cause);
        this.source = source;
        this.pointer = "";
        this.reason = message;
    }

    /** @return the schema resource or type the problem is in */
    public String source() {
        return source;
    }

    /** @return the JSON pointer, in the schema, of the keyword to change; {@code ""} when the whole schema is concerned */
    public String pointer() {
        return pointer;
    }

    /** @return what is wrong, without the source: the words the linter reports at build time */
    public String reason() {
        return reason;
    }
}
