package dev.baton.linter.frontend.agentic;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import dev.baton.linter.frontend.ParsedSource;
import dev.baton.linter.graph.HandoffGraph;
import dev.baton.linter.graph.facts.KeyAccess;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The names LangChain4j agentic used before 1.19 ({@code outputName}, {@code @SubAgent(type, outputName)})
 * no longer compile against the artifacts the fixtures use, so they are checked here on source text.
 */
class AgenticOlderApiTest {
    private static final JavaParser PARSER = new JavaParser(new ParserConfiguration()
            .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));

    private static HandoffGraph read(String path, String code) {
        ParsedSource source = new ParsedSource(path, code, PARSER.parse(code).getResult().orElseThrow());
        HandoffGraph.Builder graph = HandoffGraph.builder();
        AgenticFrontend frontend = new AgenticFrontend();
        frontend.read(source, graph);
        frontend.link(List.of(source), graph);
        return graph.build();
    }

    private static List<String> keys(HandoffGraph g, KeyAccess.Access access) {
        return g.facts(KeyAccess.class).stream().filter(k -> k.access() == access && k.namespace().startsWith(AgenticFrontend.NAMESPACE))
                .map(k -> k.key() + "@" + k.agent()).sorted().toList();
    }

    @Test
    void outputNameOnTheBuilderAndTheAnnotationWritesTheKey() {
        HandoffGraph g = read("src/Writers.java", """
                package old;
                import dev.langchain4j.agentic.Agent;
                import dev.langchain4j.agentic.AgenticServices;
                import dev.langchain4j.service.V;
                interface Writer { @Agent(outputName = "story") String write(@V("topic") String topic); }
                interface Editor { @Agent(outputName = "edited") String edit(@V("story") String story); }
                class Wiring {
                    Object build(Object model) {
                        Editor editor = AgenticServices.agentBuilder(Editor.class).outputName("edited").build();
                        return AgenticServices.sequenceBuilder().subAgents(AgenticServices.agentBuilder(Writer.class).build(), editor)
                                .outputName("edited").build();
                    }
                }
                """);
        List<String> writes = keys(g, KeyAccess.Access.WRITE);
        assertTrue(writes.contains("story@lc4j:old.Writer"), writes.toString());
        assertTrue(writes.contains("edited@lc4j:old.Editor"), writes.toString());
        List<String> reads = keys(g, KeyAccess.Access.READ);
        assertTrue(reads.contains("story@lc4j:old.Editor"), reads.toString());
        assertTrue(reads.stream().anyMatch(r -> r.startsWith("edited@lc4j-agentic:src/Writers.java:")), reads.toString());
    }

    @Test
    void subAgentAnnotationsNameTheirAgentsAndKeys() {
        HandoffGraph g = read("src/Novel.java", """
                package old;
                import dev.langchain4j.agentic.declarative.SequenceAgent;
                import dev.langchain4j.agentic.declarative.SubAgent;
                import dev.langchain4j.service.V;
                public interface Novel {
                    @SequenceAgent(outputName = "story", subAgents = {
                            @SubAgent(type = CreativeWriter.class, outputName = "story"),
                            @SubAgent(type = StyleEditor.class, outputName = "story") })
                    String write(@V("topic") String topic, @V("style") String style);
                }
                class App {
                    Novel novel() { return dev.langchain4j.agentic.AgenticServices.createAgenticSystem(Novel.class); }
                }
                """);
        assertEquals(List.of("lc4j:old.CreativeWriter", "lc4j:old.StyleEditor"), g.chains().get(0).agents());
        List<String> writes = keys(g, KeyAccess.Access.WRITE);
        assertTrue(writes.containsAll(List.of("story@lc4j:old.CreativeWriter", "story@lc4j:old.StyleEditor",
                "topic@caller:lc4j:old.Novel", "style@caller:lc4j:old.Novel")), writes.toString());
        assertTrue(keys(g, KeyAccess.Access.READ).contains("story@lc4j:old.Novel"), "the composite returns its outputName");
    }

    @Test
    void aComputedCompositeResultIsWrittenAndTheOlderHumanStepFormIsRead() {
        HandoffGraph g = read("src/Loop.java", """
                package old;
                import dev.langchain4j.agentic.AgenticServices;
                import java.util.Map;
                class Loop {
                    Object run() {
                        var human = AgenticServices.humanInTheLoopBuilder()
                                .inputName("proposal")
                                .outputName("decision")
                                .responseReader(() -> System.console().readLine())
                                .build();
                        var loop = AgenticServices.loopBuilder().subAgents(human)
                                .outputName("result")
                                .output(scope -> Map.of("decision", scope.readState("decision")))
                                .maxIterations(2)
                                .build();
                        return loop;
                    }
                }
                """);
        List<String> writes = keys(g, KeyAccess.Access.WRITE);
        assertTrue(writes.stream().anyMatch(w -> w.startsWith("result@lc4j-agentic:")), "output(..) stores the result: " + writes);
        assertTrue(writes.stream().anyMatch(w -> w.startsWith("decision@lc4j-human:")), writes.toString());
        List<String> reads = keys(g, KeyAccess.Access.READ);
        assertTrue(reads.stream().anyMatch(r -> r.startsWith("proposal@lc4j-human:")), reads.toString());
        assertTrue(reads.stream().anyMatch(r -> r.startsWith("result@caller:")), "the invoker receives the result: " + reads);
        var step = g.facts(dev.baton.linter.graph.facts.HumanStep.class).get(0);
        assertTrue(!step.hasTimeout() && !step.inputValidated(), step.toString());
    }

    @Test
    void aSupervisorReadsWhatItsSubAgentsWrite() {
        HandoffGraph g = read("src/Bank.java", """
                package bank;
                import dev.langchain4j.agentic.AgenticServices;
                import dev.langchain4j.agentic.supervisor.SupervisorAgent;
                class Bank {
                    SupervisorAgent build(Object model) {
                        WithdrawAgent withdraw = AgenticServices.agentBuilder(WithdrawAgent.class).outputKey("withdrawn").build();
                        return AgenticServices.supervisorBuilder().subAgents(withdraw).maxAgentsInvocations(5).build();
                    }
                }
                """);
        assertTrue(keys(g, KeyAccess.Access.READ).stream().anyMatch(r -> r.startsWith("withdrawn@lc4j-agentic:src/Bank.java:")),
                keys(g, KeyAccess.Access.READ).toString());
    }
}
