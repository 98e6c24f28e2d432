package dev.baton.harness;

import dev.baton.runtime.boundary.Bucket;
import dev.baton.runtime.boundary.Limits;
import dev.baton.runtime.contract.Contract;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A consumer under test: its contract, how to feed it upstream output, and what it declares about
 * ownership, its own rejection types, side effects and escalation. Immutable; each {@code with}-style
 * method returns a copy.
 *
 * <pre>{@code
 * ConsumerSpec.of(Contract.of(Order.class), raw -> orders.accept(raw))
 *         .owner("order-intake")                       // rejections must name this owner
 *         .sideEffects(mailer::sentCount)              // enables the replay property
 *         .escalation(upstream -> orders.process(upstream), outbox::observed); // enables the escalation property
 * }</pre>
 *
 * A consumer that does not use the runtime's {@code Boundary} maps its own rejection type to
 * buckets, and declares where it answers with a coarser bucket than Baton's:
 *
 * <pre>{@code
 * ConsumerSpec.of(Contract.of(Order.class), intake::accept)
 *         .rejections(IntakeRejected.class, e -> switch (e.reason()) {
 *             case UNREADABLE -> Bucket.NOT_JSON;
 *             case INCOMPLETE -> Bucket.TRUNCATED;
 *             case INVALID -> Bucket.SCHEMA_VIOLATION;
 *         })
 *         .coarseBucket(Bucket.NOT_JSON, Bucket.REFUSAL, Bucket.MULTIPLE_VALUES); // "unreadable" covers these
 * }</pre>
 *
 * @param <T> the contract's type
 */
public final class ConsumerSpec<T> {

    /**
     * A thrown exception recognised as the consumer's own typed rejection.
     *
     * @param bucket the bucket it stands for
     * @param owner  who owns the failure
     */
    public record OwnRejection(Bucket bucket, String owner) {
    }

    private record RejectionType<E extends Throwable>(Class<E> type, Function<? super E, Bucket> bucket,
                                                       Function<? super E, String> owner) {

        Optional<OwnRejection> match(Throwable thrown, String declaredOwner) {
            if (!type.isInstance(thrown)) {
                return Optional.empty();
            }
            E e = type.cast(thrown);
            Bucket b = bucket.apply(e);
            if (b == null) {
                return Optional.empty();
            }
            String o = owner != null ? owner.apply(e) : declaredOwner != null ? declaredOwner : type.getName();
            return Optional.of(new OwnRejection(b, o));
        }
    }

    private record Parts(String owner, Limits limits, LongSupplier sideEffects, RecoveryPath recovery,
                         Supplier<List<ObservedEscalation>> escalations, boolean keyed,
                         List<RejectionType<?>> rejectionTypes, Map<Bucket, Set<Bucket>> coarse) {
    }

    private final Contract<T> contract;
    private final HandoffConsumer consumer;
    private final Parts parts;

    private ConsumerSpec(Contract<T> contract, HandoffConsumer consumer, Parts parts) {
        this.contract = Objects.requireNonNull(contract, "contract");
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        this.parts = parts;
    }

    private ConsumerSpec<T> with(Parts changed) {
        return new ConsumerSpec<>(contract, consumer, changed);
    }

    private static Parts initial(boolean keyed) {
        return new Parts(null, Limits.defaults(), null, null, null, keyed, List.of(), Map.of());
    }

    /** A consumer fed raw upstream output. */
    public static <T> ConsumerSpec<T> of(Contract<T> contract, RawConsumer consumer) {
        Objects.requireNonNull(consumer, "consumer");
        return new ConsumerSpec<>(contract, delivery -> consumer.accept(delivery.raw()), initial(false));
    }

    /** A consumer fed deliveries (raw output plus message id, idempotency key and attempt). */
    public static <T> ConsumerSpec<T> ofDeliveries(Contract<T> contract, HandoffConsumer consumer) {
        return new ConsumerSpec<>(contract, consumer, initial(true));
    }

    /** Rejections must name exactly this owner (otherwise any non-blank owner is accepted). */
    public ConsumerSpec<T> owner(String expectedOwner) {
        Parts p = parts;
        return with(new Parts(Objects.requireNonNull(expectedOwner), p.limits, p.sideEffects, p.recovery,
                p.escalations, p.keyed, p.rejectionTypes, p.coarse));
    }

    /** The limits of the consumer's boundary (default {@link Limits#defaults()}), for resource operators. */
    public ConsumerSpec<T> limits(Limits boundaryLimits) {
        Parts p = parts;
        return with(new Parts(p.owner, Objects.requireNonNull(boundaryLimits), p.sideEffects, p.recovery,
                p.escalations, p.keyed, p.rejectionTypes, p.coarse));
    }

    /**
     * Declares the consumer's own rejection type: a thrown {@code type} is a typed rejection in the
     * bucket {@code bucket} returns (or, when it returns {@code null}, an unowned exception like any
     * other). Its owner is the one declared with {@link #owner(String)}, else the type's name. The
     * bucket is still checked against what each operator expects, as strictly as the runtime's.
     */
    public <E extends Throwable> ConsumerSpec<T> rejections(Class<E> type, Function<? super E, Bucket> bucket) {
        return addRejectionType(new RejectionType<>(Objects.requireNonNull(type), Objects.requireNonNull(bucket), null));
    }

