package dev.baton.harness;

import dev.baton.runtime.boundary.Limits;
import dev.baton.runtime.contract.Contract;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A consumer under test: its contract, how to feed it upstream output, and what it declares about
 * ownership, side effects and escalation. Immutable; each {@code with}-style method returns a copy.
 *
 * <pre>{@code
 * ConsumerSpec.of(Contract.of(Order.class), raw -> orders.accept(raw))
 *         .owner("order-intake")                       // rejections must name this owner
 *         .sideEffects(mailer::sentCount)              // enables the replay property
 *         .escalation(upstream -> orders.process(upstream), outbox::observed); // enables the escalation property
 * }</pre>
 *
 * @param <T> the contract's type
 */
public final class ConsumerSpec<T> {

    private final Contract<T> contract;
    private final HandoffConsumer consumer;
    private final String owner;
    private final Limits limits;
    private final LongSupplier sideEffects;
    private final RecoveryPath recovery;
    private final Supplier<List<ObservedEscalation>> escalations;
    private final boolean keyed;

    private ConsumerSpec(Contract<T> contract, HandoffConsumer consumer, String owner, Limits limits,
                         LongSupplier sideEffects, RecoveryPath recovery,
                         Supplier<List<ObservedEscalation>> escalations, boolean keyed) {
        this.keyed = keyed;
        this.contract = Objects.requireNonNull(contract, "contract");
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        this.owner = owner;
        this.limits = Objects.requireNonNull(limits, "limits");
        this.sideEffects = sideEffects;
        this.recovery = recovery;
        this.escalations = escalations;
    }

    /** A consumer fed raw upstream output. */
    public static <T> ConsumerSpec<T> of(Contract<T> contract, RawConsumer consumer) {
        Objects.requireNonNull(consumer, "consumer");
        return new ConsumerSpec<>(contract, delivery -> consumer.accept(delivery.raw()), null, Limits.defaults(),
                null, null, null, false);
    }

    /** A consumer fed deliveries (raw output plus message id, idempotency key and attempt). */
    public static <T> ConsumerSpec<T> ofDeliveries(Contract<T> contract, HandoffConsumer consumer) {
        return new ConsumerSpec<>(contract, consumer, null, Limits.defaults(), null, null, null, true);
    }

    /** Rejections must name exactly this owner (otherwise any non-blank owner is accepted). */
    public ConsumerSpec<T> owner(String expectedOwner) {
        return new ConsumerSpec<>(contract, consumer, Objects.requireNonNull(expectedOwner), limits, sideEffects,
                recovery, escalations, keyed);
    }

    /** The limits of the consumer's boundary (default {@link Limits#defaults()}), for resource operators. */
    public ConsumerSpec<T> limits(Limits boundaryLimits) {
        return new ConsumerSpec<>(contract, consumer, owner, boundaryLimits, sideEffects, recovery, escalations, keyed);
    }

    /**
     * Declares that the consumer acts on the world; {@code count} reads how many side effects it has
     * performed so far. Enables the "replay is idempotent" property.
     */
    public ConsumerSpec<T> sideEffects(LongSupplier count) {
        return new ConsumerSpec<>(contract, consumer, owner, limits, Objects.requireNonNull(count), recovery,
                escalations, keyed);
    }

    /**
     * Declares the consumer's recovery path and how to read the escalations it recorded. Enables the
     * "exhausted recovery escalates" property.
     */
    public ConsumerSpec<T> escalation(RecoveryPath path, Supplier<List<ObservedEscalation>> recorded) {
        return new ConsumerSpec<>(contract, consumer, owner, limits, sideEffects, Objects.requireNonNull(path),
                Objects.requireNonNull(recorded), keyed);
    }

    /** The contract valid values are generated from and negatives are judged against. */
    public Contract<T> contract() {
        return contract;
    }

    /** The consumer under test, as a delivery consumer. */
    public HandoffConsumer consumer() {
        return consumer;
    }

    /** The owner every rejection must name, if declared. */
    public Optional<String> owner() {
        return Optional.ofNullable(owner);
    }

    /** The boundary's limits the resource operators break. */
    public Limits limits() {
        return limits;
    }

    /** The side-effect counter, if the consumer declares side effects. */
    public Optional<LongSupplier> sideEffects() {
        return Optional.ofNullable(sideEffects);
    }

    /** The recovery path, if declared. */
    public Optional<RecoveryPath> recovery() {
        return Optional.ofNullable(recovery);
    }

    /**
     * Whether the consumer sees idempotency keys ({@link #ofDeliveries}); a raw consumer can only
     * deduplicate by content, so the replay property expects no new side effect for content it saw.
     */
    public boolean keyed() {
        return keyed;
    }

    /** Reads the escalations recorded so far, if a recovery path is declared. */
    public Optional<Supplier<List<ObservedEscalation>>> escalations() {
        return Optional.ofNullable(escalations);
    }
}
