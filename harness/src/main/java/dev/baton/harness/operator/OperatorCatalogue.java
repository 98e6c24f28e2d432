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
        ALL = List.copyOf(all);
    }

    private OperatorCatalogue() {
    }

    /** All operators, envelope first, in a stable order. */
    public static List<MalformedOperator> all() {
        return ALL;
    }

    /** The operator named {@code name}. */
    public static Optional<MalformedOperator> named(String name) {
        return ALL.stream().filter(o -> o.name().equals(name)).findFirst();
    }
}
