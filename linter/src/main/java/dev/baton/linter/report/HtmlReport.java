package dev.baton.linter.report;

import dev.baton.linter.engine.InputProblem;
import dev.baton.linter.engine.LintResult;
import dev.baton.linter.graph.AgentNode;
import dev.baton.linter.graph.Chain;
import dev.baton.linter.graph.Edge;
import dev.baton.linter.graph.HandoffGraph;
import dev.baton.linter.rule.Finding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One self-contained HTML file (no scripts, no external resources): a picture of the agent graph
 * as inline SVG — agents laid out left to right by handoff depth, edges with findings drawn red —
 * then the findings table and the input problems.
 */
public final class HtmlReport {
    private static final int COL_W = 220, ROW_H = 70, NODE_W = 170, NODE_H = 40, PAD = 20;

    private HtmlReport() {
    }

    public static String render(LintResult result) {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Baton report</title>\n<style>")
                .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;width:100%}")
                .append("td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}th{background:#f3f3f3}")
                .append(".error{color:#b00020;font-weight:bold}.warning{color:#a15c00;font-weight:bold}.note{color:#555}")
                .append("code{font-family:ui-monospace,monospace}td:nth-child(2){white-space:nowrap}td:nth-child(3),td:nth-child(5){overflow-wrap:anywhere}td:nth-child(5){font-size:90%}")
                .append(".graph{overflow-x:auto;border:1px solid #eee;padding:4px}")
                .append("svg text{font:12px sans-serif}svg text.edge{paint-order:stroke;stroke:#fff;stroke-width:3px}")
                .append("</style></head><body>\n<h1>Baton report</h1>\n<p>")
                .append(esc(ConsoleReport.summary(result))).append("</p>\n<h2>Agent graph</h2>\n");
        h.append("<div class=\"graph\">").append(svg(result.graph(), result.findings())).append("</div>\n");
        h.append("<h2>Findings</h2>\n");
        if (result.findings().isEmpty()) {
            h.append("<p>No findings.</p>\n");
        } else {
            h.append("<table><colgroup><col style=\"width:6%\"><col style=\"width:12%\"><col style=\"width:22%\"><col style=\"width:40%\"><col style=\"width:20%\"></colgroup><thead><tr><th>Severity</th><th>Rule</th><th>Location</th><th>Message</th><th>Agents</th></tr></thead><tbody>\n");
            for (Finding f : result.findings()) {
                h.append("<tr><td class=\"").append(f.severity().label()).append("\">").append(f.severity().label())
                        .append("</td><td><code>").append(esc(f.ruleId())).append("</code></td><td><code>")
                        .append(esc(f.location().toString())).append("</code></td><td>").append(esc(f.message()))
                        .append("</td><td>").append(esc(String.join(", ", f.agents()))).append("</td></tr>\n");
            }
            h.append("</tbody></table>\n");
        }
        if (!result.problems().isEmpty()) {
            h.append("<h2>Inputs that could not be read</h2>\n<ul>\n");
            for (InputProblem p : result.problems()) {
                h.append("<li><code>").append(esc(p.file() + ":" + p.line() + ":" + p.column())).append("</code> ")
                        .append(esc(p.message())).append("</li>\n");
            }
            h.append("</ul>\n");
        }
        return h.append("</body></html>\n").toString();
    }

    public static void write(LintResult result, Path output) {
        try {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(output, render(result), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write HTML report " + output + ": " + e.getMessage(), e);
        }
    }

    /** Agents in columns by longest handoff path from a source (cycles cut), edges as arrows. */
    static String svg(HandoffGraph graph, List<Finding> findings) {
        Map<String, AgentNode> agents = new LinkedHashMap<>(graph.agents());
        for (Edge e : graph.edges()) {
            for (String id : List.of(e.producer(), e.consumer())) {
                agents.putIfAbsent(id, new AgentNode(id, id, null, AgentNode.Kind.CODE, null, null));
            }
        }
        // Composites are drawn as nodes with dashed lines to their members, so a chain reads as a tree.
        List<String[]> contains = new ArrayList<>();
        for (Chain c : graph.chains()) {
            agents.putIfAbsent(c.id(), new AgentNode(c.id(), c.name(), c.framework(), AgentNode.Kind.COMPOSITE, null, c.location()));
            for (String member : c.agents()) {
                if (member.equals(c.id())) continue;
                agents.putIfAbsent(member, new AgentNode(member, member, null, AgentNode.Kind.CODE, null, null));
                contains.add(new String[]{c.id(), member});
            }
        }
        if (agents.isEmpty()) return "<p>No agents found.</p>\n";
        Map<String, Integer> depth = new HashMap<>();
        agents.keySet().forEach(id -> depth.put(id, 0));
        // Bellman-Ford-style relaxation bounded by the node count, so cycles cannot loop forever.
        for (int round = 0; round < agents.size(); round++) {
            boolean changed = false;
            List<String[]> links = new ArrayList<>(contains);
            for (Edge e : graph.edges()) links.add(new String[]{e.producer(), e.consumer()});
            for (String[] l : links) {
                int d = depth.get(l[0]) + 1;
                if (d > depth.get(l[1]) && d < agents.size()) {
                    depth.put(l[1], d);
                    changed = true;
                }
            }
            if (!changed) break;
        }
        Map<Integer, Integer> rows = new HashMap<>();
        Map<String, int[]> pos = new HashMap<>();
        int maxRow = 0, maxCol = 0;
        for (String id : agents.keySet()) {
            int col = depth.get(id);
            int row = rows.merge(col, 1, Integer::sum) - 1;
            pos.put(id, new int[]{PAD + col * COL_W, PAD + row * ROW_H});
            maxRow = Math.max(maxRow, row);
            maxCol = Math.max(maxCol, col);
        }
        Set<String> badEdges = new HashSet<>(), badAgents = new HashSet<>();
        for (Finding f : findings) {
            if (f.edge() != null) badEdges.add(f.edge());
            badAgents.addAll(f.agents());
        }
        int width = PAD * 2 + maxCol * COL_W + NODE_W, height = PAD * 2 + maxRow * ROW_H + NODE_H;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"agent graph\">\n",
                width, height, width, height));
        s.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#555\"/></marker></defs>\n");
        for (String[] c : contains) {
            int[] a = pos.get(c[0]), b = pos.get(c[1]);
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\" stroke-dasharray=\"4 3\"/>\n",
                    a[0] + NODE_W, a[1] + NODE_H / 2, b[0], b[1] + NODE_H / 2));
        }
        List<Edge> edges = new ArrayList<>(graph.edges());
        for (Edge e : edges) {
            int[] a = pos.get(e.producer()), b = pos.get(e.consumer());
            boolean bad = badEdges.contains(e.id());
            String label = e.key() != null ? e.key() : (e.contract() != null && e.contract().javaType() != null ? e.contract().javaType() : "");
            s.append(String.format(Locale.ROOT, "<g><title>%s</title><line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"%d\" marker-end=\"url(#arrow)\"/>",
                    esc(e.producer() + " → " + e.consumer() + (label.isEmpty() ? "" : " (" + label + ")")),
                    a[0] + NODE_W, a[1] + NODE_H / 2, b[0], b[1] + NODE_H / 2, bad ? "#b00020" : "#555", bad ? 2 : 1));
            if (!label.isEmpty()) {
                s.append(String.format(Locale.ROOT, "<text class=\"edge\" text-anchor=\"middle\" x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>",
                        (a[0] + NODE_W + b[0]) / 2, (a[1] + b[1] + NODE_H) / 2 - 4, bad ? "#b00020" : "#333", esc(shorten(label, 24))));
            }
            s.append("</g>\n");
        }
        for (Map.Entry<String, AgentNode> en : agents.entrySet()) {
            int[] p = pos.get(en.getKey());
            AgentNode n = en.getValue();
            boolean bad = badAgents.contains(en.getKey());
            s.append(String.format(Locale.ROOT, "<g><title>%s</title><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"6\" fill=\"%s\" stroke=\"%s\"/>",
                    esc(en.getKey() + (n.location() != null ? " — " + n.location() : "")), p[0], p[1], NODE_W, NODE_H,
                    n.kind() == AgentNode.Kind.HUMAN ? "#e8f4ea" : n.kind() == AgentNode.Kind.COMPOSITE ? "#f4f0e6" : "#eef2fb",
                    bad ? "#b00020" : "#6a7fb0"));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text></g>\n", p[0] + 8, p[1] + 24,
                    esc(shorten(n.name() == null ? en.getKey() : n.name(), 24))));
        }
        return s.append("</svg>\n").toString();
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    static String esc(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
