package dev.baton.linter.frontend.adk;

import dev.baton.linter.graph.Chain;
import dev.baton.linter.graph.Edge;
import dev.baton.linter.graph.HandoffGraph;
import dev.baton.linter.graph.PayloadKind;
import dev.baton.linter.graph.facts.ErrorHandlerSite;
import dev.baton.linter.graph.facts.HumanStep;
import dev.baton.linter.graph.facts.KeyAccess;
import dev.baton.linter.graph.facts.ParallelGroup;
import dev.baton.linter.graph.facts.RetrySite;
import dev.baton.linter.testing.FixtureHarness;
import dev.baton.linter.engine.LintResult;
import dev.baton.linter.frontend.javasyntax.Placeholders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the ADK frontend puts into the handoff graph. */
class AdkGraphTest {
    private static HandoffGraph graph(String dir) {
        return FixtureHarness.lint(FixtureHarness.fixture("adk/" + dir), FixtureHarness.Options.defaults()).graph();
    }

    @Test
    void outputKeysAndPlaceholdersAreKeyAccessesInTheAdkNamespaceAtTheirLines() {
        HandoffGraph g = graph("handoff-unwired");
        List<KeyAccess> keys = g.facts(KeyAccess.class);
        assertTrue(keys.stream().allMatch(k -> k.namespace().equals("adk")));
        KeyAccess notes = keys.stream().filter(k -> k.key().equals("review_notes")).findFirst().orElseThrow();
        assertEquals(KeyAccess.Access.READ, notes.access());
        assertEquals("adk:editor", notes.agent());
        assertEquals(28, notes.location().line(), "the placeholder's own line in a concatenated instruction");
        Chain pipeline = g.chains().get(0);
        assertEquals(List.of("adk:writer", "adk:reviewer", "adk:editor"), pipeline.agents());
        Edge story = g.edges().stream().filter(e -> "story".equals(e.key()) && e.consumer().equals("adk:editor")).findFirst().orElseThrow();
        assertEquals(Edge.Channel.PROMPT_PLACEHOLDER, story.channel());
        assertEquals(PayloadKind.PROSE, story.payload());
    }

    @Test
    void keysSeededWhenTheSessionIsCreatedAreWrites() {
        List<KeyAccess> seeded = graph("handoff-unwired-session").facts(KeyAccess.class).stream()
                .filter(k -> k.access() == KeyAccess.Access.WRITE).toList();
        assertEquals(List.of("topic", "audience"), seeded.stream().map(KeyAccess::key).toList());
        assertTrue(seeded.stream().allMatch(k -> k.agent().startsWith("adk-session:")));
    }

    @Test
    void anOutputSchemaMakesTheHandoffTyped() {
        HandoffGraph g = graph("untyped-handoff");
        Edge typed = g.edges().stream().filter(e -> "claim_verdict".equals(e.key())).findFirst().orElseThrow();
        assertEquals(PayloadKind.TYPED, typed.payload());
        assertFalse(typed.contract().isUntyped());
    }

    @Test
    void loopAgentsAreRetrySitesBoundedOnlyByMaxIterations() {
        List<RetrySite> loops = graph("retry-unbounded").facts(RetrySite.class);
        assertEquals(2, loops.size());
        assertTrue(loops.stream().anyMatch(r -> !r.boundKnown() && r.scope().equals("adk:refinement_loop")));
        assertTrue(loops.stream().anyMatch(r -> r.boundKnown() && r.bound().getAsInt() == 3));
    }

    @Test
    void parallelAgentsDeclareTheirBranches() {
        List<ParallelGroup> groups = graph("owner-ambiguous").facts(ParallelGroup.class);
        assertEquals(2, groups.size());
        assertEquals(List.of("adk:web_researcher", "adk:paper_researcher"), groups.get(0).branches());
    }

