package dev.baton.samples.research;

import dev.baton.runtime.chain.AgentKind;
import dev.baton.runtime.chain.Escalation;
import dev.baton.runtime.chain.Handoff;
import dev.baton.runtime.chain.HandoffChain;
import dev.baton.runtime.chain.Recovery;
import dev.baton.runtime.contract.Contract;
import dev.baton.runtime.delivery.HandoffDelivery;
import dev.baton.runtime.delivery.Outcome;
import dev.baton.runtime.retry.Sleeper;
import dev.baton.runtime.store.BatonStore;

import java.time.Duration;

/**
 * research → summarise → publish, with every handoff typed and validated on receipt, owned, retried
 * within bounds, escalated to a human when recovery runs out, and the publication done at most once per
 * run — across retries, redeliveries and restarts, because the steps live in a durable store.
 */
public final class ResearchPipeline {
    private final Researcher researcher;
    private final Summarizer summarizer;
    private final HandoffDelivery<ResearchNotes, ResearchNotes> research;
    private final HandoffDelivery<Summary, Receipt> publication;

    /** Wires the agents to the edges of {@link #definition()}, keeping steps and escalations in {@code store}. */
    public ResearchPipeline(ChatModel researchModel, ChatModel summaryModel, Cms cms, BatonStore store) {
        this(researchModel, summaryModel, cms, store, Sleeper.system());
    }

    /** As above, with the sleeper used between transport retries (tests pass one that does not sleep). */
    public ResearchPipeline(ChatModel researchModel, ChatModel summaryModel, Cms cms, BatonStore store,
                            Sleeper sleeper) {
        HandoffChain chain = definition();
        this.researcher = new Researcher(researchModel);
        this.summarizer = new Summarizer(summaryModel);
        Publisher publisher = new Publisher(cms);
        // The summariser's step keeps the accepted notes: a rerun of the same run does not ask the model again.
        this.research = HandoffDelivery.builder(chain, "researcher", "summarizer", ResearchNotes.class,
                        ResearchNotes.class, store)
                .effect((notes, key) -> notes)
                .sleeper(sleeper)
                .question("The researcher's notes kept failing their contract. Correct them, or reject the run.")
                .build();
        this.publication = HandoffDelivery.builder(chain, "summarizer", "publisher", Summary.class, Receipt.class,
                        store)
                .effect(publisher::publish)
                .sleeper(sleeper)
                .question("The summary kept failing its contract. Approve, correct or reject the article.")
                .build();
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
                        .recovery(Recovery.repair(2).thenTransport(2))
                        .escalateTo(Escalation.toHuman("research-desk").within(Duration.ofHours(24))))
                .handoff(Handoff.from("summarizer").to("publisher")
                        .contract(Contract.of(Summary.class, "schemas/summary.schema.json"))
                        .ownedBy("summarizer")
                        .recovery(Recovery.repair(2).thenTransport(2))
                        .escalateTo(Escalation.toHuman("editorial-desk").within(Duration.ofHours(4))))
                .build();
    }

    /**
     * Runs the pipeline for one run id: the same id never publishes twice, and a rerun returns the
     * stored outcome.
     *
     * @return {@code Completed} with the receipt, {@code Escalated} with the durable record a human
     *         resolves, or another stopped outcome
     */
    public Outcome<Receipt> run(String runId, String topic) {
        Outcome<ResearchNotes> notes = research.run(runId + "/research", topic,
                attempt -> researcher.research(topic, attempt.repairFeedback()));
        if (!(notes instanceof Outcome.Completed<ResearchNotes> accepted)) {
            return stopped(notes);
        }
        return publication.run(runId + "/publish", accepted.result(),
                attempt -> summarizer.summarize(accepted.result(), attempt.repairFeedback()));
    }

    /** Resumes an escalated publication with a human decision ({@code approve}, {@code correct} or {@code reject}). */
    public Outcome<Receipt> resumePublication(String escalationId, String decisionJson, String decidedBy) {
        return publication.resume(escalationId, decisionJson, decidedBy);
    }

    /** The research step stopped short of accepted notes: the same outcome, typed for the whole run. */
    private static Outcome<Receipt> stopped(Outcome<ResearchNotes> outcome) {
        if (outcome instanceof Outcome.Escalated<ResearchNotes> e) return new Outcome.Escalated<>(e.escalation());
        if (outcome instanceof Outcome.Failed<ResearchNotes> f) return new Outcome.Failed<>(f.error(), f.owner());
        if (outcome instanceof Outcome.Conflict<ResearchNotes> c) return new Outcome.Conflict<>(c.key(), c.reason());
        if (outcome instanceof Outcome.Busy<ResearchNotes> b) return new Outcome.Busy<>(b.leaseOwner(), b.leaseExpiresAt());
        if (outcome instanceof Outcome.DecisionRejected<ResearchNotes> d) return new Outcome.DecisionRejected<>(d.rejection());
        throw new IllegalStateException("not a stopped outcome: " + outcome);
    }
}
