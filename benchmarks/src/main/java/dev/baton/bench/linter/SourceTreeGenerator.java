package dev.baton.bench.linter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a synthetic Java tree shaped like a real service: mostly ordinary code (domain classes,
 * services, utilities with loops, generics, lambdas, switches), and a few percent of files that use
 * agent APIs (Baton chains and roles, LangChain4j AI services), as an application that added agents
 * to an existing code base would. Deterministic for a given seed.
 */
final class SourceTreeGenerator {
    private final Random random;

    SourceTreeGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** Writes files under {@code root/src/main/java} until at least {@code lines} lines exist; returns the line count. */
    long generate(Path root, long lines) throws IOException {
        Path src = root.resolve("src/main/java");
        long written = 0;
        int i = 0;
        while (written < lines) {
            String pkg = "com.acme.module" + (i % 40);
            String name = "Type" + i;
            int kind = random.nextInt(100);
            String text = kind < 2 ? batonChain(pkg, name, i) : kind < 4 ? batonRole(pkg, name) : kind < 6 ? aiService(pkg, name)
                    : ordinary(pkg, name, 120 + random.nextInt(180));
            Path file = src.resolve(pkg.replace('.', '/')).resolve(name + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            written += text.lines().count();
            i++;
        }
        return written;
    }

    private String ordinary(String pkg, String name, int targetLines) {
        StringBuilder sb = new StringBuilder();
        sb.append("package ").append(pkg).append(";\n\n")
                .append("import java.util.ArrayList;\nimport java.util.HashMap;\nimport java.util.List;\nimport java.util.Map;\n")
                .append("import java.util.Optional;\nimport java.util.stream.Collectors;\n\n")
                .append("/** Generated domain code. */\npublic class ").append(name).append(" {\n")
                .append("    private final Map<String, List<Integer>> index = new HashMap<>();\n")
                .append("    private int counter;\n\n")
                .append("    public record Item(String id, long amount, boolean active) {\n    }\n\n");
        int m = 0;
        while (sb.toString().lines().count() < targetLines) {
            sb.append("    public List<String> process").append(m).append("(List<Item> items, String filter) {\n")
                    .append("        List<String> out = new ArrayList<>();\n")
                    .append("        for (Item item : items) {\n")
                    .append("            if (item.active() && item.id().startsWith(filter)) {\n")
                    .append("                out.add(item.id() + \":\" + item.amount());\n")
                    .append("            } else if (item.amount() > ").append(random.nextInt(1000)).append("L) {\n")
                    .append("                counter += (int) (item.amount() % 7);\n")
                    .append("            }\n        }\n")
                    .append("        switch (out.size()) {\n            case 0 -> counter++;\n            case 1 -> counter += 2;\n")
                    .append("            default -> counter += out.size();\n        }\n")
                    .append("        return out.stream().filter(s -> !s.isEmpty()).map(String::trim).collect(Collectors.toList());\n")
                    .append("    }\n\n")
                    .append("    Optional<Integer> lookup").append(m).append("(String key) {\n")
                    .append("        return Optional.ofNullable(index.get(key)).flatMap(l -> l.stream().max(Integer::compare));\n")
                    .append("    }\n\n");
            m++;
        }
        return sb.append("}\n").toString();
    }

    private String batonChain(String pkg, String name, int i) {
        return "package " + pkg + ";\n\n"
                + "import dev.baton.runtime.chain.AgentKind;\nimport dev.baton.runtime.chain.Escalation;\n"
                + "import dev.baton.runtime.chain.Handoff;\nimport dev.baton.runtime.chain.HandoffChain;\n"
                + "import dev.baton.runtime.contract.Contract;\n\n"
                + "public final class " + name + " {\n"
                + "    record Notes(String topic, java.util.List<String> findings) {\n    }\n\n"
                + "    public static HandoffChain chain() {\n"
                + "        return HandoffChain.builder(\"pipeline-" + i + "\")\n"
                + "                .agent(\"researcher\")\n                .agent(\"writer\")\n"
                + "                .agent(\"publisher\", AgentKind.SIDE_EFFECT)\n"
                + "                .handoff(Handoff.from(\"researcher\").to(\"writer\")\n"
                + "                        .contract(Contract.of(Notes.class))\n"
                + "                        .ownedBy(\"researcher\")\n"
                + "                        .escalateTo(Escalation.toHuman(\"desk\")))\n"
                + "                .handoff(Handoff.from(\"writer\").to(\"publisher\")" + (i % 3 == 0 ? "" : ".ownedBy(\"writer\")") + ")\n"
                + "                .build();\n    }\n}\n";
    }

    private String batonRole(String pkg, String name) {
        return "package " + pkg + ";\n\n"
                + "import dev.baton.runtime.chain.AgentRole;\nimport tools.jackson.databind.json.JsonMapper;\n\n"
                + "@AgentRole(\"writer\")\npublic final class " + name + " {\n"
                + "    private static final JsonMapper JSON = JsonMapper.builder().build();\n\n"
                + "    record Draft(String title, String body) {\n    }\n\n"
                + "    Draft receive(String raw) {\n        return JSON.readValue(raw, Draft.class);\n    }\n}\n";
    }

    private String aiService(String pkg, String name) {
        return "package " + pkg + ";\n\n"
                + "import dev.langchain4j.service.SystemMessage;\nimport dev.langchain4j.service.UserMessage;\n"
                + "import dev.langchain4j.service.V;\n\n"
                + "public interface " + name + " {\n"
                + "    @SystemMessage(\"You summarise support tickets.\")\n"
                + "    @UserMessage(\"Summarise: {{ticket}}\")\n"
                + "    String summarise(@V(\"ticket\") String ticket);\n}\n";
    }
}
