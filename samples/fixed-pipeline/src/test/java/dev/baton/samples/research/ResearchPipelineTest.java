package dev.baton.samples.research;

import dev.baton.runtime.delivery.Outcome;
import dev.baton.runtime.escalation.EscalationRecord;
import dev.baton.runtime.retry.Attempt;
import dev.baton.runtime.store.BatonStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pipeline end to end on the embedded store, with scripted models. */
class ResearchPipelineTest {
    static final String NOTES = """
            {"topic": "heat pumps", "notes": [{"claim": "Sales doubled", "evidence": "IEA 2024", "confidence": 0.8}], "sources": ["IEA"]}""";
    static final String SUMMARY = """
            {"headline": "Heat pumps are booming", "body": "Sales doubled in two years.", "citations": ["IEA"]}""";

    @TempDir
    Path dir;
    private BatonStore store;
    private final List<String> published = new ArrayList<>();
    private final List<String> researchPrompts = new ArrayList<>();
    private final Cms cms = (headline, body, key) -> {
        published.add(key + "|" + headline);
        return new Receipt("article-" + published.size());
    };

    @BeforeEach
    void open() {
        store = BatonStore.embedded(dir.resolve("store"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private ResearchPipeline pipeline(List<String> researchReplies, List<String> summaryReplies) {
        ScriptedChatModel research = new ScriptedChatModel(researchReplies);
        ChatModel recordingResearch = (system, user) -> {
            researchPrompts.add(user);
            return research.chat(system, user);
        };
        return new ResearchPipeline(recordingResearch, new ScriptedChatModel(summaryReplies), cms, store,
                duration -> { });
    }

    @Test
    void validHandoffsPublishOnceWithTheRunsKey() {
        Outcome<Receipt> outcome = pipeline(List.of(NOTES), List.of(SUMMARY)).run("run-1", "heat pumps");
        assertEquals(new Receipt("article-1"), assertInstanceOf(Outcome.Completed.class, outcome).result());
        assertEquals(List.of("run-1/publish|Heat pumps are booming"), published);
    }

    @Test
    void aRerunOfTheSameRunReturnsTheStoredReceiptWithoutAskingAnyModelOrPublishingAgain() {
        pipeline(List.of(NOTES), List.of(SUMMARY)).run("run-1", "heat pumps");
        // empty scripts: any model call would throw
        Outcome<Receipt> again = pipeline(List.of(), List.of()).run("run-1", "heat pumps");
        assertEquals(new Receipt("article-1"), assertInstanceOf(Outcome.Completed.class, again).result());
        assertEquals(1, published.size());
    }

    @Test
    void theStepsSurviveARestartOfTheStore() {
        pipeline(List.of(NOTES), List.of(SUMMARY)).run("run-1", "heat pumps");
        store.close();
        store = BatonStore.embedded(dir.resolve("store"));
        Outcome<Receipt> again = pipeline(List.of(), List.of()).run("run-1", "heat pumps");
        assertInstanceOf(Outcome.Completed.class, again);
        assertEquals(1, published.size());
    }

    @Test
    void fencedProseIsRejectedAtTheBoundaryAndRepairedWithTheReceiversErrors() {
        String chatty = "Sure! Here are the notes:\n```json\n" + NOTES + "\n```";
        Outcome<Receipt> outcome = pipeline(List.of(chatty, NOTES), List.of(SUMMARY)).run("run-1", "heat pumps");
        assertInstanceOf(Outcome.Completed.class, outcome);
        assertEquals(2, researchPrompts.size());
        assertTrue(researchPrompts.get(1).contains("NOT_JSON"), "the repair prompt carries the rejection: "
                + researchPrompts.get(1));
        assertEquals(1, published.size());
    }

    @Test
    void aSummaryThatNeverMeetsItsContractEscalatesToTheEditorialDeskAndPublishesNothing() {
        String noBody = "{\"headline\": \"Heat pumps are booming\", \"citations\": []}";
        Outcome<Receipt> outcome = pipeline(List.of(NOTES), List.of(noBody, noBody, noBody)).run("run-1", "heat pumps");
        EscalationRecord record = assertInstanceOf(Outcome.Escalated.class, outcome).escalation();
        assertEquals("summarizer", record.owner());
        assertEquals("editorial-desk", record.queue());
        assertEquals("run-1/publish", record.idempotencyKey());
        assertEquals(3, record.attempts().size(), "the first answer and two repairs");
        for (Attempt attempt : record.attempts()) {
            assertEquals("SCHEMA_VIOLATION", attempt.bucket());
            assertEquals(noBody, attempt.rawExcerpt());
        }
        assertTrue(published.isEmpty());
        assertEquals(List.of(record.id()), store.openEscalations().stream().map(EscalationRecord::id).toList());
    }

    @Test
    void aHumanCorrectionPublishesOnceAndOnlyOnce() {
        String noBody = "{\"headline\": \"Heat pumps are booming\", \"citations\": []}";
        ResearchPipeline pipeline = pipeline(List.of(NOTES), List.of(noBody, noBody, noBody));
        EscalationRecord record = assertInstanceOf(Outcome.Escalated.class, pipeline.run("run-1", "heat pumps"))
                .escalation();
        String decision = """
                {"action": "correct", "reason": "added the body",
                 "corrected_payload": {"headline": "Heat pumps are booming", "body": "Sales doubled.", "citations": []}}""";
        Outcome<Receipt> resumed = pipeline.resumePublication(record.id(), decision, "alice");
        assertEquals(new Receipt("article-1"), assertInstanceOf(Outcome.Completed.class, resumed).result());
        Outcome<Receipt> twice = pipeline.resumePublication(record.id(), decision, "alice");
        assertInstanceOf(Outcome.Completed.class, twice);
        assertEquals(List.of("run-1/publish|Heat pumps are booming"), published);
        assertTrue(store.openEscalations().isEmpty());
    }

    @Test
    void aDecisionThatBreaksTheContractIsRejectedAndPublishesNothing() {
        String noBody = "{\"headline\": \"Heat pumps are booming\", \"citations\": []}";
        ResearchPipeline pipeline = pipeline(List.of(NOTES), List.of(noBody, noBody, noBody));
        EscalationRecord record = assertInstanceOf(Outcome.Escalated.class, pipeline.run("run-1", "heat pumps"))
                .escalation();
        String still = "{\"action\": \"correct\", \"reason\": \"x\", \"corrected_payload\": {\"headline\": \"h\"}}";
        assertInstanceOf(Outcome.DecisionRejected.class, pipeline.resumePublication(record.id(), still, "bob"));
        assertTrue(published.isEmpty());
    }

    @Test
    void researchThatNeverParsesEscalatesToTheResearchDesk() {
        String refusal = "I'm sorry, but I can't help with that.";
        Outcome<Receipt> outcome = pipeline(List.of(refusal, refusal, refusal), List.of()).run("run-1", "heat pumps");
        EscalationRecord record = assertInstanceOf(Outcome.Escalated.class, outcome).escalation();
        assertEquals("researcher", record.owner());
        assertEquals("research-desk", record.queue());
        assertTrue(published.isEmpty());
    }

    @Test
    void theDeclaredChainPassesBatonsStartUpChecks() {
        assertEquals(2, ResearchPipeline.definition().handoffs().size());
    }
}
