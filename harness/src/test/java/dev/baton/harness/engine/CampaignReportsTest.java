package dev.baton.harness.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import dev.baton.harness.fixtures.bad.DefectiveDeskTest;
import dev.baton.harness.fixtures.bad.LenientOrderTest;
import dev.baton.harness.fixtures.good.StrictOrderTest;
import dev.baton.harness.fixtures.trust.CrashingConsumerTest;
import dev.baton.harness.fixtures.trust.EchoingConsumerTest;
import dev.baton.harness.fixtures.trust.SlowConsumerTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/** What a campaign reports when consumers crash, are slow, or see unprintable input; through the engine. */
class CampaignReportsTest {

    @TempDir
    Path failures;

    private EngineTestKit.Builder kit() {
        return EngineTestKit.engine(BatonTestEngine.ID)
                .configurationParameter("baton.seed", "42")
                .configurationParameter("baton.failures.dir", failures.toString());
    }

    private static String message(Event e) {
        return e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow().getMessage();
    }

    private static String failureMessage(Events tests, String uniqueIdPart) {
        return tests.failed().stream().filter(e -> e.getTestDescriptor().getUniqueId().toString().contains(uniqueIdPart))
                .map(CampaignReportsTest::message).findFirst()
                .orElseThrow(() -> new AssertionError("no failure for " + uniqueIdPart));
    }

