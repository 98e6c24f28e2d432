package dev.baton.linter.frontend.agentic;

import dev.baton.linter.graph.Fact;
import dev.baton.linter.graph.Location;

import java.util.List;

/**
 * One LangChain4j agentic composite as written (a workflow builder chain or a declarative
 * composite method): the raw material of the scopes {@link AgenticLinks} builds.
 *
 * @param kind           sequence, parallel, loop, conditional, supervisor, planner or parallelMapper
 * @param subAgents      the sub-agents as referenced: agent ids, or {@code id@path:line} for an agent built
 *                       by one {@code agentBuilder(X.class)} call
 * @param face           the typed interface of the composite ({@code sequenceBuilder(X.class)}), or {@code null}
 * @param computedOutput the composite computes its result ({@code output(..)}, {@code @Output}) and stores it
 *                       under its outputKey
 * @param observed       a listener written here takes each agent's output ({@code response.output()}): every
 *                       key written in the composite reaches it
 */
public record AgenticComposite(Location location, String id, String kind, List<String> subAgents, String face,
                               boolean computedOutput, boolean observed) implements Fact {
}
