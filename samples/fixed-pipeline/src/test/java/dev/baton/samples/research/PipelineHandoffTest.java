package dev.baton.samples.research;

import dev.baton.harness.ConsumerSpec;
import dev.baton.harness.Delivery;
import dev.baton.harness.HandoffConsumerTest;
import dev.baton.harness.ObservedEscalation;
import dev.baton.harness.RecoveryPath;
import dev.baton.runtime.boundary.Boundary;
import dev.baton.runtime.boundary.Received;
import dev.baton.runtime.boundary.Rejected;
import dev.baton.runtime.chain.HandoffChain;
import dev.baton.runtime.contract.Contract;
import dev.baton.runtime.delivery.HandoffDelivery;
import dev.baton.runtime.delivery.Outcome;
import dev.baton.runtime.escalation.EscalationRecord;
import dev.baton.runtime.retry.Attempt;
import dev.baton.runtime.store.BatonStore;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code baton} engine's campaign against each receiving agent of the pipeline: valid research
 * notes and summaries generated from their contracts are accepted; the malformed output real models
 * produce (fences, preambles, truncation, trailing commas, numbers as strings, refusals...) is rejected
 * at the boundary with a typed error owned by the producing agent; the publication, a side effect, happens
 * once however often and however concurrently a handoff is redelivered; and when every answer is
 * malformed, recovery ends in exactly one escalation that keeps the envelope and every attempt.
 */
@HandoffConsumerTest
class PipelineHandoffTest {
    private final HandoffChain chain = ResearchPipeline.definition();
    private final BatonStore store = BatonStore.embedded(temporaryDirectory());

    /** The summariser receives the researcher's raw output; the researcher owns its failures. */
    ConsumerSpec<ResearchNotes> summarizer() {
        Boundary<ResearchNotes> inbox = chain.boundary("researcher", "summarizer");
        Summarizer summarizer = new Summarizer((system, user) -> """
                {"headline": "Heat pumps are booming", "body": "Sales doubled.", "citations": []}""");
        return ConsumerSpec.of(Contract.of(ResearchNotes.class, "schemas/research-notes.schema.json"), raw -> {
                    Received<ResearchNotes> received = inbox.receive(raw);
                    if (received instanceof Rejected<ResearchNotes>) return received;
                    return summarizer.summarize(((dev.baton.runtime.boundary.Accepted<ResearchNotes>) received).value(), "");
                })
                .owner("researcher");
    }

    /** The publisher: the summarizer → publisher edge run by the runtime on the embedded store. */
    ConsumerSpec<Summary> publisher() {
        AtomicLong articles = new AtomicLong();
        Publisher publisher = new Publisher((headline, body, key) -> new Receipt("article-" + articles.incrementAndGet()));
        HandoffDelivery<Summary, Receipt> publication = HandoffDelivery.builder(chain, "summarizer", "publisher",
                        Summary.class, Receipt.class, store)
                .effect(publisher::publish)
                .sleeper(duration -> { })
                .build();
        Boundary<Summary> inbox = chain.boundary("summarizer", "publisher");
        return ConsumerSpec.ofDeliveries(Contract.of(Summary.class, "schemas/summary.schema.json"),
                        (Delivery delivery) -> {
                            // A malformed summary is answered with the boundary's typed rejection; a valid one is
                            // handed to the runtime, which claims the key and publishes at most once.
                            Received<Summary> received = inbox.receive(delivery.raw());
                            if (received instanceof Rejected<Summary>) return received;
                            return publication.run(delivery.idempotencyKey(), delivery.raw(), attempt -> delivery.raw());
                        })
                .owner("summarizer")
                .sideEffects(articles::get)
                .escalation((RecoveryPath.Upstream upstream) -> {
                    // The runtime asks the producer once per attempt; the harness scripts every answer.
                    Delivery first = upstream.next();
                    boolean[] firstUsed = {false};
                    Outcome<Receipt> outcome = publication.run(first.idempotencyKey(), first.messageId(), attempt -> {
                        if (!firstUsed[0]) {
                            firstUsed[0] = true;
                            return first.raw();
                        }
                        return upstream.next().raw();
                    });
                    if (outcome instanceof Outcome.Completed<Receipt>) {
                        throw new IllegalStateException("a malformed-only script was accepted: " + outcome);
                    }
                }, () -> store.openEscalations().stream().map(PipelineHandoffTest::observed).toList());
    }

    /**
     * The escalation as the harness sees it. The message id is read from the verbatim envelope the record
     * keeps (the runtime names the step by its idempotency key), the attempts from the record's excerpts.
     */
    private static ObservedEscalation observed(EscalationRecord record) {
        String keyInEnvelope = JSON.readTree(record.envelopeJson()).path("idempotency_key").asString(null);
        List<String> attempts = record.attempts().stream()
                .map(Attempt::rawExcerpt).map(raw -> raw == null ? "" : raw).toList();
        return new ObservedEscalation(keyInEnvelope, record.idempotencyKey(), attempts);
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static java.nio.file.Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("baton-sample-store");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
