package dev.baton.bench.linter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a synthetic tree where every file is agent code, so no prefilter can skip any: LangChain4j
 * agentic agents and the workflows that compose them, Spring AI chat clients that bind and branch on
 * model output, Google ADK agents with output keys, and the records they hand on. Deterministic for a
 * given seed.
 */
final class AgentTreeGenerator {
    private final Random random;

    AgentTreeGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** Writes files under {@code root/src/main/java} until at least {@code lines} lines exist; returns the line count. */
    long generate(Path root, long lines) throws IOException {
        Path src = root.resolve("src/main/java");
        long written = 0;
        for (int i = 0; written < lines; i++) {
            String pkg = "com.acme.agents.m" + (i % 30);
            String[] files = switch (random.nextInt(4)) {
                case 0 -> agenticWorkflow(pkg, i);
                case 1 -> springAi(pkg, i);
                case 2 -> adk(pkg, i);
                default -> new String[]{"Result" + i, record(pkg, "Result" + i)};
            };
            for (int k = 0; k < files.length; k += 2) {
                Path file = src.resolve(pkg.replace('.', '/')).resolve(files[k] + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, files[k + 1], StandardCharsets.UTF_8);
                written += files[k + 1].lines().count();
            }
        }
        return written;
    }

    private String record(String pkg, String name) {
        StringBuilder sb = new StringBuilder("package " + pkg + ";\n\nimport java.util.List;\n\n/** A value one agent hands to the next. */\n");
        sb.append("public record ").append(name).append("(String verdict, double score, List<String> reasons, String rationale) {\n");
        for (int m = 0; m < 4 + random.nextInt(6); m++) {
            sb.append("    public boolean accepted").append(m).append("() {\n        return score > 0.").append(random.nextInt(9) + 1)
                    .append(" && reasons != null && !reasons.isEmpty();\n    }\n\n");
        }
        return sb.append("}\n").toString();
    }

    private String[] agenticWorkflow(String pkg, int i) {
        String writer = "Writer" + i, critic = "Critic" + i, flow = "Flow" + i;
        String w = """
                package %s;

                import dev.langchain4j.agentic.Agent;
                import dev.langchain4j.service.UserMessage;
                import dev.langchain4j.service.V;

                public interface %s {
                    @UserMessage("Write a short piece about {{topic}} for {{audience}}.")
                    @Agent(description = "Writes a draft", outputKey = "draft%d")
                    String write(@V("topic") String topic, @V("audience") String audience);
                }
                """.formatted(pkg, writer, i);
        String c = """
                package %s;

                import dev.langchain4j.agentic.Agent;
                import dev.langchain4j.service.UserMessage;
                import dev.langchain4j.service.V;

                public interface %s {
                    @UserMessage("Rate the draft {{draft%d}} from 0 to 1. Answer with the number only.")
                    @Agent(description = "Scores a draft", outputKey = "score%d")
                    double score(@V("draft%d") String draft);
                }
                """.formatted(pkg, critic, i, i, i);
        StringBuilder f = new StringBuilder("""
                package %s;

                import dev.langchain4j.agentic.AgenticServices;
                import dev.langchain4j.agentic.UntypedAgent;
                import dev.langchain4j.model.chat.ChatModel;
                import java.util.Map;

                public final class %s {
                    private final ChatModel model;

                    public %s(ChatModel model) {
                        this.model = model;
                    }

                    public Object run(String topic) {
                        %s writer = AgenticServices.agentBuilder(%s.class).chatModel(model).outputKey("draft%d").build();
                        %s critic = AgenticServices.agentBuilder(%s.class).chatModel(model).outputKey("score%d").build();
                        UntypedAgent loop = AgenticServices.loopBuilder()
                                .subAgents(writer, critic)
                                .maxIterations(%d)
                                .exitCondition(scope -> scope.readState("score%d", 0.0) > 0.8)
                                .build();
                        return loop.invoke(Map.of("topic", topic, "audience", "engineers"));
                    }
                """.formatted(pkg, flow, flow, writer, writer, i, critic, critic, i, 2 + random.nextInt(5), i));
        for (int m = 0; m < 3 + random.nextInt(8); m++) {
            f.append("""

                        public String describe%d(Object result) {
                            String text = String.valueOf(result);
                            if (text.length() > %d) {
                                return text.substring(0, %d) + "...";
                            }
                            return text.isBlank() ? "(empty)" : text.strip();
                        }
                    """.formatted(m, 40 + m, 40 + m));
        }
        f.append("}\n");
        return new String[]{writer, w, critic, c, flow, f.toString()};
    }

