package dev.baton.linter.frontend.agentic;

import dev.baton.linter.graph.Fact;
import dev.baton.linter.graph.Location;
import dev.baton.linter.graph.facts.KeyAccess;

/**
 * A LangChain4j agentic scope key as one agent uses it, with the Java type on its side: the raw
 * material for the scoped {@link KeyAccess} facts and {@code STATE_KEY} edges {@link AgenticLinks} derives.
 *
 * @param javaType the type as written (return type of a writer, parameter type of a reader), or {@code null}
 * @param keyType  the {@code TypedKey} class the key was named by ({@code @K}, {@code typedOutputKey},
 *                 {@code readState(X.class)}), as resolved in the file, or {@code null}: its name may be
 *                 overridden by the class's {@code name()}, known only once every file is read
 * @param instance for uses written on one {@code agentBuilder(X.class)} chain, that builder call
 *                 ({@code path:line}); for the keys a caller passes to {@code invoke}, the composite invoked;
 *                 {@code null} when the use belongs to the agent's type or the target is unknown
 */
public record AgenticKeyUse(Location location, String key, KeyAccess.Access access, String agent, String javaType,
                            Origin origin, String keyType, String instance) implements Fact {
    public AgenticKeyUse(Location location, String key, KeyAccess.Access access, String agent, String javaType, Origin origin) {
        this(location, key, access, agent, javaType, origin, null, null);
    }

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
        /** {@code inputKey(...)} of an untyped agent or human step, the {@code itemsProvider} of a parallel mapper */
        INPUT_KEY,
        /** the {@code outputKey} a composite returns */
        COMPOSITE_OUTPUT,
        /** arguments the application passes when it invokes an agent or agentic system */
        CALLER
    }
}
