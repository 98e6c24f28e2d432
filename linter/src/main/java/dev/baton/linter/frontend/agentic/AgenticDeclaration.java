package dev.baton.linter.frontend.agentic;

import dev.baton.linter.graph.Fact;
import dev.baton.linter.graph.Location;

import java.util.List;

/**
 * Where an agentic agent is declared (its {@code @Agent} method, a composite, a builder), and for an
 * {@code @Agent} method with a prompt, the template variables it uses: they are bound from the method's
 * parameters only, whose names are known once every {@code TypedKey} is read.
 *
 * @param templateAnchor where a template variable no parameter binds is reported, or {@code null}
 * @param variables      the {@code {{var}}} names of its prompt
 * @param variableAt     for each variable, the line that spells it
 */
public record AgenticDeclaration(Location location, String agent, Location templateAnchor, List<String> variables,
                                 List<Location> variableAt)
        implements Fact {
}
