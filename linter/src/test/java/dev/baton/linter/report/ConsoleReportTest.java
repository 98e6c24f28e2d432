package dev.baton.linter.report;

import dev.baton.linter.engine.LintRequest;
import dev.baton.linter.engine.LintResult;
import dev.baton.linter.engine.Linter;
import dev.baton.linter.testing.SampleProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsoleReportTest {
    @TempDir
    Path dir;

    @Test
    void compilerStyleLinesThenOneSummaryLine() {
        new SampleProject(dir).chainWithGaps()
                .file("src/main/java/com/acme/Broken.java", "import dev.baton.runtime.chain.HandoffChain;\nclass Broken {\n  int x = ;\n}\n")
                .file("src/main/java/com/acme/Suppressed.java", """
                        package com.acme;
                        import dev.baton.runtime.chain.*;
                        class Suppressed {
                            @SuppressWarnings("baton")
                            Object c = HandoffChain.builder("s").agent("a").agent("b").handoff(Handoff.from("a").to("b"));
                        }
                        """);
        LintResult r = Linter.run(LintRequest.builder(dir).sourceRoot(Path.of("src/main/java")).build());
        List<String> lines = ConsoleReport.lines(r);
        assertEquals(4, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).matches("src/main/java/com/acme/Broken\\.java:3:\\d+: error \\[parse-error] this file does not parse: .+"), lines.get(0));
        assertTrue(lines.get(1).startsWith("src/main/java/com/acme/Chain.java:10:26: error [error-unowned] handoff 'writer' → 'editor' has no owner"), lines.get(1));
        assertTrue(lines.get(2).startsWith("src/main/java/com/acme/Chain.java:10:26: error [untyped-handoff] handoff 'writer' → 'editor' declares no contract"), lines.get(2));
        assertTrue(lines.get(3).startsWith("baton: 3 errors, 0 warnings, 0 notes; 2 suppressed ("), lines.get(3));
        assertTrue(lines.get(3).matches(".*\\(3 Java files analysed \\(\\d parsed\\), 0 schemas, \\d+ ms\\)"), lines.get(3));
    }

    @Test
    void aCachedRerunSaysHowManyFilesCameFromTheCacheNotZeroParsed() {
        new SampleProject(dir).chainWithGaps()
                .file("src/main/resources/schemas/note.schema.json", "{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\"}}, \"required\": [\"a\"], \"additionalProperties\": false}");
        LintRequest request = LintRequest.builder(dir).sourceRoot(Path.of("src/main/java"))
                .schemaDir(Path.of("src/main/resources")).cacheDir(Path.of("target/baton/cache")).build();
        String first = ConsoleReport.summary(Linter.run(request));
        assertTrue(first.contains("(1 Java file analysed (1 parsed), 1 schema, "), first);
        String second = ConsoleReport.summary(Linter.run(request));
        assertTrue(second.contains("(1 Java file analysed (1 from cache), 1 schema, "), second);
        assertFalse(second.contains("0 parsed"), second);
    }

    @Test
    void noAgentCodeAndNoSchemaSaysNothingWasChecked() {
        new SampleProject(dir).file("src/main/java/com/acme/Plain.java", "package com.acme;\nclass Plain { int add(int a, int b) { return a + b; } }\n");
        LintResult r = Linter.run(LintRequest.builder(dir).sourceRoot(Path.of("src/main/java")).build());
        assertTrue(ConsoleReport.nothingChecked(r));
        String summary = ConsoleReport.summary(r);
        assertTrue(summary.startsWith("baton: nothing was checked: no agent code recognised and no JSON Schema file found;"
                + " check the source roots and includes (1 Java file analysed"), summary);
        assertFalse(summary.contains("0 errors"), summary);
    }

    @Test
    void recognisedAgentCodeGetsTheCounts() {
        new SampleProject(dir).file("src/main/java/com/acme/Ok.java", """
                package com.acme;
                import dev.baton.runtime.chain.*;
                import dev.baton.runtime.contract.Contract;
                class Ok {
                    record Note(String text) {}
                    Object c = HandoffChain.builder("ok").agent("a").agent("b")
                            .handoff(Handoff.from("a").to("b").contract(Contract.of(Note.class)).ownedBy("a")
                                    .escalateTo(Escalation.toHuman("desk")));
                }
                """);
        LintResult r = Linter.run(LintRequest.builder(dir).sourceRoot(Path.of("src/main/java")).build());
        assertFalse(ConsoleReport.nothingChecked(r), ConsoleReport.summary(r));
        assertTrue(ConsoleReport.summary(r).matches("baton: \\d+ errors?, .*"), ConsoleReport.summary(r));
    }

    @Test
    void pathsOfAModuleAreMadeRelativeToWhereTheBuildStarted() {
        Path root = dir, module = dir.resolve("services/app");
        assertEquals("services/app/", ConsoleReport.pathPrefix(module, root));
        assertEquals("", ConsoleReport.pathPrefix(root, root));
        assertEquals("", ConsoleReport.pathPrefix(root, module), "a project outside the start directory keeps its own paths");
        assertEquals("", ConsoleReport.pathPrefix(module, null));

        new SampleProject(module).chainWithGaps();
        LintResult r = Linter.run(LintRequest.builder(module).sourceRoot(Path.of("src/main/java")).build());
        String line = ConsoleReport.line(r.findings().get(0), ConsoleReport.pathPrefix(module, root));
        assertTrue(line.startsWith("services/app/src/main/java/com/acme/Chain.java:10:26: error ["), line);
    }
}
