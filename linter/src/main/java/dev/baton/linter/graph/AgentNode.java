package dev.baton.linter.graph;

/**
 * An agent: anything that produces output another agent (or code acting for it) consumes.
 *
 * @param id         unique within the graph, e.g. {@code "baton:research-pipeline/researcher"} or
 *                   {@code "lc4j:com.acme.CreativeWriter#generateStory"}
 * @param name       the name a user would recognise (agent name, interface or method name)
 * @param outputType the declared Java output type as written in source ({@code "String"},
 *                   {@code "Story"}, {@code "Map<String,Object>"}), or {@code null} when unknown
 */
public record AgentNode(String id, String name, Framework framework, Kind kind, String outputType, Location location) {
    public enum Kind { LLM, COMPOSITE, HUMAN, TOOL, CODE }
}
