package dev.baton.harness.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.baton.harness.fixtures.trust.JacksonIntakeTest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/** Consumers with their own rejection type and coarser buckets, through the engine. */
class OwnRejectionsTest {

    @TempDir
    Path failures;

    private Events run(String consumer) {
        return EngineTestKit.engine(BatonTestEngine.ID)
                .configurationParameter("baton.seed", "42")
                .configurationParameter("baton.failures.dir", failures.toString())
                .selectors(selectMethod(JacksonIntakeTest.class, consumer))
                .execute().testEvents();
    }

    private static List<String> failures(Events tests) {
        return tests.failed().stream().map(OwnRejectionsTest::message).toList();
    }

    private static String message(Event e) {
        return e.getTestDescriptor().getUniqueId().getLastSegment().getValue() + ": "
                + e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow().getMessage();
    }

    @Test
    void aCorrectJacksonAndNetworkntConsumerWithItsOwnRejectionsPassesTheDefaultCampaign() {
        Events tests = run("correct");
        assertEquals(List.of(), failures(tests));
        assertTrue(tests.succeeded().count() >= 40, "properties passed: " + tests.succeeded().count());
    }

    @Test
    void coarseBucketsMustBeDeclared() {
        List<String> failed = failures(run("undeclaredCoarseness"));
        // the wrong-bucket check is strict by default: NOT_JSON for several values or a cut is wrong until declared
        assertTrue(failed.stream().anyMatch(m -> m.startsWith("multiple-values:") && m.contains("wrong bucket NOT_JSON")
                && m.contains("the consumer's own rejection")), String.join("\n", failed));
        assertTrue(failed.stream().anyMatch(m -> m.startsWith("truncation:") && m.contains("wrong bucket NOT_JSON")),
                String.join("\n", failed));
        assertTrue(failed.stream().allMatch(m -> m.contains("wrong bucket")), String.join("\n", failed));
    }

    @Test
    void aConsumerWhoseOwnRejectionsNameTheWrongBucketStillFails() {
        List<String> failed = failures(run("everythingInvalid"));
        // declared coarseness covers refusals and several values as NOT_JSON, not everything as SCHEMA_VIOLATION
        assertTrue(failed.stream().anyMatch(m -> m.startsWith("markdown-fence:")
                && m.contains("wrong bucket SCHEMA_VIOLATION") && m.contains("expected [NOT_JSON]")),
                String.join("\n", failed));
        assertTrue(failed.stream().anyMatch(m -> m.startsWith("truncation:") && m.contains("wrong bucket SCHEMA_VIOLATION")),
                String.join("\n", failed));
        assertTrue(failed.size() >= 20, failed.size() + " failures");
    }
}
