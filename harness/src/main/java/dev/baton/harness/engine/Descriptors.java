package dev.baton.harness.engine;

import dev.baton.harness.operator.Family;
import dev.baton.harness.operator.MalformedOperator;
import java.lang.reflect.Method;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;

/** The nodes of the baton test tree: class → consumer → properties (malformed ones grouped by family). */
final class Descriptors {

    static final String CLASS = "class";
    static final String CONSUMER = "consumer";
    static final String PROPERTY = "property";
    static final String FAMILY = "family";
    static final String OPERATOR = "operator";

    private Descriptors() {
    }

    /** A class annotated {@code @HandoffConsumerTest}. */
    static final class ClassNode extends AbstractTestDescriptor {
        final Class<?> testClass;

        ClassNode(UniqueId id, Class<?> testClass) {
            super(id, testClass.getSimpleName(), ClassSource.from(testClass));
            this.testClass = testClass;
        }

        @Override
        public Type getType() {
            return Type.CONTAINER;
        }
    }

    /** One method returning a {@code ConsumerSpec}. */
    static final class ConsumerNode extends AbstractTestDescriptor {
        final Method method;

        ConsumerNode(UniqueId id, Method method) {
            super(id, method.getName() + "()", MethodSource.from(method));
            this.method = method;
        }

        @Override
        public Type getType() {
            return Type.CONTAINER;
        }
    }

    /** A family of malformed-output operators. */
    static final class FamilyNode extends AbstractTestDescriptor {
        final Family family;

        FamilyNode(UniqueId id, Family family, Method method) {
            super(id, "malformed input is rejected: " + family.title(), MethodSource.from(method));
            this.family = family;
        }

        @Override
        public Type getType() {
            return Type.CONTAINER;
        }
    }

    /** Which property a test node checks. */
    enum Property { VALID, MALFORMED, REPLAY, ESCALATION }

    /**
     * One property (for MALFORMED: one operator) of one consumer; its source is the consumer method.
     * Build tools that name a test after its method (Surefire) would give every property of a
     * consumer the same name, merge their results and break their rerun reports; the legacy
     * reporting name, {@code consumer(property)[n]} in the form Surefire keeps for parameterized
     * tests, is unique per consumer.
     */
    static final class PropertyNode extends AbstractTestDescriptor {
        final Property property;
        final MalformedOperator operator;
        final Method method;
        private final String legacyName;

        PropertyNode(UniqueId id, String name, Property property, MalformedOperator operator, Method method) {
            super(id, name, MethodSource.from(method));
            this.property = property;
            this.operator = operator;
            this.method = method;
            this.legacyName = method.getName() + "(" + id.getLastSegment().getValue() + ")[" + ordinal(property, operator)
                    + "]";
        }

        private static int ordinal(Property property, MalformedOperator operator) {
            return switch (property) {
                case VALID -> 1;
                case MALFORMED -> 2 + dev.baton.harness.operator.OperatorCatalogue.all().indexOf(operator);
                case REPLAY -> 2 + dev.baton.harness.operator.OperatorCatalogue.all().size();
                case ESCALATION -> 3 + dev.baton.harness.operator.OperatorCatalogue.all().size();
            };
        }

        @Override
        public String getLegacyReportingName() {
            return legacyName;
        }

        @Override
        public Type getType() {
            return Type.TEST;
        }
    }
}
