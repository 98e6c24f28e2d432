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
    }
}
