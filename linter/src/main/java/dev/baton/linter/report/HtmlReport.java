package dev.baton.linter.report;

import dev.baton.linter.engine.InputProblem;
import dev.baton.linter.engine.LintResult;
import dev.baton.linter.graph.AgentNode;
import dev.baton.linter.graph.Chain;
import dev.baton.linter.graph.Edge;
import dev.baton.linter.graph.HandoffGraph;
import dev.baton.linter.rule.Finding;
import dev.baton.linter.rule.Rule;
import dev.baton.linter.rule.RuleInfo;
import dev.baton.linter.rules.RuleCatalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One self-contained HTML file that works offline (no scripts, no external resources): a picture of
 * the agent graph as inline SVG — each connected part drawn on its own, agents laid out left to right
 * by handoff depth, edges with findings drawn red, each edge's key written in the gap after its
 * producer — then the findings table, the rules that fired (summary and fix, linked to their pages)
 * and the input problems.
 */
public final class HtmlReport {
    /** Node box, the gap between columns (where edge labels go), row pitch, outer padding, part spacing. */
    static final int NODE_W = 170, NODE_H = 40, GAP = 130, COL_W = NODE_W + GAP, ROW_H = 64, PAD = 20, PART_GAP = 28;
    /** Characters of an edge label that fit in {@link #GAP} at the label font size. */
    private static final int LABEL_CHARS = 21;
    private static final int LABEL_H = 13;

    private HtmlReport() {
    }

    /** The page, rule links pointing at {@link SarifReport#DEFAULT_HELP_URI_BASE}. */
    public static String render(LintResult result) {
        return render(result, SarifReport.DEFAULT_HELP_URI_BASE);
    }

