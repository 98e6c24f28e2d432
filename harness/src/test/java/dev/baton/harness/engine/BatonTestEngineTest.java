package dev.baton.harness.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;

import dev.baton.harness.fixtures.LenientOrderTest;
import dev.baton.harness.fixtures.StrictOrderTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

class BatonTestEngineTest {

    @TempDir
    Path failures;

    private EngineTestKit.Builder kit() {
        return EngineTestKit.engine(BatonTestEngine.ID)
                .configurationParameter("baton.seed", "42")
                .configurationParameter("baton.failures.dir", failures.toString());
    }

    @Test
    void strictConsumerPassesEveryApplicableProperty() {
        Events tests = kit().selectors(selectClass(StrictOrderTest.class)).execute().testEvents();
        tests.assertStatistics(s -> s.failed(0));
        assertTrue(tests.succeeded().count() > 30, "at least 30 properties pass");
    }

    @Test
    void lenientConsumerFailsWithSilentAcceptance() {
        Events tests = kit().selectors(selectClass(LenientOrderTest.class)).execute().testEvents();
        assertTrue(tests.failed().count() > 5);
    }
}
