package dev.baton.linter.frontend.javasyntax;

import dev.baton.linter.graph.Fact;
import dev.baton.linter.graph.Location;


/**
 * The constant text of an agent's prompt (system and user message together), so that rules can see
 * what the producer was asked for: a format, fields, a verdict, a sentinel.
 */
public record AgentPrompt(Location location, String agent, String text) implements Fact {
    /** Whether the prompt asks for structure (a format, fields, a verdict) rather than free prose. */
    public boolean asksForStructure() {
        return StructureRequest.asked(text);
    }
}
