package dev.baton.samples.research;

import dev.baton.runtime.delivery.Outcome;
import dev.baton.runtime.store.BatonStore;

import java.nio.file.Path;
import java.util.List;

/**
 * Runs the pipeline on scripted model replies with the embedded store under {@code target/baton-store}:
 * the researcher's first answer is fenced prose, the boundary rejects it, the repair succeeds, and the
 * article is published once. Run it twice: the second run returns the stored receipt.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Cms cms = (headline, body, key) -> {
            System.out.println("PUBLISHED (" + key + "): " + headline);
            return new Receipt("article-" + Math.abs(key.hashCode()));
        };
        ChatModel researchModel = new ScriptedChatModel(List.of(
                "Sure! Here are the notes:\n```json\n{\"topic\": \"heat pumps\"}\n```",
                """
                {"topic": "heat pumps", "notes": [{"claim": "Sales doubled", "evidence": "IEA 2024", "confidence": 0.8}], "sources": ["IEA"]}"""));
        ChatModel summaryModel = new ScriptedChatModel(List.of("""
                {"headline": "Heat pumps are booming", "body": "Sales doubled in two years.", "citations": ["IEA"]}"""));
        try (BatonStore store = BatonStore.embedded(Path.of("target", "baton-store"))) {
            Outcome<Receipt> outcome = new ResearchPipeline(researchModel, summaryModel, cms, store)
                    .run("run-1", "heat pumps");
            System.out.println(outcome);
        }
    }
}
