package dev.baton.harness.choice;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A generator: turns recorded choices into a value. Users may write their own; because they draw
 * only from {@link Choices}, the harness shrinks their values like its own.
 *
 * @param <T> the generated type
 */
@FunctionalInterface
public interface Gen<T> {

    /** Generates a value from {@code choices}. */
    T generate(Choices choices);

    /** Maps generated values. */
    default <R> Gen<R> map(Function<? super T, ? extends R> mapper) {
        return choices -> mapper.apply(generate(choices));
    }

    /** Uses a generated value to pick the next generator. */
    default <R> Gen<R> flatMap(Function<? super T, Gen<R>> next) {
        return choices -> next.apply(generate(choices)).generate(choices);
    }

    /** Keeps only values satisfying {@code condition}; others abandon the attempt. */
    default Gen<T> filter(Predicate<? super T> condition) {
        return choices -> {
            T value = generate(choices);
            if (!condition.test(value)) {
                choices.reject("filtered out");
            }
            return value;
        };
    }

    /** An int in {@code [min, max]}, shrinking toward {@code min}. */
    static Gen<Integer> ints(int min, int max) {
        return choices -> choices.drawInt(min, max);
    }

    /** One of {@code values}, shrinking toward the first. */
    @SafeVarargs
    static <T> Gen<T> oneOf(T... values) {
        List<T> copy = List.of(values);
        return choices -> copy.get(choices.pick(copy.size()));
    }

    /**
     * A list of {@code element} values with {@code min..max} elements. Each element beyond the
     * minimum is preceded by a "one more" choice and wrapped in a span, so the shrinker deletes
     * elements by deleting spans or zeroing the flag.
     */
    static <T> Gen<List<T>> lists(Gen<T> element, int min, int max) {
        return choices -> {
            List<T> out = new ArrayList<>();
            while (out.size() < max) {
                choices.startSpan();
                boolean more = out.size() < min || choices.drawBoolean(0.7);
                if (!more) {
                    choices.endSpan();
                    break;
                }
                out.add(element.generate(choices));
                choices.endSpan();
            }
            return out;
        };
    }
}
