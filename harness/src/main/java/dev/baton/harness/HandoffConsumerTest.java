package dev.baton.harness;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class whose methods declare consumers under test for the {@code baton} engine. Every
 * method of the class that takes no parameters and returns a {@link ConsumerSpec} is one consumer;
 * the engine runs the campaign (valid input accepted, malformed input rejected per operator,
 * replay idempotent, exhausted recovery escalates) against each.
 *
 * <pre>{@code
 * @HandoffConsumerTest
 * class SummarizerHandoffTest {
 *     ConsumerSpec<ResearchNotes> summarizer() {
 *         Summarizer summarizer = new Summarizer(Boundary.of(Contract.of(ResearchNotes.class), "researcher"));
 *         return ConsumerSpec.of(Contract.of(ResearchNotes.class), summarizer::accept);
 *     }
 * }
 * }</pre>
 *
 * The class needs a no-argument constructor; it is instantiated once per run.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface HandoffConsumerTest {
}
