package dev.baton.samples.research;

import dev.baton.runtime.chain.AgentKind;
import dev.baton.runtime.chain.Escalation;
import dev.baton.runtime.chain.Handoff;
import dev.baton.runtime.chain.HandoffChain;
import dev.baton.runtime.chain.Recovery;
import dev.baton.runtime.contract.Contract;

/** research -> summarise -> publish: every handoff typed, validated on receipt, owned, bounded and escalated. */
public final class ResearchPipeline {
    private final Researcher researcher;
    private final Summarizer summarizer;
    private final Publisher publisher;

    /** Wires the agents to the boundaries of {@link #definition()}. */
    public ResearchPipeline(ChatModel researchModel, ChatModel summaryModel, Cms cms) {
        HandoffChain chain = definition();
        this.researcher = new Researcher(researchModel);
        this.summarizer = new Summarizer(summaryModel, chain.boundary("researcher", "summarizer"));
        this.publisher = new Publisher(cms, chain.boundary("summarizer", "publisher"));
    }

    /** The declared shape of the pipeline; {@code build()} rejects a handoff without contract, owner or escalation. */
    public static HandoffChain definition() {
        return HandoffChain.builder("research-pipeline")
                .agent("researcher")
                .agent("summarizer")
                .agent("publisher", AgentKind.SIDE_EFFECT)
                .handoff(Handoff.from("researcher").to("summarizer")
                        .contract(Contract.of(ResearchNotes.class, "schemas/research-notes.schema.json"))
                        .ownedBy("researcher")
                        .recovery(Recovery.repair(2))
                        .escalateTo(Escalation.toHuman("research-desk")))
                .handoff(Handoff.from("summarizer").to("publisher")
                        .contract(Contract.of(Summary.class, "schemas/summary.schema.json"))
                        .ownedBy("summarizer")
                        .recovery(Recovery.repair(1))
                        .escalateTo(Escalation.toHuman("editorial-desk")))
                .build();
    }

    /** Runs the pipeline once and returns the id of the published article. */
    public String run(String topic) {
        String notes = researcher.research(topic);
        String summary = summarizer.summarize(notes);
        return publisher.publish(summary);
    }
}
