package dev.baton.harness.engine;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import dev.baton.harness.ConsumerSpec;
import dev.baton.harness.HandoffConsumerTest;
import dev.baton.harness.engine.Descriptors.ClassNode;
import dev.baton.harness.engine.Descriptors.ConsumerNode;
import dev.baton.harness.engine.Descriptors.FamilyNode;
import dev.baton.harness.engine.Descriptors.Property;
import dev.baton.harness.engine.Descriptors.PropertyNode;
import dev.baton.harness.operator.Family;
import dev.baton.harness.operator.MalformedOperator;
import dev.baton.harness.property.CampaignSettings;
import dev.baton.harness.property.ConsumerCampaign;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.MethodSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * Resolves class, method and unique-id selectors into the baton tree (package and classpath-root
 * selectors arrive here as class selectors). Problems with a test class are reported as discovery
 * issues naming the class or method, never skipped silently.
 */
final class ConsumerResolver implements SelectorResolver {

    private final DiscoveryIssueReporter issues;
    private final List<MalformedOperator> operators;

    ConsumerResolver(DiscoveryIssueReporter issues, CampaignSettings settings) {
        this.issues = issues;
        this.operators = ConsumerCampaign.operators(settings);
    }

    static boolean isCandidate(Class<?> type) {
        return type.isAnnotationPresent(HandoffConsumerTest.class);
    }

    @Override
    public Resolution resolve(ClassSelector selector, Context context) {
        Class<?> type = selector.getJavaClass();
        if (!isCandidate(type)) {
            return Resolution.unresolved();
        }
        return classNode(type, context)
                .map(node -> Resolution.match(Match.exact(node, () -> consumerSelectors(type))))
                .orElse(Resolution.unresolved());
    }

    @Override
    public Resolution resolve(MethodSelector selector, Context context) {
        Class<?> type = selector.getJavaClass();
        if (!isCandidate(type)) {
            return Resolution.unresolved();
        }
        Method method = selector.getJavaMethod();
        if (!isConsumerMethod(method)) {
            return Resolution.unresolved();
        }
        return consumerNode(method, context).map(this::exactWithChildren).orElse(Resolution.unresolved());
    }

    @Override
    public Resolution resolve(UniqueIdSelector selector, Context context) {
        UniqueId id = selector.getUniqueId();
        List<UniqueId.Segment> segments = id.getSegments();
        UniqueId.Segment last = id.getLastSegment();
        switch (last.getType()) {
            case Descriptors.CLASS -> {
                return ReflectionSupport.tryToLoadClass(last.getValue()).toOptional()
                        .filter(ConsumerResolver::isCandidate)
                        .flatMap(type -> classNode(type, context)
                                .map(node -> Resolution.match(Match.exact(node, () -> consumerSelectors(type)))))
                        .orElse(Resolution.unresolved());
            }
            case Descriptors.CONSUMER -> {
                if (segments.size() < 3) {
                    return Resolution.unresolved();
                }
                String className = segments.get(segments.size() - 2).getValue();
                return ReflectionSupport.tryToLoadClass(className).toOptional()
                        .filter(ConsumerResolver::isCandidate)
                        .flatMap(type -> consumerMethods(type).stream()
                                .filter(m -> m.getName().equals(last.getValue())).findFirst())
                        .flatMap(m -> consumerNode(m, context))
                        .map(this::exactWithChildren)
                        .orElse(Resolution.unresolved());
            }
            case Descriptors.PROPERTY, Descriptors.FAMILY, Descriptors.OPERATOR -> {
                return child(id, context);
            }
            default -> {
                return Resolution.unresolved();
            }
        }
    }

    private Resolution child(UniqueId id, Context context) {
        UniqueId.Segment last = id.getLastSegment();
        Optional<TestDescriptor> node = context.addToParent(() -> selectUniqueId(id.removeLastSegment()), parent -> {
            Method method = methodOf(parent);
            if (method == null) {
                return Optional.empty();
            }
            return switch (last.getType()) {
                case Descriptors.PROPERTY -> property(id, last.getValue(), method).map(n -> (TestDescriptor) n);
                case Descriptors.FAMILY -> family(last.getValue())
                        .map(f -> (TestDescriptor) new FamilyNode(id, f, method));
                default -> operators.stream()
                        .filter(o -> o.name().equals(last.getValue()) && parent instanceof FamilyNode fn
                                && fn.family == o.family())
                        .findFirst()
                        .map(o -> (TestDescriptor) new PropertyNode(id, o.label() + " → " + o.expected(),
                                Property.MALFORMED, o, method));
            };
        });
        return node.map(n -> n instanceof FamilyNode f
                        ? Resolution.match(Match.exact(n, () -> operatorSelectors(f)))
                        : Resolution.match(Match.exact(n)))
                .orElse(Resolution.unresolved());
    }

    private static Method methodOf(TestDescriptor node) {
        if (node instanceof ConsumerNode c) {
            return c.method;
        }
        return node.getParent().filter(p -> p instanceof ConsumerNode).map(p -> ((ConsumerNode) p).method).orElse(null);
    }