    private String[] springAi(String pkg, int i) {
        String name = "Router" + i;
        StringBuilder sb = new StringBuilder("""
                package %s;

                import org.springframework.ai.chat.client.ChatClient;

                public final class %s {
                    private final ChatClient chat;

                    public %s(ChatClient.Builder builder) {
                        this.chat = builder.build();
                    }

                    public String route(String ticket) {
                        String label = chat.prompt().user("Classify this ticket as BILLING or TECH: " + ticket).call().content();
                        if (label != null && label.contains("BILLING")) {
                            return chat.prompt().user("Answer the billing question: " + ticket).call().content();
                        }
                        return chat.prompt().user("Answer the technical question: " + ticket).call().content();
                    }
                """.formatted(pkg, name, name));
        for (int m = 0; m < 2 + random.nextInt(6); m++) {
            sb.append("""

                        public String step%d(String input) {
                            String draft = chat.prompt().user("Improve step %d of: " + input).call().content();
                            StringBuilder out = new StringBuilder();
                            for (String line : draft.split("\\n")) {
                                if (!line.isBlank()) out.append(line.strip()).append('\\n');
                            }
                            return out.toString();
                        }
                    """.formatted(m, m));
        }
        sb.append("}\n");
        return new String[]{name, sb.toString()};
    }

    private String[] adk(String pkg, int i) {
        String name = "Pipeline" + i;
        String text = """
                package %s;

                import com.google.adk.agents.LlmAgent;
                import com.google.adk.agents.SequentialAgent;

                public final class %s {
                    public static SequentialAgent build() {
                        LlmAgent researcher = LlmAgent.builder()
                                .name("researcher%d")
                                .model("gemini-2.5-flash")
                                .instruction("Research the topic {topic} and list the facts.")
                                .outputKey("facts%d")
                                .build();
                        LlmAgent writer = LlmAgent.builder()
                                .name("writer%d")
                                .model("gemini-2.5-flash")
                                .instruction("Write an article from these facts: {facts%d}")
                                .outputKey("article%d")
                                .build();
                        return SequentialAgent.builder().name("pipeline%d").subAgents(researcher, writer).build();
                    }
                }
                """.formatted(pkg, name, i, i, i, i, i, i);
        return new String[]{name, text};
    }

    /** One class with {@code n} methods, each binding an AI service's text reply with {@code readValue}. */
    static void writeCallSites(Path root, int n) throws IOException {
        StringBuilder sb = new StringBuilder("""
                package com.acme.big;

                import com.fasterxml.jackson.databind.ObjectMapper;
                import dev.langchain4j.model.chat.ChatModel;
                import dev.langchain4j.service.AiServices;
                import dev.langchain4j.service.UserMessage;

                public final class Big {
                    interface Assistant {
                        @UserMessage("Answer as JSON with the fields text and score: {{it}}")
                        String chat(String message);
                    }

                    record Answer(String text, double score) {
                    }

                    private final ObjectMapper mapper = new ObjectMapper();
                    private final Assistant assistant;

                    public Big(ChatModel model) {
                        this.assistant = AiServices.create(Assistant.class, model);
                    }
                """);
        for (int i = 0; i < n; i++) {
            sb.append("""

                        public Answer ask%d(String q) throws Exception {
                            String reply%d = assistant.chat("Question %d as JSON: " + q);
                            return mapper.readValue(reply%d, Answer.class);
                        }
                    """.formatted(i, i, i, i));
        }
        sb.append("}\n");
        Path file = root.resolve("src/main/java/com/acme/big/Big.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }
}
