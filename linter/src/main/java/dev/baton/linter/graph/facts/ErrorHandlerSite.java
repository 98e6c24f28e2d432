package dev.baton.linter.graph.facts;

import dev.baton.linter.graph.Fact;
import dev.baton.linter.graph.Location;

/**
 * Something that owns failures of a chain, agent or edge: an error handler, a policy, a declared
 * owner, a catch around the invocation.
 *
 * @param scope   the chain, agent or edge id it covers
 * @param kind    {@code "errorHandler"}, {@code "@ErrorHandler"}, {@code "ownedBy"}, {@code "catch"}, {@code "callback"}...
 * @param outcome what its last branch does: {@link Outcome}
 */
public record ErrorHandlerSite(Location location, String scope, String kind, Outcome outcome) implements Fact {
    public enum Outcome { RETHROW, RETRY, FABRICATE, ESCALATE, RECOVER, UNKNOWN }
}
