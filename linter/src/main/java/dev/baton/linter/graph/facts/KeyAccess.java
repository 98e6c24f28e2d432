package dev.baton.linter.graph.facts;

import dev.baton.linter.graph.Fact;
import dev.baton.linter.graph.Location;

/**
 * A read or write of a named handoff key: an {@code outputKey}, a {@code @V("key")} parameter, a
 * {@code {key}} placeholder in an instruction, {@code scope.readState("key")}.
 *
 * @param namespace keys only match within one namespace (a framework and application), e.g. {@code "lc4j-agentic"}
 * @param agent     the agent id that reads or writes it
 */
public record KeyAccess(Location location, String namespace, String key, Access access, String agent) implements Fact {
    public enum Access { READ, WRITE }
}
