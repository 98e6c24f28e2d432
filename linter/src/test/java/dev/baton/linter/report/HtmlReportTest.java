package dev.baton.linter.report;

import dev.baton.linter.engine.LintRequest;
import dev.baton.linter.engine.LintResult;
import dev.baton.linter.engine.Linter;
import dev.baton.linter.testing.SampleProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlReportTest {
    @TempDir
    Path dir;

    @Test
    void selfContainedPageWithTheAgentGraphAndTheFindings() {
        new SampleProject(dir).chainWithGaps().file("src/main/java/com/acme/Xss.java", """
                package com.acme;
                import dev.baton.runtime.chain.*;
                class Xss { Object c = HandoffChain.builder("x").agent("<script>").agent("b").handoff(Handoff.from("<script>").to("b")); }
                """);
        LintResult r = Linter.run(LintRequest.builder(dir).sourceRoot(Path.of("src/main/java")).build());
        String html = HtmlReport.render(r);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<svg"), "inline SVG picture of the graph");
        assertTrue(html.contains(">writer</text>") && html.contains(">editor</text>"), "agents are drawn");
        assertTrue(html.contains("stroke=\"#b00020\""), "an edge with findings is drawn red");
        assertTrue(html.contains(">demo</text>") && html.contains("stroke-dasharray"), "the chain is drawn with its members");
        assertTrue(html.contains("<code>untyped-handoff</code>"));
        assertTrue(html.contains("src/main/java/com/acme/Chain.java:10:26"));
        assertFalse(html.contains("<script>"), "text from the sources is escaped");
        assertFalse(html.contains("src=\"http") || html.contains("href=\"http"), "no external resources");
    }
}
