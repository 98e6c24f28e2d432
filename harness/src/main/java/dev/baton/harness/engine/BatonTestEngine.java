package dev.baton.harness.engine;

import dev.baton.harness.ConsumerSpec;
import dev.baton.harness.campaign.FailureStore;
import dev.baton.harness.engine.Descriptors.ClassNode;
import dev.baton.harness.engine.Descriptors.ConsumerNode;
import dev.baton.harness.engine.Descriptors.FamilyNode;
import dev.baton.harness.engine.Descriptors.PropertyNode;
import dev.baton.harness.property.CampaignSettings;
import dev.baton.harness.property.ConsumerCampaign;
import dev.baton.harness.property.PropertyResult;
import dev.baton.harness.report.Printable;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;
import org.junit.platform.engine.support.discovery.EngineDiscoveryRequestResolver;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * The {@code baton} JUnit Platform engine: finds {@code @HandoffConsumerTest} classes and proves,
 * property by property, that each declared consumer accepts valid handoffs and rejects malformed
 * upstream output at its boundary with a typed, owned error.
 */
public final class BatonTestEngine implements TestEngine {

    /** The engine id, as used in unique ids and {@code junit.platform} filters. */
    public static final String ID = "baton";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Optional<String> getGroupId() {
        return Optional.of("dev.baton");
    }

    @Override
    public Optional<String> getArtifactId() {
        return Optional.of("baton-harness");
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        EngineDescriptor engine = new EngineDescriptor(uniqueId, "Baton");
        DiscoveryIssueReporter issues = DiscoveryIssueReporter.deduplicating(
                DiscoveryIssueReporter.forwarding(request.getDiscoveryListener(), uniqueId));
        BatonSettings.Parsed parsed = BatonSettings.read(request.getConfigurationParameters());
        for (String problem : parsed.problems()) {
            issues.reportIssue(DiscoveryIssue.create(DiscoveryIssue.Severity.ERROR, "baton configuration: " + problem));
        }
        EngineDiscoveryRequestResolver.<EngineDescriptor>builder()
                .addClassContainerSelectorResolver(ConsumerResolver::isCandidate)
                .addSelectorResolver(ctx -> new ConsumerResolver(ctx.getIssueReporter(), parsed.settings()))
                .build()
                .resolve(request, engine, issues);
        return engine;
    }

    @Override
    public void execute(ExecutionRequest request) {
        TestDescriptor engine = request.getRootTestDescriptor();
        EngineExecutionListener listener = request.getEngineExecutionListener();
        CampaignSettings settings = BatonSettings.read(request.getConfigurationParameters()).settings();
        FailureStore store = new FailureStore(settings.failuresDir());
        listener.executionStarted(engine);
        for (TestDescriptor child : engine.getChildren()) {
            if (child instanceof ClassNode classNode) {
                executeClass(classNode, listener, settings, store);
            }
        }
        listener.executionFinished(engine, TestExecutionResult.successful());
    }

    private void executeClass(ClassNode node, EngineExecutionListener listener, CampaignSettings settings,
                              FailureStore store) {
        listener.executionStarted(node);
        Object instance;
        try {
            Constructor<?> constructor = node.testClass.getDeclaredConstructor();
            constructor.setAccessible(true);
            instance = constructor.newInstance();
        } catch (Throwable e) {
            listener.executionFinished(node, TestExecutionResult.failed(contained(unwrap(e))));
            return;
        }
        for (TestDescriptor child : node.getChildren()) {
            if (child instanceof ConsumerNode consumer) {
                executeConsumer(consumer, instance, listener, settings, store);
            }
        }
        listener.executionFinished(node, TestExecutionResult.successful());
    }

    private void executeConsumer(ConsumerNode node, Object instance, EngineExecutionListener listener,
                                 CampaignSettings settings, FailureStore store) {
        listener.executionStarted(node);
        ConsumerCampaign campaign;
        try {
            Method method = node.method;
            method.setAccessible(true);
            Object spec = method.invoke(instance);
            if (spec == null) {
                throw new IllegalStateException(method.getDeclaringClass().getName() + "#" + method.getName()
                        + " returned null instead of a ConsumerSpec");
            }
            campaign = new ConsumerCampaign((ConsumerSpec<?>) spec, settings, store);
        } catch (Throwable e) {
            listener.executionFinished(node, TestExecutionResult.failed(contained(unwrap(e))));
            return;
        }
        List<PropertyNode> properties = new ArrayList<>();
        collect(node, properties);
        int left = properties.size();
        for (TestDescriptor child : node.getChildren()) {
            if (child instanceof PropertyNode property) {
                executeProperty(property, campaign, listener, left--);
            } else if (child instanceof FamilyNode family) {
                listener.executionStarted(family);
                for (TestDescriptor op : family.getChildren()) {
                    executeProperty((PropertyNode) op, campaign, listener, left--);
                }
                listener.executionFinished(family, TestExecutionResult.successful());
            }
        }
        listener.executionFinished(node, TestExecutionResult.successful());
    }

