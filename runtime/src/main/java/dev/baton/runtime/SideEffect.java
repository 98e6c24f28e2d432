package dev.baton.runtime;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a tool or agent method acts on the world (sends, books, writes, deletes) when the
 * linter cannot see it from the code, for example because the effect happens behind a client library:
 * {@code @Tool("Files the expense") @SideEffect String file(Expense e) { return erp.call(e); }}.
 *
 * <p>The linter honours it by simple name or import: the chains that run the method need an owner for
 * their failures ({@code error-unowned}) and a path to a human ({@code escalation-missing}), and
 * retrying it needs an idempotency guard ({@code retry-not-idempotent}). It has no runtime behaviour.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface SideEffect {
    /** @return what the effect is, for the reader ("books the room") */
    String value() default "";
}
