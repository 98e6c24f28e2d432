package dev.baton.linter.rule;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one place a rule's metadata lives. SARIF {@code rules[]}, the docs index, configuration
 * validation and {@code --list} all derive from it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {
    /** stable kebab-case id, e.g. {@code untyped-handoff} */
    String id();

    Severity severity();

    Principle principle();

    /** one line, no trailing period: SARIF shortDescription */
    String summary();

    /** a paragraph: what the rule finds and why it matters; SARIF fullDescription */
    String description();

    /** how to fix it, one or two sentences; SARIF help.text */
    String fix();
}
