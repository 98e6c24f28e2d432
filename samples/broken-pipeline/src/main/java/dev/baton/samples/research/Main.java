package dev.baton.samples.research;

import java.util.List;

/** Runs the pipeline once on scripted model replies. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        ChatModel research = new ScriptedChatModel(List.of("""
                Sure! Here are the notes you asked for:
                ```json
                {"topic": "heat pumps", "notes": [{"claim": "Sales doubled", "evidence": "IEA 2024", "confidence": "high"}], "sources": []}
                ```"""));
        ChatModel summary = new ScriptedChatModel(List.of("Heat pumps are booming\nSales doubled in two years."));
        Cms cms = (headline, body) -> {
            System.out.println("PUBLISHED: " + headline);
            return "article-1";
        };
        ResearchPipeline pipeline = new ResearchPipeline(
                new Researcher(research), new Summarizer(summary), new Publisher(cms));
        System.out.println(pipeline.run(args.length > 0 ? args[0] : "heat pumps"));
    }
}
