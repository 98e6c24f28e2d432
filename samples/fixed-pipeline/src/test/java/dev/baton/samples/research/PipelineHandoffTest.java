package dev.baton.samples.research;

import dev.baton.harness.ConsumerSpec;
import dev.baton.harness.HandoffConsumerTest;
import dev.baton.runtime.chain.HandoffChain;
import dev.baton.runtime.contract.Contract;

/**
 * The {@code baton} engine's campaign against each receiving agent of the pipeline: valid research
 * notes and summaries generated from their contracts are accepted; the malformed output real models
 * produce (fences, preambles, truncation, trailing commas, numbers as strings, refusals...) is rejected
 * at the boundary with a typed error owned by the producing agent.
 */
@HandoffConsumerTest
class PipelineHandoffTest {
    private final HandoffChain chain = ResearchPipeline.definition();

    /** The summariser receives the researcher's raw output; the researcher owns its failures. */
    ConsumerSpec<ResearchNotes> summarizer() {
        ChatModel model = (system, user) -> """
                {"headline": "Heat pumps are booming", "body": "Sales doubled.", "citations": []}""";
        Summarizer summarizer = new Summarizer(model, chain.boundary("researcher", "summarizer"));
        return ConsumerSpec.of(Contract.of(ResearchNotes.class, "schemas/research-notes.schema.json"),
                        summarizer::summarize)
                .owner("researcher");
    }

    /** The publisher receives the summariser's raw output; the summariser owns its failures. */
    ConsumerSpec<Summary> publisher() {
        Publisher publisher = new Publisher((headline, body) -> "article", chain.boundary("summarizer", "publisher"));
        return ConsumerSpec.of(Contract.of(Summary.class, "schemas/summary.schema.json"), publisher::publish)
                .owner("summarizer");
    }
}