    private static Map<String, String> entries(Events tests, String uniqueIdPart) {
        return tests.reportingEntryPublished().stream()
                .filter(e -> e.getTestDescriptor().getUniqueId().toString().contains(uniqueIdPart))
                .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs())
                .findFirst().orElseThrow(() -> new AssertionError("no report entry for " + uniqueIdPart));
    }

    private static UniqueId node(Class<?> type, String consumer, String... segments) {
        UniqueId id = UniqueId.forEngine(BatonTestEngine.ID).append("class", type.getName()).append("consumer", consumer);
        for (int i = 0; i < segments.length; i += 2) {
            id = id.append(segments[i], segments[i + 1]);
        }
        return id;
    }

    @Test
    void aConsumerThatCrashesFailsItsPropertiesWithInputAndSeedAndLaterClassesStillRun() {
        Events tests = kit().configurationParameter("baton.tries", "5")
                .selectors(selectClass(CrashingConsumerTest.class), selectClass(StrictOrderTest.class))
                .execute().testEvents();
        String overflow = failureMessage(tests, "consumer:recursesOnFences]/[family:envelope]/[operator:markdown-fence]");
        assertTrue(overflow.contains("consumer crashed with java.lang.StackOverflowError"), overflow);
        assertTrue(overflow.contains("seed:     42"), overflow);
        assertTrue(overflow.contains("input:    \"```"), overflow);
        String assertion = failureMessage(tests, "consumer:assertsOnEmpty]/[family:envelope]/[operator:empty-output]");
        assertTrue(assertion.contains("consumer crashed with java.lang.AssertionError"), assertion);
        assertTrue(assertion.contains("input:    \"\""), assertion);
        String linkage = failureMessage(tests, "consumer:missingClass]/[property:valid-accepted]");
        assertTrue(linkage.contains("consumer crashed with java.lang.NoClassDefFoundError"), linkage);
        assertTrue(linkage.contains("com/example/OrderParser"), linkage);
        // the crashes stay in their properties: the fence-free ones of the same consumer pass, the next class runs
        assertTrue(tests.succeeded().stream().anyMatch(e -> e.getTestDescriptor().getUniqueId().toString()
                .contains("consumer:recursesOnFences]/[family:lexical]/[operator:trailing-comma]")));
        long strictPassed = tests.succeeded().stream().filter(e -> e.getTestDescriptor().getUniqueId().toString()
                .contains(StrictOrderTest.class.getName())).count();
        assertTrue(strictPassed >= 40, "properties of the later class passed: " + strictPassed);
        Events containers = kit().configurationParameter("baton.tries", "5")
                .selectors(selectClass(CrashingConsumerTest.class)).execute().containerEvents();
        containers.assertStatistics(s -> s.failed(0));
    }

    @Test
    void aPropertyCutShortByTheBudgetSaysSoInItsReportEntryAndTheConsole() {
        PrintStream console = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Events tests;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            tests = kit().configurationParameter("baton.timeBudget", "1s")
                    .selectors(selectUniqueId(node(SlowConsumerTest.class, "slow", "property", "valid-accepted")))
                    .execute().testEvents();
        } finally {
            System.setOut(console);
        }
        assertEquals(1, tests.succeeded().count());
        String budget = entries(tests, "valid-accepted").get("budget");
        int asked = 4 * dev.baton.harness.property.CampaignSettings.DEFAULT_TRIES;
        Matcher m = Pattern.compile("ran (\\d+) of " + asked + " tries within the 1 s budget").matcher(budget);
        assertTrue(m.find(), budget);
        int ran = Integer.parseInt(m.group(1));
        assertTrue(ran > 0 && ran < asked, budget);
        assertEquals(Integer.toString(asked), entries(tests, "valid-accepted").get("tries-asked"));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("[baton] SlowConsumerTest.slow() › valid input is accepted: ran " + ran
                + " of " + asked + " tries within the 1 s budget"), printed);
    }

    @Test
    void aPropertyThatRanAllItsTriesSaysNothingAboutTheBudget() {
        Events tests = kit().selectors(selectUniqueId(node(StrictOrderTest.class, "orderIntake", "property",
                "valid-accepted"))).execute().testEvents();
        assertEquals(1, tests.succeeded().count());
        assertFalse(entries(tests, "valid-accepted").containsKey("budget"));
    }

    /** No lone surrogate and no control character other than a line break: what XML, consoles and files can carry. */
    private static void assertPrintable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            assertFalse(Character.isSurrogate(c), "lone surrogate at " + i + " in " + text);
            assertFalse(Character.isISOControl(c) && c != '\n', "control character at " + i + " in " + text);
            assertFalse(Character.getType(c) == Character.FORMAT, "format character at " + i + " in " + text);
        }
    }

    @Test
    void aLoneSurrogateInputIsEscapedInTheMessageTheReportEntriesAndTheFailureFile() throws Exception {
        Events tests = kit().configurationParameter("baton.operators.include", "unpaired-surrogate")
                .selectors(selectUniqueId(node(EchoingConsumerTest.class, "echo", "family", "synthetic",
                        "operator", "unpaired-surrogate")))
                .execute().testEvents();
        String message = failureMessage(tests, "operator:unpaired-surrogate");
        assertTrue(message.contains("silent acceptance"), message);
        assertPrintable(message);
        assertTrue(message.matches("(?s).*input:    \"[^\\n]*\\\\uD[89AB]00[^\\n]*\".*")
                || message.matches("(?s).*input:    \"[^\\n]*\\\\uDC00[^\\n]*\".*"), message);
        // the consumer's answer echoes the input: escaped as well
        assertTrue(message.matches("(?s).*outcome:  accepted silently, returned got [^\\n]*\\\\uD[89ABC]00.*"), message);
        Map<String, String> entries = entries(tests, "operator:unpaired-surrogate");
        entries.values().forEach(CampaignReportsTest::assertPrintable);
        assertTrue(entries.get("input").contains("\\uD"), entries.toString());
        try (var files = Files.list(failures)) {
            List<Path> stored = files.toList();
            assertEquals(1, stored.size());
            byte[] bytes = Files.readAllBytes(stored.get(0));
            String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            assertPrintable(text);
            assertTrue(text.contains("# input: "), text);
        }
    }

    @Test
    void aReplayedFailureShowsTheSeedOfThisRunAndTheSeedThatFoundIt() {
        UniqueId extraField = node(LenientOrderTest.class, "lenientIntake", "family", "structural", "operator",
                "extra-field");
        kit().selectors(selectUniqueId(extraField)).execute();
        Events again = EngineTestKit.engine(BatonTestEngine.ID)
                .configurationParameter("baton.seed", "7")
                .configurationParameter("baton.failures.dir", failures.toString())
                .selectors(selectUniqueId(extraField)).execute().testEvents();
        String message = failureMessage(again, "operator:extra-field");
        assertTrue(message.contains("replayed from"), message);
        assertTrue(message.contains("seed:     7 (this run); the failure was found with seed 42 "
                + "(replay that search with -Dbaton.seed=42)"), message);
        Map<String, String> entries = entries(again, "operator:extra-field");
        assertEquals("7", entries.get("seed"));
        assertEquals("42", entries.get("found-with-seed"));
    }

    @Test
    void anEscalationFailureListsTheAttemptsActuallySent() {
        Events tests = kit().selectors(selectUniqueId(node(DefectiveDeskTest.class, "dropsAttempts", "property",
                "escalates-once"))).execute().testEvents();
        String message = failureMessage(tests, "property:escalates-once");
        assertTrue(message.contains("escalation lost attempts"), message);
        // the desk tries three times: the three answers are listed with the operator that made each
        Matcher m = Pattern.compile("input:    3 attempts sent: 1\\. ([a-z-]+) \"[^\\n]*; 2\\. ([a-z-]+) [^\\n]*; "
                + "3\\. ([a-z-]+) ").matcher(message);
        assertTrue(m.find(), message);
        assertFalse(message.contains("drawn per attempt from"), message);
        assertTrue(message.contains("3 malformed attempts; escalation carries 1 attempts"), message);
    }
}
