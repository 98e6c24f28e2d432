package dev.baton.linter.report;

import dev.baton.linter.engine.LintRequest;
import dev.baton.linter.engine.LintResult;
import dev.baton.linter.engine.Linter;
import dev.baton.linter.testing.SampleProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlReportTest {
    private static final Pattern RECT = Pattern.compile("<rect x=\"(\\d+)\" y=\"(\\d+)\" width=\"(\\d+)\" height=\"(\\d+)\"");
    private static final Pattern EDGE_LABEL = Pattern.compile("<text class=\"edge\" text-anchor=\"middle\" x=\"(\\d+)\" y=\"(\\d+)\"[^>]*><title>([^<]*)</title>");

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
        assertTrue(html.contains("src/<wbr>main/<wbr>java/<wbr>com/<wbr>acme/<wbr><span class=\"file\">Chain.java:10:26</span>"),
                "a location breaks only after a '/', never inside the file name or the line number");
        assertFalse(html.contains("<script>"), "text from the sources is escaped");
        // works offline: nothing is loaded from elsewhere; the only links are the rule pages
        assertFalse(html.contains("src=") || html.contains("<link") || html.contains("<script") || html.contains("url(http"));
        Matcher href = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
        int links = 0;
        while (href.find()) {
            assertTrue(href.group(1).startsWith(SarifReport.DEFAULT_HELP_URI_BASE) && href.group(1).endsWith(".md"), href.group(1));
            links++;
        }
        assertTrue(links > 0, "rule ids link to their pages");
        assertTrue(html.contains("<h2>Rules</h2>") && html.contains("A handoff between agents has no declared contract"),
                "the rules that fired are explained on the page itself");
    }

    @Test
    void ruleLinksFollowTheConfiguredBase() {
        new SampleProject(dir).chainWithGaps();
        LintResult r = Linter.run(LintRequest.builder(dir).sourceRoot(Path.of("src/main/java")).build());
        String html = HtmlReport.render(r, "https://docs.example.org/baton/");
        assertTrue(html.contains("href=\"https://docs.example.org/baton/untyped-handoff.md\""));
        assertFalse(html.contains(SarifReport.DEFAULT_HELP_URI_BASE));
    }

    /** The defect the screenshot showed: a label in the middle of a long edge sat under the box it crossed. */
    @Test
    void edgeLabelsOverlapNoBoxAndNoOtherLabel() {
        new SampleProject(dir).file("src/main/java/com/acme/Wide.java", """
                package com.acme;
                import dev.baton.runtime.chain.*;
                import dev.baton.runtime.contract.Contract;
                class Wide {
                    record Note(String text) {}
                    Object c = HandoffChain.builder("wide").agent("a").agent("b").agent("c").agent("d")
                            .handoff(Handoff.from("a").to("b").contract(Contract.of(Note.class)))
                            .handoff(Handoff.from("b").to("c").contract(Contract.of(Note.class)))
                            .handoff(Handoff.from("a").to("c").contract(Contract.of(Note.class)))
                            .handoff(Handoff.from("a").to("d").contract(Contract.of(Note.class)))
                            .handoff(Handoff.from("c").to("a").contract(Contract.of(Note.class)));
                    Object other = HandoffChain.builder("other").agent("x").agent("y")
                            .handoff(Handoff.from("x").to("y").contract(Contract.of(Note.class)));
                }
                """);
        LintResult r = Linter.run(LintRequest.builder(dir).sourceRoot(Path.of("src/main/java")).build());
        String svg = HtmlReport.svg(r.graph(), r.findings());
        List<int[]> boxes = new ArrayList<>();
        Matcher m = RECT.matcher(svg);
        while (m.find()) boxes.add(new int[]{Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))});
        List<int[]> labels = new ArrayList<>();
        Matcher l = EDGE_LABEL.matcher(svg);
        while (l.find()) {
            int x = Integer.parseInt(l.group(1)), y = Integer.parseInt(l.group(2)), w = Math.min(l.group(3).length(), 21) * 6;
            labels.add(new int[]{x - w / 2, y - 11, w, 13});
        }
        assertEquals(6, labels.size(), svg);
        for (int[] label : labels) {
            for (int[] box : boxes) assertFalse(overlap(label, box), "label " + List.of(label[0], label[1]) + " under a box\n" + svg);
            for (int[] other : labels) {
                if (other != label) assertFalse(overlap(label, other), "two labels overlap\n" + svg);
            }
        }
        assertTrue(svg.lastIndexOf("<rect") < svg.indexOf("<text class=\"edge\""), "labels are drawn last, over every line and box");
        // the back edge c → a of the cycle does not push the layout out: a, b, c, d use at most three columns
        long columns = boxes.stream().mapToInt(b -> b[0]).distinct().count();
        assertTrue(columns <= 4, "columns: " + columns + "\n" + svg);
    }

    @Test
    void cyclesAreCutSoDepthsStaySmall() {
        Map<String, Integer> depth = HtmlReport.depths(List.of("a", "b", "c", "d", "e"),
                List.of(new String[]{"a", "b"}, new String[]{"b", "c"}, new String[]{"c", "a"}, new String[]{"d", "e"}, new String[]{"e", "d"}));
        assertEquals(Map.of("a", 0, "b", 1, "c", 2, "d", 0, "e", 1), depth);
    }

    @Test
    void anAgentKnownOnlyByItsIdIsNamedByItsTypeAndMethod() {
        assertEquals("Writer#write", HtmlReport.displayName("lc4j:com.acme.agents.Writer#write",
                new dev.baton.linter.graph.AgentNode("lc4j:com.acme.agents.Writer#write", "lc4j:com.acme.agents.Writer#write", null,
                        dev.baton.linter.graph.AgentNode.Kind.CODE, null, null)));
        assertEquals("editor", HtmlReport.displayName("baton:demo/editor",
                new dev.baton.linter.graph.AgentNode("baton:demo/editor", "editor", null, dev.baton.linter.graph.AgentNode.Kind.LLM, null, null)));
    }

    private static boolean overlap(int[] a, int[] b) {
        return a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
    }
}