    @Test
    void confirmationsAndErrorCallbacksAreRead() {
        HandoffGraph refunds = graph("escalation-unsafe");
        List<HumanStep> steps = refunds.facts(HumanStep.class);
        assertEquals(2, steps.size());
        HumanStep asked = steps.stream().filter(h -> h.kind().equals("requestConfirmation")).findFirst().orElseThrow();
        assertFalse(asked.insideCatchAll(), "requestConfirmation throws no signal a catch-all could swallow");
        assertFalse(asked.inputValidated(), "the payload is cast to String and passed on");
        HumanStep declared = steps.stream().filter(h -> h.kind().equals("requireConfirmation")).findFirst().orElseThrow();
        assertFalse(declared.insideCatchAll());
        assertTrue(declared.inputValidated());

        List<ErrorHandlerSite> handlers = graph("error-fabricated").facts(ErrorHandlerSite.class).stream()
                .filter(h -> h.kind().equals("onToolErrorCallback")).toList();
        assertEquals(List.of(ErrorHandlerSite.Outcome.FABRICATE, ErrorHandlerSite.Outcome.RECOVER),
                handlers.stream().map(ErrorHandlerSite::outcome).toList());
    }

    @Test
    void stateIteratedForAScreenReadsEveryKey() {
        List<KeyAccess> reads = graph("handoff-unwired-ui").facts(KeyAccess.class).stream()
                .filter(k -> k.access() == KeyAccess.Access.READ && k.agent().startsWith("adk-code:")).toList();
        assertEquals(List.of("*"), reads.stream().map(KeyAccess::key).toList());
    }

    @Test
    void placeholdersAreTheOnesAdkInjects() {
        List<Placeholders.StatePlaceholder> found = Placeholders.adkState(
                "{topic} {{ audience }} {tone?} {user:region} {temp:draft} {app:x y} {artifact.kit.pdf} {\"a\": 1} {} {9lives} {other:key}");
        assertEquals(List.of("topic", "audience", "tone", "user:region", "temp:draft"),
                found.stream().map(Placeholders.StatePlaceholder::name).toList());
        assertEquals(List.of(false, false, true, false, false), found.stream().map(Placeholders.StatePlaceholder::optional).toList());
        assertTrue(found.get(3).crossSession());
        assertFalse(found.get(4).crossSession(), "temp: state lives within one invocation");
    }

    @Test
    void optionalAndCrossSessionReadsCountOnlyWhereAKeyIsWritten() {
        HandoffGraph g = graph("handoff-unwired-state");
        List<String> read = g.facts(KeyAccess.class).stream().filter(k -> k.access() == KeyAccess.Access.READ)
                .map(KeyAccess::key).toList();
        assertTrue(read.contains("style_notes"), "the optional read near the written 'style_note' is kept");
        assertFalse(read.contains("trusted_outlets"), "an optional key nobody writes is simply empty");
        assertFalse(read.contains("user:region"), "user: state may come from an earlier session");
        assertFalse(read.contains("headline_style"), "an Instruction.Provider's text is not injected");
        assertFalse(read.contains("artifact.press_kit.pdf"));
        assertTrue(g.facts(KeyAccess.class).stream().anyMatch(k -> k.key().equals("length") && k.access() == KeyAccess.Access.WRITE),
                "runAsync's stateDelta seeds the session");
    }

