package dev.baton.harness.operator;

import dev.baton.harness.schema.SchemaOracle;
import dev.baton.runtime.boundary.Limits;
import tools.jackson.databind.JsonNode;

/**
 * What an operator may know about the consumer under test: its schema (through the oracle) and
 * the resource limits of its boundary.
 *
 * @param oracle the contract's schema and validator
 * @param limits the boundary's byte and depth limits
 */
public record OperatorContext(SchemaOracle oracle, Limits limits) {

    /** The contract's JSON Schema. */
    public JsonNode schema() {
        return oracle.schemaNode();
    }
}
