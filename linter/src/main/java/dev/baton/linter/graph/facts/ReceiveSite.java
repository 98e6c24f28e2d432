package dev.baton.linter.graph.facts;

import dev.baton.linter.graph.Fact;
import dev.baton.linter.graph.Location;

/**
 * Agent output is bound to a type here: {@code readValue}, {@code fromJson}, {@code .entity(..)},
 * {@code createObject}, framework coercion, or a Baton {@code Boundary.receive}.
 *
 * @param agent     the receiving agent id, or {@code null} when not known
 * @param producer  the producing agent id, or {@code null} when not known
 * @param mechanism what binds it, as written ({@code "ObjectMapper.readValue"}, {@code "ChatClient.entity"})
 * @param validated whether receiving-side validation (schema, constraints, Baton boundary) covers it
 * @param mapper    the name of the mapper variable or field used, or {@code null}
 */
public record ReceiveSite(Location location, String agent, String producer, String mechanism, String targetType,
                          boolean validated, String mapper) implements Fact {
}
