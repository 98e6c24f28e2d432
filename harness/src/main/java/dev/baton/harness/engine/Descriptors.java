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

    /** One property (for MALFORMED: one operator) of one consumer. */
    static final class PropertyNode extends AbstractTestDescriptor {
        final Property property;
        final MalformedOperator operator;

        PropertyNode(UniqueId id, String name, Property property, MalformedOperator operator, Method method) {
            super(id, name, MethodSource.from(method));
            this.property = property;
            this.operator = operator;
        }

        @Override
        public Type getType() {
            return Type.TEST;
        }
    }
}
