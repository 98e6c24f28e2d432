package dev.baton.linter.graph.facts;

import dev.baton.linter.graph.ContractRef;
import dev.baton.linter.graph.Fact;
import dev.baton.linter.graph.Location;

/**
 * A contract one agent declares for its own side of handoffs: what it promises to emit
 * ({@link Direction#OUTPUT}: ADK {@code outputSchema}, a producer's declared contract) or what it
 * validates on receipt ({@link Direction#INPUT}: ADK {@code inputSchema}, a Baton
 * {@code Boundary.of(Contract.schema(..))} in an {@code @AgentRole} class). {@code schema-incompatible}
 * compares a producer's output with its consumer's input.
 *
 * @param agent the agent id
 */
public record AgentContract(Location location, String agent, Direction direction, ContractRef contract)
        implements Fact {
    public enum Direction { INPUT, OUTPUT }
}
