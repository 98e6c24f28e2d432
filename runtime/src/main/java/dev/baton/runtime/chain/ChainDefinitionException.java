package dev.baton.runtime.chain;

import java.util.List;
import java.util.stream.Collectors;

/** A chain was refused at start-up; every gap is listed, each with the linter's rule id. */
public final class ChainDefinitionException extends RuntimeException {

    private final transient List<ChainViolation> violations;

    /**
     * @param chain the chain's name
     * @param violations every gap found
     */
    public ChainDefinitionException(String chain, List<ChainViolation> violations) {
        super("chain '" + chain + "' is not safe to run:\n  "
                + violations.stream().map(ChainViolation::toString).collect(Collectors.joining("\n  ")));
        this.violations = List.copyOf(violations);
    }

    /** @return every gap, in declaration order */
    public List<ChainViolation> violations() {
        return violations;
    }
}
