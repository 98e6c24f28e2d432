package dev.baton.samples.research;

import dev.baton.runtime.boundary.RejectedHandoffException;

import java.util.List;

/** Runs the pipeline on scripted model replies: once with a valid handoff, once with the prose a model often sends. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Cms cms = (headline, body) -> {
            System.out.println("PUBLISHED: " + headline);
            return "article-1";
        };
        ResearchPipeline good = new ResearchPipeline(
                new ScriptedChatModel(List.of("""
                        {"topic": "heat pumps", "notes": [{"claim": "Sales doubled", "evidence": "IEA 2024", "confidence": 0.8}], "sources": ["IEA"]}""")),
                new ScriptedChatModel(List.of("""
                        {"headline": "Heat pumps are booming", "body": "Sales doubled in two years.", "citations": ["IEA"]}""")),
                cms);
        System.out.println(good.run("heat pumps"));

        ResearchPipeline chatty = new ResearchPipeline(
                new ScriptedChatModel(List.of("Sure! Here are the notes:\n```json\n{\"topic\": \"heat pumps\"}\n```")),
                new ScriptedChatModel(List.of()), cms);
        try {
            chatty.run("heat pumps");
        } catch (RejectedHandoffException e) {
            System.out.println("rejected at the summarizer's boundary: " + e.getMessage());
        }
    }
}
