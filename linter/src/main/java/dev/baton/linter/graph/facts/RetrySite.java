package dev.baton.linter.graph.facts;

import dev.baton.linter.graph.Fact;
import dev.baton.linter.graph.Location;

import java.util.OptionalInt;

/**
 * A retry or loop around agents.
 *
 * @param scope the chain or agent id retried
 * @param bound the maximum attempts or iterations, empty when unbounded (or unknowable from source)
 * @param boundKnown whether the source shows a bound at all (false: no bound written anywhere)
 * @param kind  {@code "loopBuilder"}, {@code "ErrorRecoveryResult.retry"}, {@code "@Retryable"}, {@code "while"}...
 */
public record RetrySite(Location location, String scope, String kind, OptionalInt bound, boolean boundKnown)
        implements Fact {
}
