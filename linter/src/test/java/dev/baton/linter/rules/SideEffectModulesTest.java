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

/**
 * A workshop holds one Maven module per step, each a copy of the last with the same composite classes. What
 * one run does is what its own step's copies run: a step that adds an acting agent does not make the earlier
 * step act, and a step that adds a human does not give the earlier one a path to a human. (The modules declare
 * the same qualified types, so they are written to a temporary directory rather than compiled as a fixture.)
 */
class SideEffectModulesTest {
    private static final String WORKFLOW = """
            package shop.workflow;

            import dev.langchain4j.agentic.declarative.SequenceAgent;
            import shop.agents.Describer;
            import shop.agents.Desk;

            public interface ReturnWorkflow {
                @SequenceAgent(outputKey = "summary", subAgents = { Describer.class, Desk.class })
                String process(String feedback);
            }
            """;

    private static final String DESCRIBER = """
            package shop.agents;

            import dev.langchain4j.agentic.Agent;
            import dev.langchain4j.service.UserMessage;

            public interface Describer {
                @UserMessage("Describe the car's condition in one sentence. Feedback: {{feedback}}")
                @Agent(outputKey = "condition", description = "Describes the car's condition.")
                String describe(String feedback);
            }
            """;

    private static final String RECORDER = """
            package shop.agents;

            import dev.langchain4j.agentic.Agent;
            import java.sql.Connection;

            public class Recorder {
                Connection connection;

                @Agent(outputKey = "recorded", description = "Keeps the condition.")
                public String keep(String condition) throws Exception {
                    connection.prepareStatement("insert into conditions values ('" + condition + "')").executeUpdate();
                    return condition;
                }
            }
            """;

    private static final String REVIEWER = """
            package shop.agents;

            import dev.langchain4j.agentic.declarative.HumanInTheLoop;

            public interface Reviewer {
                @HumanInTheLoop(outputKey = "review", description = "A person checks the condition.")
                static String review(String condition) {
                    return System.console().readLine(condition);
                }
            }
            """;

    private static String desk(String... subAgents) {
        return """
                package shop.agents;

                import dev.langchain4j.agentic.declarative.SequenceAgent;

                public interface Desk {
                    @SequenceAgent(outputKey = "done", subAgents = { %s })
                    String handle(String condition);
                }
                """.formatted(String.join(", ", subAgents));
    }

    private static void write(Path dir, String module, String path, String text) throws IOException {
        Path file = dir.resolve(module).resolve("src/main/java").resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void aRunIsWhatItsOwnModulesCopiesRun(@TempDir Path dir) throws IOException {
        for (String step : List.of("step-01", "step-02", "step-03")) {
            write(dir, step, "shop/workflow/ReturnWorkflow.java", WORKFLOW);
            write(dir, step, "shop/agents/Describer.java", DESCRIBER);
        }
        // step-01 only describes; step-02 also records; step-03 records after a person reviewed
        write(dir, "step-01", "shop/agents/Desk.java", desk("Describer.class"));
        write(dir, "step-02", "shop/agents/Desk.java", desk("Recorder.class"));
        write(dir, "step-02", "shop/agents/Recorder.java", RECORDER);
        write(dir, "step-03", "shop/agents/Desk.java", desk("Reviewer.class", "Recorder.class"));
        write(dir, "step-03", "shop/agents/Recorder.java", RECORDER);
        write(dir, "step-03", "shop/agents/Reviewer.java", REVIEWER);
        LintResult result = FixtureHarness.lint(dir, FixtureHarness.Options.defaults().onlyRules("error-unowned", "escalation-missing"));
        List<String> found = result.findings().stream()
                .map(f -> f.ruleId() + " " + f.location().file() + ":" + f.location().line()).sorted().toList();
        assertEquals(List.of(
                "error-unowned step-02/src/main/java/shop/workflow/ReturnWorkflow.java:8",
                "error-unowned step-03/src/main/java/shop/workflow/ReturnWorkflow.java:8",
                "escalation-missing step-02/src/main/java/shop/workflow/ReturnWorkflow.java:8"), found,
                "step-01 acts nowhere; step-02 acts with nobody to ask; step-03's reviewer is its own");
    }
}
