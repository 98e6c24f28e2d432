package dev.baton.harness.operator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every malformed-output operator the harness knows, one per real failure pattern. */
public final class OperatorCatalogue {

    private static final List<MalformedOperator> ALL;

    static {
        List<MalformedOperator> all = new ArrayList<>();
        all.addAll(EnvelopeOperators.all());
        all.addAll(LexicalOperators.all());
        all.addAll(StructuralOperators.all());
        all.addAll(ResourceOperators.all());
        // grouped by family, in the family's order: the synthetic family comes last wherever its operators are defined
        all.sort(java.util.Comparator.comparing(MalformedOperator::family));
        ALL = List.copyOf(all);
    }

    private OperatorCatalogue() {
    }

    /**
     * All operators, envelope first, in a stable order; those of the {@link Family#SYNTHETIC} family,
     * which the default campaign does not run, last.
     */
    public static List<MalformedOperator> all() {
        return ALL;
    }

    /** The operator named {@code name}. */
    public static Optional<MalformedOperator> named(String name) {
        return ALL.stream().filter(o -> o.name().equals(name)).findFirst();
    }
}