    /** The page, each rule id linked to {@code helpUriBase + id + ".md"}. */
    public static String render(LintResult result, String helpUriBase) {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Baton report</title>\n<style>")
                .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;width:100%;table-layout:fixed}")
                .append("td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}th{background:#f3f3f3}")
                .append(".error{color:#b00020;font-weight:bold}.warning{color:#a15c00;font-weight:bold}.note{color:#555}")
                .append("code{font-family:ui-monospace,monospace}td.sev,td.rule{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}td{overflow-wrap:break-word}")
                // a location breaks only after a '/', never inside its file name or line number
                .append("code.loc .file{white-space:nowrap}td.agents{font-size:90%;overflow-wrap:break-word}")
                .append("a{color:#1a4fa0}.graph{overflow-x:auto;border:1px solid #eee;padding:4px}")
                .append("svg text{font:12px sans-serif}svg text.edge{font-size:11px;paint-order:stroke;stroke:#fff;stroke-width:3px}")
                .append("dt{margin-top:.6em}dd{margin-left:1.5em}")
                .append("</style></head><body>\n<h1>Baton report</h1>\n<p>")
                .append(esc(ConsoleReport.summary(result))).append("</p>\n<h2>Agent graph</h2>\n");
        h.append("<div class=\"graph\">").append(svg(result.graph(), result.findings())).append("</div>\n");
        h.append("<h2>Findings</h2>\n");
        if (result.findings().isEmpty()) {
            h.append("<p>No findings.</p>\n");
        } else {
            h.append("<table><colgroup><col style=\"width:6em\"><col style=\"width:12.5em\"><col style=\"width:25%\"><col><col style=\"width:16%\"></colgroup><thead><tr><th>Severity</th><th>Rule</th><th>Location</th><th>Message</th><th>Agents</th></tr></thead><tbody>\n");
            for (Finding f : result.findings()) {
                h.append("<tr><td class=\"sev ").append(f.severity().label()).append("\">").append(f.severity().label())
                        .append("</td><td class=\"rule\"><a href=\"").append(esc(SarifReport.helpUri(helpUriBase, f.ruleId())))
                        .append("\"><code>").append(esc(f.ruleId())).append("</code></a></td><td>")
                        .append(location(f.location().file(), f.location().line(), f.location().column()))
                        .append("</td><td>").append(esc(f.message()))
                        .append("</td><td class=\"agents\">").append(agents(f.agents())).append("</td></tr>\n");
            }
            h.append("</tbody></table>\n");
            rules(h, result.findings(), helpUriBase);
        }
        if (!result.problems().isEmpty()) {
            h.append("<h2>Inputs that could not be read</h2>\n<ul>\n");
            for (InputProblem p : result.problems()) {
                h.append("<li>").append(location(p.file(), p.line(), p.column())).append(" ")
                        .append(esc(p.message())).append("</li>\n");
            }
            h.append("</ul>\n");
        }
        return h.append("</body></html>\n").toString();
    }

    public static void write(LintResult result, Path output) {
        write(result, SarifReport.DEFAULT_HELP_URI_BASE, output);
    }

    public static void write(LintResult result, String helpUriBase, Path output) {
        try {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(output, render(result, helpUriBase), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write HTML report " + output + ": " + e.getMessage(), e);
        }
    }

    /** Summary and fix of every rule that fired, so the page explains itself offline; each linked to its page. */
    private static void rules(StringBuilder h, List<Finding> findings, String helpUriBase) {
        Set<String> fired = new LinkedHashSet<>();
        findings.stream().map(Finding::ruleId).sorted().forEach(fired::add);
        StringBuilder dl = new StringBuilder();
        for (String id : fired) {
            RuleInfo info = RuleCatalog.byId(id).map(Rule::info).orElse(null);
            if (info == null) continue;
            dl.append("<dt><a href=\"").append(esc(SarifReport.helpUri(helpUriBase, id))).append("\"><code>")
                    .append(esc(id)).append("</code></a> — ").append(esc(info.summary())).append("</dt><dd>")
                    .append(esc(info.fix())).append("</dd>\n");
        }
        if (!dl.isEmpty()) h.append("<h2>Rules</h2>\n<dl>\n").append(dl).append("</dl>\n");
    }

    /** Agent ids, each free to break after its framework prefix or a {@code /}, not inside a name. */
    static String agents(List<String> ids) {
        List<String> out = new ArrayList<>();
        for (String id : ids) out.add(esc(id).replace(":", ":<wbr>").replace("/", "/<wbr>"));
        return String.join(", ", out);
    }

    /** {@code dir/<wbr>dir/<wbr>File.java:12:5}: breaks only after a {@code /}; the file name and position stay whole. */
    static String location(String file, int line, int column) {
        if (file.isEmpty()) return "<code class=\"loc\">&lt;project&gt;</code>";
        int slash = file.lastIndexOf('/');
        String dirs = file.substring(0, slash + 1), name = file.substring(slash + 1);
        return "<code class=\"loc\">" + esc(dirs).replace("/", "/<wbr>") + "<span class=\"file\">" + esc(name) + ":"
                + Math.max(line, 1) + ":" + Math.max(column, 1) + "</span></code>";
    }

    /**
     * The graph as SVG. Each connected part (a chain and its members, say) gets its own band, so
     * unrelated chains do not cross each other; within a part agents go in columns by longest path
     * from a source (cycles cut), ordered to follow their predecessors; edge labels sit in the free
     * gap after the producer and are moved down when they would overlap another label.
     */
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
        List<String[]> links = new ArrayList<>(contains);
        for (Edge e : graph.edges()) links.add(new String[]{e.producer(), e.consumer()});

        List<String> order = new ArrayList<>(agents.keySet());
        Map<String, Integer> depth = depths(order, links);
        Map<String, int[]> pos = new HashMap<>();
        int maxCol = 0, y = PAD;
        List<Integer> separators = new ArrayList<>();
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < order.size(); i++) rank.put(order.get(i), i);
        List<String> loners = new ArrayList<>();
        for (List<String> part : parts(order, links)) {
            if (part.size() == 1) {
                loners.add(part.get(0));
                continue;
            }
            if (y > PAD) separators.add(y - PART_GAP / 2);
            Map<Integer, List<String>> columns = new java.util.TreeMap<>();
            for (String id : part) columns.computeIfAbsent(depth.get(id), k -> new ArrayList<>()).add(id);
            Map<String, Double> row = new HashMap<>();
            int rows = 0;
            for (Map.Entry<Integer, List<String>> col : columns.entrySet()) {
                List<String> ids = col.getValue();
                if (col.getKey() > 0) {
                    // barycentre of the predecessors already placed, so edges mostly run straight
                    Map<String, Double> key = new HashMap<>();
                    for (String id : ids) {
                        double sum = 0;
                        int n = 0;
                        for (String[] l : links) {
                            if (l[1].equals(id) && row.containsKey(l[0])) {
                                sum += row.get(l[0]);
                                n++;
                            }
                        }
                        key.put(id, n == 0 ? Double.MAX_VALUE : sum / n);
                    }
                    ids.sort(Comparator.comparing((String id) -> key.get(id)).thenComparing(rank::get));
                }
                for (int r = 0; r < ids.size(); r++) {
                    row.put(ids.get(r), (double) r);
                    pos.put(ids.get(r), new int[]{PAD + col.getKey() * COL_W, y + r * ROW_H});
                }
                rows = Math.max(rows, ids.size());
                maxCol = Math.max(maxCol, col.getKey());
            }
            y += (rows - 1) * ROW_H + NODE_H + PART_GAP;
        }
        // Agents with no handoff and no chain share one band at the end, side by side.
        if (!loners.isEmpty()) {
            if (y > PAD) separators.add(y - PART_GAP / 2);
            int perRow = Math.max(4, maxCol + 1);
            for (int i = 0; i < loners.size(); i++) {
                pos.put(loners.get(i), new int[]{PAD + (i % perRow) * COL_W, y + (i / perRow) * ROW_H});
            }
            maxCol = Math.max(maxCol, Math.min(loners.size(), perRow) - 1);
            y += ((loners.size() - 1) / perRow) * ROW_H + NODE_H + PART_GAP;
        }
        Set<String> badEdges = new HashSet<>(), badAgents = new HashSet<>();
        for (Finding f : findings) {
            if (f.edge() != null) badEdges.add(f.edge());
            badAgents.addAll(f.agents());
        }
        int width = PAD * 2 + maxCol * COL_W + NODE_W + GAP / 2, height = y - PART_GAP + PAD + LABEL_H * 2;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"agent graph\">\n",
                width, height, width, height));
        s.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#555\"/></marker>")
                .append("<marker id=\"arrow-bad\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#b00020\"/></marker></defs>\n");
        for (int sep : separators) {
            s.append(String.format(Locale.ROOT, "<line x1=\"0\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#e4e4e4\"/>\n", sep, width, sep));
        }
        for (String[] c : contains) {
            int[] a = pos.get(c[0]), b = pos.get(c[1]);
            s.append("<path d=\"").append(curve(a, b)).append("\" fill=\"none\" stroke=\"#aaa\" stroke-dasharray=\"4 3\"/>\n");
        }
        List<int[]> taken = new ArrayList<>();
        StringBuilder labels = new StringBuilder();
        for (Edge e : graph.edges()) {
            int[] a = pos.get(e.producer()), b = pos.get(e.consumer());
            boolean bad = badEdges.contains(e.id());
            String label = e.key() != null ? e.key() : (e.contract() != null && e.contract().javaType() != null ? e.contract().javaType() : "");
            s.append(String.format(Locale.ROOT, "<g><title>%s</title><path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%s\" marker-end=\"url(#%s)\"/></g>\n",
                    esc(e.producer() + " → " + e.consumer() + (label.isEmpty() ? "" : " (" + label + ")")),
                    curve(a, b), bad ? "#b00020" : "#666", bad ? "2" : "1.2", bad ? "arrow-bad" : "arrow"));
            if (!label.isEmpty()) {
                int[] at = labelAt(a, b);
                int ly = free(taken, at[0], at[1]);
                // drawn after every edge and node, so no line or box covers a label
                labels.append(String.format(Locale.ROOT, "<text class=\"edge\" text-anchor=\"middle\" x=\"%d\" y=\"%d\" fill=\"%s\"><title>%s</title>%s</text>\n",
                        at[0], ly, bad ? "#b00020" : "#333", esc(label), esc(shorten(label, LABEL_CHARS))));
            }
        }
        for (Map.Entry<String, AgentNode> en : agents.entrySet()) {
            int[] p = pos.get(en.getKey());
            AgentNode n = en.getValue();
            boolean bad = badAgents.contains(en.getKey());
            s.append(String.format(Locale.ROOT, "<g><title>%s</title><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"6\" fill=\"%s\" stroke=\"%s\" stroke-width=\"%s\"/>",
                    esc(en.getKey() + (n.location() != null ? " — " + n.location() : "")), p[0], p[1], NODE_W, NODE_H,
                    n.kind() == AgentNode.Kind.HUMAN ? "#e8f4ea" : n.kind() == AgentNode.Kind.COMPOSITE ? "#f4f0e6" : "#eef2fb",
                    bad ? "#b00020" : "#6a7fb0", bad ? "1.5" : "1"));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text></g>\n", p[0] + 8, p[1] + 24,
                    esc(shorten(displayName(en.getKey(), n), 24))));
        }
        s.append(labels);
        return s.append("</svg>\n").toString();
    }

    /**
     * Longest path from a source over {@code links}, with cycles cut: a depth-first walk in
     * {@code order} drops each edge back to a node still on its path, and depths follow on what is
     * left, which has no cycle.
     */
    static Map<String, Integer> depths(List<String> order, List<String[]> links) {
        Map<String, List<String>> out = new HashMap<>();
        for (String[] l : links) out.computeIfAbsent(l[0], k -> new ArrayList<>()).add(l[1]);
        Map<String, Integer> state = new HashMap<>(); // absent: unseen, 1: on the path, 2: done
        Set<String> back = new HashSet<>();
        List<String> finished = new ArrayList<>();
        for (String start : order) {
            if (state.containsKey(start)) continue;
            java.util.ArrayDeque<Object[]> stack = new java.util.ArrayDeque<>();
            stack.push(new Object[]{start, 0});
            state.put(start, 1);
            while (!stack.isEmpty()) {
                Object[] top = stack.peek();
                String id = (String) top[0];
                List<String> next = out.getOrDefault(id, List.of());
                int i = (int) top[1];
                if (i < next.size()) {
                    top[1] = i + 1;
                    String n = next.get(i);
                    Integer st = state.get(n);
                    if (st == null) {
                        state.put(n, 1);
                        stack.push(new Object[]{n, 0});
                    } else if (st == 1) {
                        back.add(id + "\u0000" + n);
                    }
                } else {
                    state.put(id, 2);
                    finished.add(id);
                    stack.pop();
                }
            }
        }
        Map<String, Integer> depth = new HashMap<>();
        order.forEach(id -> depth.put(id, 0));
        // reverse post-order is a topological order of the edges that are left
        for (int k = finished.size() - 1; k >= 0; k--) {
            String id = finished.get(k);
            for (String n : out.getOrDefault(id, List.of())) {
                if (back.contains(id + "\u0000" + n)) continue;
                depth.put(n, Math.max(depth.get(n), depth.get(id) + 1));
            }
        }
        return depth;
    }

    /** The connected parts of the graph (links taken both ways), in order of their first node. */
    private static List<List<String>> parts(List<String> order, List<String[]> links) {
        Map<String, String> parent = new HashMap<>();
        order.forEach(id -> parent.put(id, id));
        for (String[] l : links) {
            String a = root(parent, l[0]), b = root(parent, l[1]);
            if (!a.equals(b)) parent.put(b, a);
        }
        Map<String, List<String>> parts = new LinkedHashMap<>();
        for (String id : order) parts.computeIfAbsent(root(parent, id), k -> new ArrayList<>()).add(id);
        return new ArrayList<>(parts.values());
    }

    private static String root(Map<String, String> parent, String id) {
        String r = id;
        while (!parent.get(r).equals(r)) r = parent.get(r);
        parent.put(id, r);
        return r;
    }

    /**
     * From the producer's right side to the consumer's left side. An edge backwards or within one
     * column (a cycle, a loop) leaves the producer's bottom and enters the consumer's bottom, bending
     * through the free space below the boxes.
     */
    private static String curve(int[] a, int[] b) {
        int x1 = a[0] + NODE_W, y1 = a[1] + NODE_H / 2, x2 = b[0], y2 = b[1] + NODE_H / 2;
        if (x2 > x1) {
            int dx = Math.min((x2 - x1) / 2, GAP);
            return String.format(Locale.ROOT, "M%d,%d C%d,%d %d,%d %d,%d", x1, y1, x1 + dx, y1, x2 - dx, y2, x2, y2);
        }
        int bx1 = a[0] + NODE_W / 2 + 10, by1 = a[1] + NODE_H, bx2 = b[0] + NODE_W / 2 - 10, by2 = b[1] + NODE_H;
        int yc = Math.max(by1, by2) + (ROW_H - NODE_H) * 2 / 3 + 8;
        return String.format(Locale.ROOT, "M%d,%d C%d,%d %d,%d %d,%d", bx1, by1, bx1, yc, bx2, yc, bx2, by2);
    }

    /** Where an edge's label goes: in the gap right after the producer, on the curve; for a back edge, below it. */
    private static int[] labelAt(int[] a, int[] b) {
        int x1 = a[0] + NODE_W, y1 = a[1] + NODE_H / 2, x2 = b[0], y2 = b[1] + NODE_H / 2;
        if (x2 > x1) {
            // the curve leaves the producer level; at the gap's middle it has covered a share of the climb
            double t = Math.min(0.5, (GAP / 2.0) / (x2 - x1));
            double share = 3 * t * t - 2 * t * t * t;
            return new int[]{x1 + GAP / 2, (int) Math.round(y1 + (y2 - y1) * share) - 4};
        }
        int low = Math.max(a[1], b[1]) + NODE_H + (ROW_H - NODE_H) / 2 + 6;
        return new int[]{(a[0] + b[0] + NODE_W) / 2, low + 4};
    }

    /** A baseline for a label at {@code (x, y)} that overlaps no label placed before, moving it down a line at a time. */
    private static int free(List<int[]> taken, int x, int y) {
        int ly = y;
        boolean clash = true;
        while (clash) {
            clash = false;
            for (int[] t : taken) {
                if (Math.abs(t[0] - x) < GAP - 10 && Math.abs(t[1] - ly) < LABEL_H) {
                    ly = t[1] + LABEL_H;
                    clash = true;
                }
            }
        }
        taken.add(new int[]{x, ly});
        return ly;
    }

    /**
     * The agent's name; for an agent known only by its id (say {@code lc4j:com.acme.agents.Writer#write}),
     * the part a reader recognises ({@code Writer#write}) rather than the package.
     */
    static String displayName(String id, AgentNode n) {
        if (n.name() != null && !n.name().isBlank() && !n.name().equals(id)) return n.name();
        String s = id.substring(id.indexOf(':') + 1);
        int hash = s.indexOf('#');
        String type = hash < 0 ? s : s.substring(0, hash), member = hash < 0 ? "" : s.substring(hash);
        if (type.contains("(")) return s;
        return type.substring(type.lastIndexOf('.') + 1) + member;
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