    private static Optional<PropertyNode> property(UniqueId id, String value, Method method) {
        return switch (value) {
            case ConsumerCampaign.VALID -> Optional.of(new PropertyNode(id, "valid input is accepted", Property.VALID,
                    null, method));
            case ConsumerCampaign.REPLAY -> Optional.of(new PropertyNode(id, "replay is idempotent", Property.REPLAY,
                    null, method));
            case ConsumerCampaign.ESCALATION -> Optional.of(new PropertyNode(id, "exhausted recovery escalates once",
                    Property.ESCALATION, null, method));
            default -> Optional.empty();
        };
    }

    private static Optional<Family> family(String value) {
        return Arrays.stream(Family.values()).filter(f -> f.name().equalsIgnoreCase(value)).findFirst();
    }

    private Resolution exactWithChildren(ConsumerNode node) {
        return Resolution.match(Match.exact(node, () -> {
            Set<DiscoverySelector> children = new LinkedHashSet<>();
            UniqueId base = node.getUniqueId();
            children.add(selectUniqueId(base.append(Descriptors.PROPERTY, ConsumerCampaign.VALID)));
            for (Family family : Family.values()) {
                if (operators.stream().anyMatch(o -> o.family() == family)) {
                    children.add(selectUniqueId(base.append(Descriptors.FAMILY, family.name().toLowerCase())));
                }
            }
            children.add(selectUniqueId(base.append(Descriptors.PROPERTY, ConsumerCampaign.REPLAY)));
            children.add(selectUniqueId(base.append(Descriptors.PROPERTY, ConsumerCampaign.ESCALATION)));
            return children;
        }));
    }

    private Set<DiscoverySelector> operatorSelectors(FamilyNode node) {
        Set<DiscoverySelector> out = new LinkedHashSet<>();
        for (MalformedOperator o : operators) {
            if (o.family() == node.family) {
                out.add(selectUniqueId(node.getUniqueId().append(Descriptors.OPERATOR, o.name())));
            }
        }
        return out;
    }

    private Optional<ClassNode> classNode(Class<?> type, Context context) {
        String problem = instantiationProblem(type);
        if (problem != null) {
            issues.reportIssue(DiscoveryIssue.builder(DiscoveryIssue.Severity.ERROR,
                    "@HandoffConsumerTest class " + type.getName() + " cannot be run: " + problem)
                    .source(ClassSource.from(type)));
            return Optional.empty();
        }
        for (Method m : ReflectionSupport.findMethods(type, m -> ConsumerSpec.class.isAssignableFrom(m.getReturnType())
                && m.getParameterCount() > 0 && !m.isSynthetic() && !Modifier.isPrivate(m.getModifiers()),
                org.junit.platform.commons.support.HierarchyTraversalMode.TOP_DOWN)) {
            // private methods with parameters are helpers that build specs; anything else looks like a
            // consumer the author expected to run
            issues.reportIssue(DiscoveryIssue.builder(DiscoveryIssue.Severity.WARNING,
                    "consumer method " + type.getName() + "#" + m.getName()
                            + " must take no parameters to declare a consumer under test; it is not run"
                            + " (make it private if it is a helper)")
                    .source(MethodSource.from(m)));
        }
        if (consumerMethods(type).isEmpty()) {
            issues.reportIssue(DiscoveryIssue.builder(DiscoveryIssue.Severity.WARNING,
                    "@HandoffConsumerTest class " + type.getName()
                            + " declares no consumer: add a method with no parameters returning ConsumerSpec")
                    .source(ClassSource.from(type)));
        }
        return context.addToParent(parent -> Optional.of(
                new ClassNode(parent.getUniqueId().append(Descriptors.CLASS, type.getName()), type)));
    }

    private Optional<ConsumerNode> consumerNode(Method method, Context context) {
        Class<?> type = method.getDeclaringClass();
        return context.addToParent(() -> org.junit.platform.engine.discovery.DiscoverySelectors.selectClass(type),
                parent -> Optional.of(new ConsumerNode(parent.getUniqueId().append(Descriptors.CONSUMER,
                        method.getName()), method)));
    }

    private static Set<DiscoverySelector> consumerSelectors(Class<?> type) {
        Set<DiscoverySelector> out = new LinkedHashSet<>();
        for (Method m : consumerMethods(type)) {
            out.add(selectMethod(type, m));
        }
        return out;
    }

    static List<Method> consumerMethods(Class<?> type) {
        return ReflectionSupport.findMethods(type, ConsumerResolver::isConsumerMethod,
                org.junit.platform.commons.support.HierarchyTraversalMode.TOP_DOWN).stream()
                .sorted(java.util.Comparator.comparing(Method::getName))
                .toList();
    }

    static boolean isConsumerMethod(Method m) {
        return ConsumerSpec.class.isAssignableFrom(m.getReturnType()) && m.getParameterCount() == 0
                && !m.isSynthetic() && !m.isBridge();
    }

    private static String instantiationProblem(Class<?> type) {
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            return "it is abstract; make it a concrete class";
        }
        if (type.isMemberClass() && !Modifier.isStatic(type.getModifiers())) {
            return "it is an inner class; make it static or top-level";
        }
        try {
            type.getDeclaredConstructor();
        } catch (NoSuchMethodException e) {
            return "it has no constructor without parameters";
        }
        return null;
    }
}
