package dev.baton.linter.graph.facts;

import dev.baton.linter.graph.Fact;
import dev.baton.linter.graph.Location;

/**
 * A path to a human: a human-in-the-loop agent, a confirmation, an escalation record, {@code WaitFor}.
 *
 * @param scope            the chain or agent id it belongs to, or {@code null}
 * @param hasTimeout       whether waiting for the human is bounded
 * @param timeoutApproves  whether a timeout lets the side effect go ahead
 * @param inputValidated   whether the human's answer is validated before it is used
 * @param insideCatchAll   whether the step sits inside a {@code catch (Exception|Throwable)}
 */
public record HumanStep(Location location, String scope, String kind, boolean hasTimeout, boolean timeoutApproves,
                        boolean inputValidated, boolean insideCatchAll) implements Fact {
}
