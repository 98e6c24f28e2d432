package dev.baton.harness.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import dev.baton.harness.fixtures.bad.DefectiveDeskTest;
import dev.baton.harness.fixtures.bad.LenientOrderTest;
import dev.baton.harness.fixtures.broken.AbstractConsumerTest;
import dev.baton.harness.fixtures.broken.NoConsumerTest;
import dev.baton.harness.fixtures.broken.ThrowingSpecTest;
import dev.baton.harness.fixtures.good.OrderDeskTest;
import dev.baton.harness.fixtures.good.StrictOrderTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineDiscoveryResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

class BatonTestEngineTest {

    @TempDir
    Path failures;

    private EngineTestKit.Builder kit() {
        return EngineTestKit.engine(BatonTestEngine.ID)
                .configurationParameter("baton.seed", "42")
                .configurationParameter("baton.failures.dir", failures.toString());
    }

    private static String failureMessage(Events tests, String uniqueIdPart) {
        return tests.failed().stream()
                .filter(e -> e.getTestDescriptor().getUniqueId().toString().contains(uniqueIdPart))
                .map(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow().getMessage())
                .findFirst().orElseThrow(() -> new AssertionError("no failure for " + uniqueIdPart));
    }

    private static Set<String> failedOperators(Events tests) {
        return tests.failed().stream()
                .map(e -> e.getTestDescriptor().getUniqueId().getLastSegment().getValue())
                .collect(Collectors.toSet());
    }

    @Test
    void strictConsumerPassesEveryApplicableProperty() {
        Events tests = kit().selectors(selectClass(StrictOrderTest.class)).execute().testEvents();
        tests.assertStatistics(s -> s.failed(0));
        assertTrue(tests.succeeded().count() >= 40, "properties passed: " + tests.succeeded().count());
        // not-applicable properties are reported as aborted with a reason, never silently skipped
        assertTrue(tests.aborted().stream().anyMatch(e -> e.getRequiredPayload(TestExecutionResult.class)
                .getThrowable().orElseThrow().getMessage().contains("declares no side effects")));
    }

    @Test
    void everyNodeHasASource() {
        TestDescriptor root = kit().selectors(selectClass(OrderDeskTest.class)).discover().getEngineDescriptor();
        assertFalse(root.getDescendants().isEmpty());
        for (TestDescriptor d : root.getDescendants()) {
            assertTrue(d.getSource().isPresent(), d.getUniqueId() + " has no source");
            assertTrue(d.getSource().get() instanceof ClassSource || d.getSource().get() instanceof MethodSource);
        }
    }

    @Test
    void lenientConsumerIsCaughtWithSeedShrunkInputAndOutcome() {
        Events tests = kit().selectors(selectClass(LenientOrderTest.class)).execute().testEvents();
        Set<String> failed = failedOperators(tests);
        // Jackson 3 defaults accept these silently (reference §3.6)
        assertTrue(failed.containsAll(Set.of("number-as-string", "extra-field", "missing-required", "empty-object",
                "null-literal")), "failed: " + failed);
        // duplicate keys (last wins) are not LLM-evidenced: only the opt-in synthetic family checks them
        assertFalse(failed.contains("duplicate-keys"), "failed: " + failed);
        String message = failureMessage(tests, "operator:extra-field");
        assertTrue(message.contains("silent acceptance"), message);
        assertTrue(message.contains("seed:     42"), message);
        assertTrue(message.contains("input:"), message);
        assertTrue(message.contains("outcome:  accepted silently, returned Order["), message);
        Event entry = tests.reportingEntryPublished().stream()
                .filter(e -> e.getTestDescriptor().getUniqueId().toString().contains("operator:extra-field"))
                .findFirst().orElseThrow();
        Map<String, String> values = entry.getRequiredPayload(ReportEntry.class).getKeyValuePairs();
        assertEquals("42", values.get("seed"));
        assertTrue(values.get("operator").startsWith("extra-field (#29)"));
        assertTrue(values.get("outcome").startsWith("accepted silently"));
        assertEquals("silent acceptance", values.get("failure"));
    }

