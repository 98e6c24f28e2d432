package dev.baton.linter.graph;

/**
 * Something a frontend observed that a rule may care about, beyond agents and edges: a retry, a
 * human step, an error handler, a receive site, a side effect. Facts are records in
 * {@code dev.baton.linter.graph.facts}; frontends add kinds, rules query them by class.
 */
public interface Fact {
    Location location();
}