    /**
     * google-adk-planners is not published for 1.8.0, so this planner code is linted from a temporary
     * directory and not compiled with the fixtures; its API is that of the ADK planners module
     * ({@code new AgentMetadata(agentName, inputKeys, outputKey)}, {@code new GoalOrientedPlanner(goal, metadata)}).
     */
    @Test
    void goalOrientedPlannerMetadataDeclaresReadsAndSchedulesOnlyNeededOutputs(@TempDir Path dir) throws IOException {
        String source = """
                package studio;

                import com.google.adk.agents.LlmAgent;
                import com.google.adk.agents.PlannerAgent;
                import com.google.adk.planner.goap.AgentMetadata;
                import com.google.adk.planner.goap.GoalOrientedPlanner;
                import com.google.common.collect.ImmutableList;
                import java.util.List;

                class Studio {
                    static PlannerAgent build() {
                        LlmAgent collector = LlmAgent.builder().name("collector").model("m")
                                .instruction("Repeat the input.").outputKey("material").build();
                        LlmAgent summarizer = LlmAgent.builder().name("summarizer").model("m")
                                .instruction("Summarize the material.").outputKey("summary").build();
                        LlmAgent poster = LlmAgent.builder().name("poster").model("m")
                                .instruction("Draw a poster.").outputKey("poster_image").build();
                        LlmAgent narrator = LlmAgent.builder().name("narrator").model("m")
                                .instruction("Narrate.").outputKey("narration").build();
                        List<AgentMetadata> metadata = List.of(
                                new AgentMetadata("collector", ImmutableList.of(), "material"),
                                new AgentMetadata("summarizer", ImmutableList.of("material", "briefing"), "summary"),
                                new AgentMetadata("poster", ImmutableList.of("summary"), "poster"),
                                new AgentMetadata("narrator", ImmutableList.of("summary"), "narration"));
                        return PlannerAgent.builder().name("studio")
                                .planner(new GoalOrientedPlanner("poster", metadata))
                                .subAgents(collector, summarizer, poster, narrator).build();
                    }
                }
                """;
        Files.writeString(dir.resolve("Studio.java"), source);
        LintResult result = FixtureHarness.lint(dir, FixtureHarness.Options.defaults().onlyRules("handoff-unwired"));
        List<String> found = result.findings().stream().map(f -> f.location().line() + ":" + f.message()).sorted().toList();
        // the poster agent writes 'poster_image' where its metadata promises 'poster'; 'briefing' is produced by
        // nobody; 'material', 'summary' and 'narration' (an output the goal does not need) are wired
        assertEquals(List.of(lineOf(source, "\"poster_image\"") + ":poster_image", lineOf(source, "\"briefing\"") + ":briefing",
                        lineOf(source, "ImmutableList.of(\"summary\"), \"poster\"") + ":poster"),
                result.findings().stream().map(f -> f.location().line() + ":" + f.message().replaceAll("^[^']*'[^']*' \\w+ key '([^']*)'.*", "$1"))
                        .sorted(java.util.Comparator.comparingInt(x -> Integer.parseInt(x.substring(0, x.indexOf(':'))))).toList(),
                found.toString());
        assertTrue(result.graph().edges().stream().noneMatch(e -> "material".equals(e.key())),
                "a dependency declaration orders agents; it puts nothing into a prompt");
    }

    @Test
    void aFunctionToolsResultIsTheMethodsReturnValueAndAnAgentToolsIsItsReply() {
        HandoffGraph claims = graph("clean");
        Edge pay = claims.edges().stream().filter(e -> e.channel() == Edge.Channel.TOOL).findFirst().orElseThrow();
        assertEquals(PayloadKind.TYPED, pay.payload(), "code's return value, serialised by ADK: not drifting prose");
        assertTrue(pay.contract().javaType().replace(" ", "").equals("Map<String,Object>"), pay.contract().javaType());
        LintResult strict = FixtureHarness.lint(FixtureHarness.fixture("adk/clean"),
                FixtureHarness.Options.defaults().profile("strict").onlyRules("untyped-handoff"));
        assertTrue(strict.findings().stream().noneMatch(f -> f.message().contains("payClaim")), strict.findings().toString());

        Edge checker = graph("handoff-unwired-state").edges().stream().filter(e -> e.channel() == Edge.Channel.TOOL)
                .findFirst().orElseThrow();
        assertEquals("adk:fact_checker", checker.producer());
        assertEquals(PayloadKind.PROSE, checker.payload(), "no outputSchema: the reply comes back as {\"result\": text}");
    }

    private static int lineOf(String text, String needle) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) if (lines[i].contains(needle)) return i + 1;
        throw new AssertionError(needle);
    }
}
