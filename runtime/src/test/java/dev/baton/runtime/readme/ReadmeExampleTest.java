package dev.baton.runtime.readme;

import dev.baton.runtime.boundary.Boundary;
import dev.baton.runtime.boundary.Received;
import dev.baton.runtime.boundary.Rejected;
import dev.baton.runtime.chain.AgentKind;
import dev.baton.runtime.chain.Escalation;
import dev.baton.runtime.chain.Handoff;
import dev.baton.runtime.chain.HandoffChain;
import dev.baton.runtime.chain.Recovery;
import dev.baton.runtime.contract.Contract;
import dev.baton.runtime.delivery.HandoffDelivery;
import dev.baton.runtime.delivery.Outcome;
import dev.baton.runtime.store.BatonStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Keeps the README's runtime example compiling and true: the code between the markers is the README's. */
class ReadmeExampleTest {

    record Summary(String title, List<String> points) {
    }

    record Receipt(String url) {
    }

    /** A scripted model: first a fenced answer, then (after the repair feedback) clean JSON. */
    static String chat(String prompt) {
        return prompt.contains("rejected") ? "{\"title\":\"Seams\",\"points\":[\"validate on receipt\"]}"
                : "```json\n{\"title\":\"Seams\",\"points\":[\"validate on receipt\"]}\n```";
    }

    final List<Summary> published = new ArrayList<>();

    Receipt publish(Summary summary, String idempotencyKey) {
        published.add(summary);
        return new Receipt("https://cms.example/" + idempotencyKey);
    }

    @Test
    void theReadmeExampleRuns(@TempDir Path dir) throws Exception {
        // README-EXAMPLE-START
        HandoffChain chain = HandoffChain.builder("newsroom")
                .agent("writer")
                .agent("publisher", AgentKind.SIDE_EFFECT)
                .handoff(Handoff.from("writer").to("publisher")
                        .contract(Contract.of(Summary.class))            // schema generated from the record
                        .ownedBy("writer")                               // who owns this edge's failures
                        .recovery(Recovery.repair(2).thenTransport(3))   // bounded, two separate budgets
                        .escalateTo(Escalation.toHuman("editorial-desk")))
                .build();                                                // gaps fail here, with linter rule ids

        // The receiving side on its own: a typed value or a typed, owned rejection.
        Boundary<Summary> boundary = chain.boundary("writer", "publisher");
        Received<Summary> received = boundary.receive("```json\n{\"title\":\"Seams\"}\n```");
        if (received instanceof Rejected<Summary> rejected) {
            System.out.println(rejected.rejection().bucket() + " owned by " + rejected.rejection().owner());
        }

        // The whole edge: retries, an idempotent side effect and a durable escalation on the embedded store.
        try (BatonStore store = BatonStore.embedded(dir.resolve("baton-store"))) {
            HandoffDelivery<Summary, Receipt> delivery = HandoffDelivery
                    .builder(chain, "writer", "publisher", Summary.class, Receipt.class, store)
                    .effect((summary, key) -> publish(summary, key))    // the key travels to the CMS
                    .build();
            Outcome<Receipt> outcome = delivery.run("issue-42/publish", "issue 42",
                    attempt -> chat("Summarise issue 42 as JSON. " + attempt.repairFeedback()));
            if (outcome instanceof Outcome.Completed<Receipt> done) {
                System.out.println("published at " + done.result().url());
            } else if (outcome instanceof Outcome.Escalated<Receipt> escalated) {
                System.out.println("waiting for a human: " + escalated.escalation().id());
            }
        }
        // README-EXAMPLE-END
        assertEquals("NOT_JSON", ((Rejected<Summary>) received).rejection().bucket().name());
        assertEquals(List.of(new Summary("Seams", List.of("validate on receipt"))), published);
        try (BatonStore store = BatonStore.embedded(dir.resolve("baton-store"))) {
            assertEquals("{\"url\":\"https://cms.example/issue-42/publish\"}",
                    store.step("issue-42/publish").orElseThrow().result(), "durable across a restart");
        }
    }

    @Test
    void theReadmeShowsExactlyThisExample() throws Exception {
        String source = Files.readString(Path.of("src/test/java/dev/baton/runtime/readme/ReadmeExampleTest.java"),
                StandardCharsets.UTF_8);
        String block = source.substring(source.indexOf("// README-EXAMPLE-START") + "// README-EXAMPLE-START".length(),
                source.indexOf("        // README-EXAMPLE-END"));
        String unindented = block.lines().map(line -> line.startsWith("        ") ? line.substring(8) : line)
                .reduce((a, b) -> a + "\n" + b).orElseThrow().strip();
        Path readme = Path.of("../README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        assertTrue(text.contains(unindented), readme + " must contain the example of " + getClass().getSimpleName());
    }
}
