package dev.baton.linter.rules;

import dev.baton.linter.engine.LintResult;
import dev.baton.linter.rule.Finding;
import dev.baton.linter.testing.FixtureHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A workshop repository holds one Maven module per step, each declaring the same agent classes. What one
 * step's agent is asked for (JSON here, prose there) says nothing about the other step's agent of the same
 * name. The two modules declare the same fully qualified types, so they cannot be compiled together as one
 * fixture; they are written to a temporary directory and linted from there.
 */
class UntypedHandoffModulesTest {
    private static final String WORKFLOW = """
            package shop.workflow;

            import dev.langchain4j.agentic.declarative.Output;
            import dev.langchain4j.agentic.declarative.SequenceAgent;
            import shop.agents.ConditionAgent;

            public interface ReturnWorkflow {
                @SequenceAgent(outputKey = "summary", subAgents = { ConditionAgent.class })
                String process(String feedback);

                @Output
                static String output(String condition) {
                    return "Condition: " + condition;
                }
            }
            """;

    private static final String SERVICE = """
            package shop.service;

            import shop.workflow.ReturnWorkflow;

            public class ReturnService {
                private final ReturnWorkflow workflow;

                public ReturnService(ReturnWorkflow workflow) {
                    this.workflow = workflow;
                }

                public String handle(String feedback) {
                    return workflow.process(feedback);
                }
            }
            """;

    private static String agent(String prompt) {
        return """
                package shop.agents;

                import dev.langchain4j.agentic.Agent;
                import dev.langchain4j.service.UserMessage;

                public interface ConditionAgent {
                    @UserMessage("%s Feedback: {{feedback}}")
                    @Agent(outputKey = "condition", description = "Describes the car's condition.")
                    String analyze(String feedback);
                }
                """.formatted(prompt);
    }

    private static void write(Path dir, String module, String path, String text) throws IOException {
        Path file = dir.resolve(module).resolve("src/main/java").resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void aStructureRequestInOneModuleDoesNotMarkTheSameAgentOfAnother(@TempDir Path dir) throws IOException {
        write(dir, "step-01", "shop/agents/ConditionAgent.java", agent("Describe the car's condition in one sentence."));
        write(dir, "step-01", "shop/workflow/ReturnWorkflow.java", WORKFLOW);
        write(dir, "step-01", "shop/service/ReturnService.java", SERVICE);
        write(dir, "step-02", "shop/agents/ConditionAgent.java",
                agent("Answer in JSON with the fields condition and severity."));
        write(dir, "step-02", "shop/workflow/ReturnWorkflow.java", WORKFLOW);
        write(dir, "step-02", "shop/service/ReturnService.java", SERVICE);
        LintResult result = FixtureHarness.lint(dir, FixtureHarness.Options.defaults().onlyRules("untyped-handoff"));
        List<String> files = result.findings().stream().map(Finding::location).map(l -> l.file() + ":" + l.line()).toList();
        assertEquals(List.of("step-02/src/main/java/shop/workflow/ReturnWorkflow.java:12"), files,
                "only step-02's agent is asked for JSON that then travels as a String");
        assertTrue(result.findings().get(0).message().contains("asked for structured output"));
    }
}