    /**
     * Like {@link #rejections(Class, Function)}, with the owner read from the exception, so that a
     * declared {@link #owner(String)} is checked against it.
     */
    public <E extends Throwable> ConsumerSpec<T> rejections(Class<E> type, Function<? super E, Bucket> bucket,
                                                            Function<? super E, String> owner) {
        return addRejectionType(new RejectionType<>(Objects.requireNonNull(type), Objects.requireNonNull(bucket),
                Objects.requireNonNull(owner)));
    }

    private ConsumerSpec<T> addRejectionType(RejectionType<?> type) {
        Parts p = parts;
        List<RejectionType<?>> types = new ArrayList<>(p.rejectionTypes);
        types.add(type);
        return with(new Parts(p.owner, p.limits, p.sideEffects, p.recovery, p.escalations, p.keyed, List.copyOf(types),
                p.coarse));
    }

    /**
     * Declares that the consumer answers {@code coarse} where Baton expects any of {@code finer}: a
     * consumer whose "unreadable" covers refusals and several values, say. Only the pairs declared are
     * accepted; every other wrong bucket still fails, so the check stays strict by default.
     */
    public ConsumerSpec<T> coarseBucket(Bucket coarse, Bucket... finer) {
        Objects.requireNonNull(coarse, "coarse");
        if (finer.length == 0) {
            throw new IllegalArgumentException("coarseBucket(" + coarse + ") names no finer bucket it stands for");
        }
        Parts p = parts;
        Map<Bucket, Set<Bucket>> coarseMap = new EnumMap<>(Bucket.class);
        coarseMap.putAll(p.coarse);
        Set<Bucket> covered = EnumSet.noneOf(Bucket.class);
        covered.addAll(coarseMap.getOrDefault(coarse, Set.of()));
        covered.addAll(List.of(finer));
        coarseMap.put(coarse, Collections.unmodifiableSet(covered));
        return with(new Parts(p.owner, p.limits, p.sideEffects, p.recovery, p.escalations, p.keyed, p.rejectionTypes,
                Collections.unmodifiableMap(coarseMap)));
    }

    /**
     * Declares that the consumer acts on the world; {@code count} reads how many side effects it has
     * performed so far. Enables the "replay is idempotent" property.
     */
    public ConsumerSpec<T> sideEffects(LongSupplier count) {
        Parts p = parts;
        return with(new Parts(p.owner, p.limits, Objects.requireNonNull(count), p.recovery, p.escalations, p.keyed,
                p.rejectionTypes, p.coarse));
    }

    /**
     * Declares the consumer's recovery path and how to read the escalations it recorded. Enables the
     * "exhausted recovery escalates" property.
     */
    public ConsumerSpec<T> escalation(RecoveryPath path, Supplier<List<ObservedEscalation>> recorded) {
        Parts p = parts;
        return with(new Parts(p.owner, p.limits, p.sideEffects, Objects.requireNonNull(path),
                Objects.requireNonNull(recorded), p.keyed, p.rejectionTypes, p.coarse));
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
        return Optional.ofNullable(parts.owner);
    }

    /** The boundary's limits the resource operators break. */
    public Limits limits() {
        return parts.limits;
    }

    /** The side-effect counter, if the consumer declares side effects. */
    public Optional<LongSupplier> sideEffects() {
        return Optional.ofNullable(parts.sideEffects);
    }

    /** The recovery path, if declared. */
    public Optional<RecoveryPath> recovery() {
        return Optional.ofNullable(parts.recovery);
    }

    /**
     * Whether the consumer sees idempotency keys ({@link #ofDeliveries}); a raw consumer can only
     * deduplicate by content, so the replay property expects no new side effect for content it saw.
     */
    public boolean keyed() {
        return parts.keyed;
    }

    /** Reads the escalations recorded so far, if a recovery path is declared. */
    public Optional<Supplier<List<ObservedEscalation>>> escalations() {
        return Optional.ofNullable(parts.escalations);
    }

    /** {@code thrown} as the consumer's own rejection, if a declared rejection type maps it to a bucket. */
    public Optional<OwnRejection> ownRejection(Throwable thrown) {
        for (RejectionType<?> type : parts.rejectionTypes) {
            Optional<OwnRejection> match = type.match(thrown, parts.owner);
            if (match.isPresent()) {
                return match;
            }
        }
        return Optional.empty();
    }

    /**
     * The buckets a rejection may name where Baton expects {@code expected}: those, plus every coarse
     * bucket declared to stand for one of them.
     */
    public Set<Bucket> acceptedBuckets(Set<Bucket> expected) {
        Set<Bucket> out = EnumSet.noneOf(Bucket.class);
        out.addAll(expected);
        parts.coarse.forEach((coarse, finer) -> {
            if (finer.stream().anyMatch(expected::contains)) {
                out.add(coarse);
            }
        });
        return Collections.unmodifiableSet(out);
    }
}
