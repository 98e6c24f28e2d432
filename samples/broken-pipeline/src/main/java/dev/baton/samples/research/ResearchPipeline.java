package dev.baton.samples.research;

import dev.baton.runtime.chain.AgentKind;
import dev.baton.runtime.chain.Handoff;
import dev.baton.runtime.chain.HandoffChain;
import dev.baton.runtime.chain.Recovery;
import dev.baton.runtime.contract.Contract;

/** research -> summarise -> publish, declared so that Baton can check every handoff. */
public final class ResearchPipeline {
    private final Researcher researcher;
    private final Summarizer summarizer;
    private final Publisher publisher;

    public ResearchPipeline(Researcher researcher, Summarizer summarizer, Publisher publisher) {
        this.researcher = researcher;
        this.summarizer = summarizer;
        this.publisher = publisher;
    }

    /** The declared shape of the pipeline. */
    public static HandoffChain definition() {
        return HandoffChain.builder("research-pipeline")
                .agent("researcher")
                .agent("summarizer")
                .agent("publisher", AgentKind.SIDE_EFFECT)
                .handoff(Handoff.from("researcher").to("summarizer")
                        .contract(Contract.of(ResearchNotes.class, "schemas/research_notes.schema.json"))
                        .ownedBy("researcher")
                        .recovery(Recovery.repair(2)))
                .handoff(Handoff.from("summarizer").to("publisher"))
                .build();
    }

    /** Runs the pipeline once and returns the id of the published article. */
    public String run(String topic) {
        String notes = researcher.research(topic);
        String summary = summarizer.summarize(notes);
        return publisher.publish(summary);
    }
}
