package dev.baton.runtime.contract;

/**
 * A contract could not be built: the schema resource is missing, does not parse, does not match its
 * meta-schema, or disagrees with the Java type it claims to describe. Thrown at start-up, never while
 * receiving a message.
 */
public final class ContractDefinitionException extends RuntimeException {

    private final String source;

    /**
     * @param source the schema resource or type the problem is in
     * @param message what is wrong and where
     */
    public ContractDefinitionException(String source, String message) {
        super(source + ": " + message);
        this.source = source;
    }

    /**
     * @param source the schema resource or type the problem is in
     * @param message what is wrong and where
     * @param cause the underlying error
     */
    public ContractDefinitionException(String source, String message, Throwable cause) {
        super(source + ": " + message, cause);
        this.source = source;
    }

    /** @return the schema resource or type the problem is in */
    public String source() {
        return source;
    }
}
