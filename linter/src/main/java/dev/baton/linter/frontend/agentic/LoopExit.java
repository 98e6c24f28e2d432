package dev.baton.linter.frontend.agentic;

import dev.baton.linter.graph.Fact;
import dev.baton.linter.graph.Location;

/**
 * A LangChain4j agentic loop with an exit condition (an {@code @ExitCondition} method beside its
 * {@code @LoopAgent}, or {@code loopBuilder().exitCondition(..)}): a gate the loop iterates to pass. The
 * framework ends the loop the same way whether the gate passed or {@code maxIterations} ran out
 * ({@code LoopPlanner.nextAction} returns {@code done()} in both cases), so what follows cannot tell them apart.
 *
 * @param loop the loop composite's id
 */
public record LoopExit(Location location, String loop) implements Fact {
}
