package dev.baton.linter.frontend.agentic;

import dev.baton.linter.graph.Fact;
import dev.baton.linter.graph.Location;
import dev.baton.linter.graph.facts.KeyAccess;

/**
 * A LangChain4j agentic scope key as one agent uses it, with the Java type on its side: the raw
 * material for {@code STATE_KEY} edges. {@link KeyAccess} is the framework-neutral view of the same.
 *
 * @param javaType the type as written (return type of a writer, parameter type of a reader), or {@code null}
 */
public record AgenticKeyUse(Location location, String key, KeyAccess.Access access, String agent, String javaType,
                            Origin origin) implements Fact {
    public enum Origin {
        /** {@code outputKey}/{@code typedOutputKey} of an agent */
        OUTPUT_KEY,
        /** an {@code @Agent} method parameter ({@code @V}, {@code @K} or its name) */
        PARAMETER,
        /** a {@code {{key}}} in a prompt template */
        PLACEHOLDER,
        /** {@code readState}/{@code writeState} in code */
        STATE,
        /** {@code readState(key, default)}: a read that expects the key may be missing */
        STATE_WITH_DEFAULT,
        /** {@code inputKey(...)} of an untyped agent or human step */
        INPUT_KEY,
        /** the {@code outputKey} a composite returns */
        COMPOSITE_OUTPUT,
        /** arguments the application passes when it invokes an agent or agentic system */
        CALLER
    }
}
