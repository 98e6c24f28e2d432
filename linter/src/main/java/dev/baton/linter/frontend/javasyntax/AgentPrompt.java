package dev.baton.linter.frontend.javasyntax;

import dev.baton.linter.graph.Fact;
import dev.baton.linter.graph.Location;

import java.util.regex.Pattern;

/**
 * The constant text of an agent's prompt (system and user message together), so that rules can see
 * what the producer was asked for: a format, fields, a verdict, a sentinel.
 */
public record AgentPrompt(Location location, String agent, String text) implements Fact {
    private static final Pattern STRUCTURE = Pattern.compile(
            "(?i)\\b(json|yaml|csv|respond (only )?with|reply (only )?with|answer (only )?with|return only|output only"
                    + "|exactly one of|one of the following|one of:|in the format|format:|fields?:|yes or no|true or false"
                    + "|a score|score from|as a number|verdict|classify|categori[sz]e)\\b");

    /** Whether the prompt asks for structure (a format, fields, a verdict) rather than free prose. */
    public boolean asksForStructure() {
        return STRUCTURE.matcher(text).find();
    }
}
