package dev.baton.linter.graph;

import java.util.Set;

/**
 * A handoff: the output of {@code producer} becomes input of {@code consumer}.
 *
 * @param key      the state key, placeholder or binding name that carries it, or {@code null}
 * @param contract the declared contract, or {@code null} when none is declared
 * @param owner    the agent declared to own this edge's failures, or {@code null}
 * @param uses     what the consumer does with the value, as far as the source shows
 */
public record Edge(String id, String producer, String consumer, Channel channel, String key, PayloadKind payload,
                   ContractRef contract, String owner, Set<Use> uses, Location location) {

    public enum Channel {
        /** declared with Baton's own API */
        DECLARED,
        /** a shared state key (LangChain4j agentic outputKey, ADK outputKey) */
        STATE_KEY,
        /** a placeholder interpolated into the consumer's prompt ({@code {key}}, {@code {{key}}}) */
        PROMPT_PLACEHOLDER,
        /** plain Java: the producer's return value is passed to the consumer */
        RETURN_VALUE,
        /** the producer is exposed to the consumer as a tool */
        TOOL,
        /** Embabel: matched by type on the blackboard */
        BLACKBOARD_TYPE
    }

    public enum Use {
        /** parsed: readValue, fromJson, parseInt... */
        PARSED,
        /** branched on: equals, contains, startsWith, regex, switch */
        BRANCHED,
        /** interpolated into another prompt */
        INTERPOLATED,
        /** the producer was asked for structure (a format, fields, a verdict) */
        STRUCTURE_REQUESTED,
        /** validated at the receiving side */
        VALIDATED
    }
}
