package dev.baton.runtime.chain;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the class that implements an agent of a chain, so the linter knows which code receives which
 * handoff: {@code @AgentRole("summarizer") class Summarizer { ... }}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AgentRole {
    /** @return the agent's name as declared in the chain */
    String value();
}