    private static void collect(TestDescriptor node, List<PropertyNode> out) {
        for (TestDescriptor child : node.getChildren()) {
            if (child instanceof PropertyNode p) {
                out.add(p);
            } else {
                collect(child, out);
            }
        }
    }

    private void executeProperty(PropertyNode node, ConsumerCampaign campaign, EngineExecutionListener listener,
                                 int propertiesLeft) {
        listener.executionStarted(node);
        String key = node.getUniqueId().getSegments().stream().skip(1)
                .map(s -> s.getValue()).reduce((a, b) -> a + "." + b).orElse("baton");
        PropertyResult result;
        try {
            result = switch (node.property) {
                case VALID -> campaign.valid(key, propertiesLeft);
                case MALFORMED -> campaign.malformed(node.operator, key, propertiesLeft);
                case REPLAY -> campaign.replay(key, propertiesLeft);
                case ESCALATION -> campaign.escalation(key, propertiesLeft);
            };
        } catch (Throwable e) {
            // whatever a consumer (or its spec) throws fails this property only: the campaign goes on
            listener.executionFinished(node, TestExecutionResult.failed(contained(e)));
            return;
        }
        if (!result.entries().isEmpty()) {
            listener.reportingEntryPublished(node, ReportEntry.from(printable(result.entries())));
        }
        if (result.status() == PropertyResult.Status.PASSED && !result.message().isEmpty()) {
            // a report entry alone is easy to miss: a property cut short by the budget says so in the console too
            System.out.println("[baton] " + Printable.escape(describe(node)) + ": " + Printable.escape(result.message()));
        }
        switch (result.status()) {
            case PASSED -> listener.executionFinished(node, TestExecutionResult.successful());
            case NOT_APPLICABLE -> listener.executionFinished(node,
                    TestExecutionResult.aborted(new TestAbortedException(Printable.escape(result.message()))));
            case FAILED -> listener.executionFinished(node, TestExecutionResult.failed(failure(node, result)));
        }
    }

    /**
     * The failure as users see it: the report is the message; the stack points at the consumer
     * method, where IDEs can jump, rather than into the engine.
     */
    private static AssertionFailedError failure(PropertyNode node, PropertyResult result) {
        AssertionFailedError error = new AssertionFailedError(Printable.escapeKeepingLines(result.message()));
        error.setStackTrace(new StackTraceElement[] {new StackTraceElement(
                node.method.getDeclaringClass().getName(), node.method.getName(), null, -1)});
        return error;
    }

    /** "OrderDeskTest.desk() › valid input is accepted", for console lines. */
    private static String describe(PropertyNode node) {
        return node.method.getDeclaringClass().getSimpleName() + "." + node.method.getName() + "() › "
                + node.getDisplayName();
    }

    /** Report entries as XML reports and consoles can carry them: escaped, never blank (JUnit refuses blank values). */
    private static Map<String, String> printable(Map<String, String> entries) {
        Map<String, String> out = new LinkedHashMap<>();
        entries.forEach((k, v) -> {
            String value = Printable.escape(v);
            out.put(k, value.isBlank() ? "(empty)" : value);
        });
        return out;
    }

    /**
     * {@code e} as a failure the build can report: a failing VM (out of memory) still stops the run,
     * since nothing after it can be trusted; an exception fails this node as it is; an error (a stack
     * overflow, an assertion, a linkage error) fails it as "consumer crashed with …", its message
     * escaped and its trace cut, and the campaign goes on.
     */
    private static Throwable contained(Throwable e) {
        if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
            throw (VirtualMachineError) e;
        }
        if (e instanceof Exception) {
            return e;
        }
        String message = e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        AssertionFailedError error = new AssertionFailedError("consumer crashed with "
                + Printable.escape(Printable.abbreviate(message, 1_000)), e instanceof StackOverflowError ? null : e);
        error.setStackTrace(trimmed(e.getStackTrace()));
        return error;
    }

    /** A stack overflow's trace is thousands of frames of the same recursion: a report needs only the top. */
    private static StackTraceElement[] trimmed(StackTraceElement[] trace) {
        return trace.length <= 64 ? trace : java.util.Arrays.copyOf(trace, 64);
    }

    private static Throwable unwrap(Throwable e) {
        return e instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : e;
    }
}
