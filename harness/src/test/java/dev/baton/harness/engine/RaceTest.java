package dev.baton.harness.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import dev.baton.harness.fixtures.trust.RaceDeskTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** The replay property on an instant check-then-act race, through the engine. */
class RaceTest {

    @TempDir
    Path dir;

    private static UniqueId replayOf(String consumer) {
        return UniqueId.forEngine(BatonTestEngine.ID).append("class", RaceDeskTest.class.getName())
                .append("consumer", consumer).append("property", "replay-idempotent");
    }

    private static Events run(String consumer, long seed, Path failures) {
        return EngineTestKit.engine(BatonTestEngine.ID)
                .configurationParameter("baton.seed", Long.toString(seed))
                .configurationParameter("baton.failures.dir", failures.toString())
                .selectors(selectUniqueId(replayOf(consumer)))
                .execute().testEvents();
    }

    private static String failure(Events tests) {
        return tests.failed().stream().findFirst()
                .map(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow().getMessage())
                .orElse(null);
    }

    @Test
    void aCheckThenActRaceWithAnInstantEffectIsCaughtInAtLeast19Of20Seeds() {
        List<String> missed = new ArrayList<>();
        for (long seed = 1; seed <= 20; seed++) {
            // a fresh failure store per seed: each seed must find the race itself
            Events tests = run("checkThenAct", seed, dir.resolve("seed-" + seed));
            String message = failure(tests);
            if (message == null) {
                missed.add(seed + " (" + tests.reportingEntryPublished().stream()
                        .map(e -> e.getRequiredPayload(org.junit.platform.engine.reporting.ReportEntry.class)
                                .getKeyValuePairs().getOrDefault("race", "100 rounds started together"))
                        .findFirst().orElse("") + ")");
            } else {
                assertTrue(message.contains("concurrent redelivery repeated the side effect"), message);
            }
        }
        assertTrue(missed.size() <= 1, "missed with seeds " + missed);
    }

    @Test
    void anAtomicClaimPassesEverySeed() {
        for (long seed = 1; seed <= 5; seed++) {
            Events tests = run("atomicClaim", seed, dir.resolve("seed-" + seed));
            assertEquals(null, failure(tests));
            assertEquals(1, tests.succeeded().count());
        }
    }

    @Test
    void aRerunOfAFoundRaceFailsAgainFromItsStoredSchedule() {
        Path failures = dir.resolve("shared");
        String first = null;
        long seed = 1;
        for (; seed <= 5 && first == null; seed++) {
            first = failure(run("checkThenAct", seed, failures));
        }
        assertTrue(first != null, "the race was found");
        long foundWith = seed - 1;
        // as -Dsurefire.rerunFailingTestsCount does: the same node again, in the same store
        for (int rerun = 0; rerun < 5; rerun++) {
            String again = failure(run("checkThenAct", 100 + rerun, failures));
            assertTrue(again != null, "rerun " + rerun + " passed: a real race turned into a flake");
            assertTrue(again.contains("replayed from"), again);
            assertTrue(again.contains("seed:     " + (100 + rerun) + " (this run); the failure was found with seed "
                    + foundWith), again);
        }
    }
}