    @Test
    void missingRequiredShrinksToAMinimalOrder() {
        // a generous budget, so that a loaded machine cannot cut shrinking short
        Events tests = kit().configurationParameter("baton.timeBudget", "120s")
                .selectors(selectClass(LenientOrderTest.class)).execute().testEvents();
        String input = tests.reportingEntryPublished().stream()
                .filter(e -> e.getTestDescriptor().getUniqueId().toString().contains("operator:missing-required"))
                .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs().get("input"))
                .findFirst().orElseThrow();
        // shrunk: every string empty, every number 0, the first enum value, the list empty, compact
        assertTrue(input.length() < 60, "shrunk input should be small: " + input);
        assertFalse(input.contains("\\n"), "compact rendering is simpler than pretty: " + input);
        // and the extra-field counterexample is exactly the minimal order plus the first hallucinated field
        String extra = tests.reportingEntryPublished().stream()
                .filter(e -> e.getTestDescriptor().getUniqueId().toString().contains("operator:extra-field"))
                .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs().get("input"))
                .findFirst().orElseThrow();
        assertEquals("\"{\\\"id\\\":\\\"\\\",\\\"count\\\":0,\\\"status\\\":\\\"ACTIVE\\\",\\\"tags\\\":[],"
                + "\\\"pallets\\\":\\\"40 HC\\\"}\"", extra);
    }

    @Test
    void sameSeedReproducesTheSameCounterexamples() throws Exception {
        // a generous budget, so that a loaded machine cannot cut the search or the shrinking short
        String first = failureMessage(kit().configurationParameter("baton.timeBudget", "120s")
                .selectors(selectClass(LenientOrderTest.class)).execute().testEvents(), "operator:type-swap");
        Path other = Files.createTempDirectory("baton-failures");
        String second = failureMessage(EngineTestKit.engine(BatonTestEngine.ID)
                .configurationParameter("baton.seed", "42")
                .configurationParameter("baton.timeBudget", "120s")
                .configurationParameter("baton.failures.dir", other.toString())
                .selectors(selectClass(LenientOrderTest.class)).execute().testEvents(), "operator:type-swap");
        assertEquals(first.replace(failures.toString(), "DIR"), second.replace(other.toString(), "DIR"));
    }

    @Test
    void storedFailuresAreReplayedFirstOnTheNextRun() {
        kit().selectors(selectClass(LenientOrderTest.class)).execute();
        try (var files = Files.list(failures)) {
            assertTrue(files.count() > 5, "failing sequences are stored");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        Events again = EngineTestKit.engine(BatonTestEngine.ID)
                .configurationParameter("baton.seed", "7")
                .configurationParameter("baton.failures.dir", failures.toString())
                .selectors(selectClass(LenientOrderTest.class)).execute().testEvents();
        String message = failureMessage(again, "operator:extra-field");
        assertTrue(message.contains("replayed from"), message);
    }

    @Test
    void replayAndEscalationDefectsAreCaught() {
        Events tests = kit().selectors(selectClass(DefectiveDeskTest.class)).execute().testEvents();
        assertTrue(failureMessage(tests, "consumer:repeatsSideEffect]/[property:replay-idempotent")
                .contains("redelivery repeated the side effect"));
        assertTrue(failureMessage(tests, "consumer:dropsEnvelope]/[property:escalates-once")
                .contains("escalation lost the envelope"));
        assertTrue(failureMessage(tests, "consumer:dropsAttempts]/[property:escalates-once")
                .contains("escalation lost attempts"));
        assertTrue(failureMessage(tests, "consumer:neverEscalates]/[property:escalates-once")
                .contains("no escalation"));
        assertTrue(failureMessage(tests, "consumer:retriesForever]/[property:escalates-once")
                .contains("unbounded recovery"));
    }

    @Test
    void correctSideEffectingConsumerPassesReplayAndEscalation() {
        Events tests = kit().selectors(selectClass(OrderDeskTest.class)).execute().testEvents();
        tests.assertStatistics(s -> s.failed(0));
        assertEquals(2, tests.succeeded().stream().filter(e -> {
            String id = e.getTestDescriptor().getUniqueId().toString();
            return id.contains("replay-idempotent") || id.contains("escalates-once");
        }).count());
    }

    @Test
    void runtimeDeliveryWithDurableEscalationPassesEveryProperty() {
        Events tests = kit().configurationParameter("baton.tries", "8")
                .selectors(selectClass(dev.baton.harness.fixtures.good.RuntimeDeliveryTest.class)).execute().testEvents();
        tests.assertStatistics(s -> s.failed(0));
        assertEquals(2, tests.succeeded().stream().filter(e -> {
            String id = e.getTestDescriptor().getUniqueId().toString();
            return id.contains("replay-idempotent") || id.contains("escalates-once");
        }).count());
    }

    @Test
    void aHangingConsumerFailsItsPropertyInsteadOfHangingTheRun() {
        Events tests = kit().configurationParameter("baton.timeBudget", "500ms")
                .selectors(selectClass(dev.baton.harness.fixtures.bad.HangingConsumerTest.class)).execute().testEvents();
        String message = failureMessage(tests, "operator:markdown-fence");
        assertTrue(message.contains("consumer hung"), message);
        assertTrue(message.contains("did not return within 500 ms"), message);
    }

    @Test
    void aContractThatCannotBeGeneratedFailsTheValidProperty() {
        Events tests = kit().selectors(selectClass(dev.baton.harness.fixtures.bad.UngeneratableContractTest.class))
                .execute().testEvents();
        String message = failureMessage(tests, "property:valid-accepted");
        assertTrue(message.contains("cannot generate valid values"), message);
        assertTrue(message.contains("unsupported pattern"), message);
    }

    @Test
    void rerunOfAFailedNodeByUniqueIdReplaysItsCounterexampleFirst() {
        // what Surefire's rerunFailingTestsCount does: select the failed nodes by unique id, run again
        Events first = kit().selectors(selectClass(LenientOrderTest.class)).execute().testEvents();
        Event failed = first.failed().stream()
                .filter(e -> e.getTestDescriptor().getUniqueId().toString().contains("operator:extra-field"))
                .findFirst().orElseThrow();
        Events rerun = EngineTestKit.engine(BatonTestEngine.ID)
                .configurationParameter("baton.failures.dir", failures.toString())
                .selectors(selectUniqueId(failed.getTestDescriptor().getUniqueId())).execute().testEvents();
        assertEquals(1, rerun.started().count());
        String message = failureMessage(rerun, "operator:extra-field");
        assertTrue(message.contains("replayed from"), message);
    }

    @Test
    void uniqueIdSelectsOneOperator() {
        String id = "[engine:baton]/[class:" + LenientOrderTest.class.getName()
                + "]/[consumer:lenientIntake]/[family:structural]/[operator:number-as-string]";
        Events tests = kit().selectors(selectUniqueId(id)).execute().testEvents();
        assertEquals(1, tests.started().count());
        assertEquals(1, tests.failed().count());
    }

    @Test
    void methodSelectorSelectsOneConsumer() {
        Events tests = kit().selectors(selectMethod(DefectiveDeskTest.class, "dropsEnvelope")).execute().testEvents();
        assertTrue(tests.started().count() > 40);
        assertTrue(tests.started().stream().allMatch(e -> e.getTestDescriptor().getUniqueId().toString()
                .contains("consumer:dropsEnvelope")));
    }

    @Test
    void packageAndClasspathRootSelectorsFindAnnotatedClasses() {
        TestDescriptor byPackage = kit().selectors(selectPackage("dev.baton.harness.fixtures.good")).discover()
                .getEngineDescriptor();
        assertEquals(Set.of(StrictOrderTest.class.getSimpleName(), OrderDeskTest.class.getSimpleName(),
                        dev.baton.harness.fixtures.good.RuntimeDeliveryTest.class.getSimpleName()),
                byPackage.getChildren().stream().map(TestDescriptor::getDisplayName).collect(Collectors.toSet()));
        Path testClasses = Path.of(StrictOrderTest.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        TestDescriptor byRoot = kit().selectors(selectClasspathRoots(Set.of(testClasses)).toArray(
                new org.junit.platform.engine.DiscoverySelector[0])).discover().getEngineDescriptor();
        assertTrue(byRoot.getChildren().stream().anyMatch(d -> d.getDisplayName().equals("LenientOrderTest")));
    }

    @Test
    void problemsAreReportedAsDiscoveryIssues() {
        EngineDiscoveryResults results = kit()
                .configurationParameter("baton.operators.exclude", "markdown-fence, no-such-operator")
                .configurationParameter("baton.tries", "many")
                .selectors(selectClass(AbstractConsumerTest.class), selectClass(NoConsumerTest.class))
                .discover();
        List<String> messages = results.getDiscoveryIssues().stream().map(DiscoveryIssue::message).toList();
        assertTrue(messages.stream().anyMatch(m -> m.contains("AbstractConsumerTest") && m.contains("abstract")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.contains("NoConsumerTest#consumer") && m.contains("no parameters")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.contains("declares no consumer")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.contains("no-such-operator")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.contains("baton.tries=many")), messages.toString());
        Optional<DiscoveryIssue> sourced = results.getDiscoveryIssues().stream()
                .filter(i -> i.message().contains("abstract")).findFirst();
        assertTrue(sourced.orElseThrow().source().orElseThrow() instanceof ClassSource);
    }

    @Test
    void excludedOperatorsAreNotInTheTree() {
        TestDescriptor root = kit().configurationParameter("baton.operators.exclude", "markdown-fence,truncation")
                .selectors(selectClass(StrictOrderTest.class)).discover().getEngineDescriptor();
        Set<String> operators = root.getDescendants().stream()
                .map(d -> d.getUniqueId().getLastSegment())
                .filter(s -> s.getType().equals("operator")).map(s -> s.getValue()).collect(Collectors.toSet());
        assertFalse(operators.contains("markdown-fence"));
        assertFalse(operators.contains("truncation"));
        assertTrue(operators.contains("trailing-comma"));
    }

    @Test
    void aConsumerMethodThatThrowsFailsItsNode() {
        Events all = kit().selectors(selectClass(ThrowingSpecTest.class)).execute().allEvents();
        assertTrue(all.failed().stream().anyMatch(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable()
                .orElseThrow().getMessage().contains("no model configured")));
    }
}
