package dev.baton.linter.frontend.agentic;

import dev.baton.linter.graph.Fact;
import dev.baton.linter.graph.Location;

/**
 * An interface used as the typed face of a composite ({@code sequenceBuilder(NovelCreator.class)},
 * {@code createAgenticSystem(X.class)}): its method parameters are inputs the caller writes, not
 * keys some agent must produce.
 */
public record CompositeType(Location location, String typeAgent, String chain) implements Fact {
}
