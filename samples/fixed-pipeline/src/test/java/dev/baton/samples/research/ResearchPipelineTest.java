package dev.baton.samples.research;

import dev.baton.runtime.boundary.Bucket;
import dev.baton.runtime.boundary.RejectedHandoffException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResearchPipelineTest {
    static final String NOTES = """
            {"topic": "heat pumps", "notes": [{"claim": "Sales doubled", "evidence": "IEA 2024", "confidence": 0.8}], "sources": ["IEA"]}""";
    static final String SUMMARY = """
            {"headline": "Heat pumps are booming", "body": "Sales doubled in two years.", "citations": ["IEA"]}""";

    private final List<String> published = new ArrayList<>();
    private final Cms cms = (headline, body) -> {
        published.add(headline + "|" + body);
        return "article-" + published.size();
    };

    private ResearchPipeline pipeline(String researchReply, String summaryReply) {
        return new ResearchPipeline(new ScriptedChatModel(List.of(researchReply)),
                new ScriptedChatModel(summaryReply == null ? List.of() : List.of(summaryReply)), cms);
    }

    @Test
    void validHandoffsPublishOnce() {
        assertEquals("article-1", pipeline(NOTES, SUMMARY).run("heat pumps"));
        assertEquals(List.of("Heat pumps are booming|Sales doubled in two years."), published);
    }

    @Test
    void fencedProseFromTheResearcherIsRejectedAtTheSummarizerAndOwnedByTheResearcher() {
        String chatty = "Sure! Here are the notes:\n```json\n" + NOTES + "\n```";
        RejectedHandoffException e = assertThrows(RejectedHandoffException.class,
                () -> pipeline(chatty, SUMMARY).run("heat pumps"));
        assertEquals(Bucket.NOT_JSON, e.bucket());
        assertEquals("researcher", e.owner());
        assertTrue(published.isEmpty(), "nothing may be published after a rejected handoff");
    }

    @Test
    void confidenceAsWordsIsASchemaViolation() {
        String coerced = NOTES.replace("0.8", "\"high\"");
        RejectedHandoffException e = assertThrows(RejectedHandoffException.class,
                () -> pipeline(coerced, SUMMARY).run("heat pumps"));
        assertEquals(Bucket.SCHEMA_VIOLATION, e.bucket());
        assertEquals("researcher", e.owner());
    }

    @Test
    void aSummaryWithoutBodyNeverReachesTheCms() {
        String partial = "{\"headline\": \"Heat pumps are booming\", \"citations\": []}";
        RejectedHandoffException e = assertThrows(RejectedHandoffException.class,
                () -> pipeline(NOTES, partial).run("heat pumps"));
        assertEquals(Bucket.SCHEMA_VIOLATION, e.bucket());
        assertEquals("summarizer", e.owner());
        assertTrue(published.isEmpty());
    }

    @Test
    void theDeclaredChainPassesBatonsStartUpChecks() {
        assertEquals(2, ResearchPipeline.definition().handoffs().size());
    }
}
