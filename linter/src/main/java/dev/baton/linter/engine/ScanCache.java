package dev.baton.linter.engine;

import dev.baton.linter.graph.HandoffGraph;
import dev.baton.linter.rule.Finding;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The incremental cache in the cache directory, keyed by paths relative to the base directory (so a
 * moved checkout keeps it). Two levels, in two files:
 * <ul>
 *   <li>{@code baton-lint-files.json}, per file: content hash → that file's contribution to the handoff
 *   graph. Spares parsing unchanged files when something changed; read only then.</li>
 *   <li>{@code baton-lint-result.json}, per scan: the findings, keyed both by every input's size and
 *   modification time (checked without reading a file) and by every input's content hash (when
 *   files were touched but not changed), each combined with the tool and rule configuration.</li>
 * </ul>
 * Rules are cross-file, so findings are only ever reused whole. A cache that cannot be read is
 * ignored, never fatal.
 */
class ScanCache {
    static final ScanCache NONE = new ScanCache(null, "", null) {
        @Override
        Optional<Contribution> file(String rel, String hash) {
            return Optional.empty();
        }

        @Override
        void putFile(String rel, String hash, Contribution c) {
        }

        @Override
        void putResult(String contentKey, String stampKey, List<Finding> findings, int suppressed,
                       List<InputProblem> problems, Contribution graph, List<ExtraFile> extraFiles) {
        }

        @Override
        void save(Collection<String> present) {
        }
    };

    /** A schema file read from outside the schema directories, which the result also depends on. */
    record ExtraFile(String path, long size, long modified, String hash) {
    }

    record StoredResult(List<Finding> findings, int suppressed, List<InputProblem> problems, HandoffGraph graph,
                        List<ExtraFile> extraFiles) {
    }

    private record FileEntry(String hash, JsonNode contribution) {
    }

    private final Path dir;
    private final String toolKey;
    private JsonNode result;
    private Map<String, FileEntry> files;
    private boolean filesDirty;

    private ScanCache(Path dir, String toolKey, JsonNode result) {
        this.dir = dir;
        this.toolKey = toolKey;
        this.result = result;
    }

    static ScanCache load(Path dir, String toolKey) {
        JsonNode result = null;
        Path file = dir.resolve("baton-lint-result.json");
        if (Files.isRegularFile(file)) {
            try {
                JsonNode root = GraphCodec.JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
                if (toolKey.equals(root.path("tool").asString(""))) result = root;
            } catch (IOException | RuntimeException e) {
                // A corrupt or foreign cache costs one cold scan, nothing more.
            }
        }
        return new ScanCache(dir, toolKey, result);
    }

    private synchronized Map<String, FileEntry> files() {
        if (files != null) return files;
        files = new ConcurrentHashMap<>();
        Path file = dir.resolve("baton-lint-files.json");
        if (Files.isRegularFile(file)) {
            try {
                JsonNode root = GraphCodec.JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
                if (toolKey.equals(root.path("tool").asString(""))) {
                    for (Map.Entry<String, JsonNode> e : root.path("files").properties()) {
                        files.put(e.getKey(), new FileEntry(e.getValue().path("hash").asString(""), e.getValue().path("graph")));
                    }
                }
            } catch (IOException | RuntimeException e) {
                files.clear();
            }
        }
        return files;
    }

    Optional<Contribution> file(String rel, String hash) {
        FileEntry e = files().get(rel);
        if (e == null || !e.hash().equals(hash)) return Optional.empty();
        try {
            return Optional.of(GraphCodec.read(e.contribution()));
        } catch (ClassNotFoundException | RuntimeException ex) {
            return Optional.empty();
        }
    }

    void putFile(String rel, String hash, Contribution c) {
        FileEntry old = files().get(rel);
        if (old != null && old.hash().equals(hash)) return;
        files().put(rel, new FileEntry(hash, GraphCodec.write(c)));
        filesDirty = true;
    }

    /** The stored result if no input's size or modification time changed (no file is read). */
    Optional<StoredResult> resultByStamp(String stampKey, Path baseDir) {
        if (result == null || !stampKey.equals(result.path("stampKey").asString(""))) return Optional.empty();
        for (JsonNode extra : result.path("extraFiles")) {
            SourceSet.Input now = SourceSet.input(baseDir, baseDir.resolve(extra.path("path").asString("")));
            if (now == null || now.size() != extra.path("size").asLong(-1) || now.modified() != extra.path("modified").asLong(-1)) {
                return Optional.empty();
            }
        }
        return decode();
    }

    /** The stored result if every input's content is unchanged. */
    Optional<StoredResult> result(String contentKey, Path baseDir) {
        if (result == null || !contentKey.equals(result.path("key").asString(""))) return Optional.empty();
        for (JsonNode extra : result.path("extraFiles")) {
            Path p = baseDir.resolve(extra.path("path").asString(""));
            String now;
            try {
                now = Files.isRegularFile(p) ? Fingerprint.sha256(Files.readAllBytes(p)) : "";
            } catch (IOException e) {
                now = "";
            }
            if (!now.equals(extra.path("hash").asString(""))) return Optional.empty();
        }
        return decode();
    }

    private Optional<StoredResult> decode() {
        try {
            List<Finding> findings = GraphCodec.readFindings(result.path("findings"));
            List<InputProblem> problems = new ArrayList<>();
            for (JsonNode n : result.path("problems")) problems.add(GraphCodec.JSON.treeToValue(n, InputProblem.class));
            HandoffGraph.Builder b = HandoffGraph.builder();
            GraphCodec.read(result.path("graph")).addTo(b);
            List<ExtraFile> extra = new ArrayList<>();
            for (JsonNode n : result.path("extraFiles")) {
                extra.add(new ExtraFile(n.path("path").asString(""), n.path("size").asLong(-1), n.path("modified").asLong(-1),
                        n.path("hash").asString("")));
            }
            return Optional.of(new StoredResult(findings, result.path("suppressed").asInt(), problems, b.build(), extra));
        } catch (ClassNotFoundException | RuntimeException e) {
            return Optional.empty();
        }
    }

    void putResult(String contentKey, String stampKey, List<Finding> findings, int suppressed,
                   List<InputProblem> problems, Contribution graph, List<ExtraFile> extraFiles) {
        ObjectNode r = GraphCodec.JSON.createObjectNode();
        r.put("tool", toolKey);
        r.put("key", contentKey);
        r.put("stampKey", stampKey);
        r.set("findings", GraphCodec.writeFindings(findings));
        r.put("suppressed", suppressed);
        r.set("problems", GraphCodec.JSON.valueToTree(problems));
        r.set("graph", GraphCodec.write(graph));
        ArrayNode extra = r.putArray("extraFiles");
        for (ExtraFile f : extraFiles) {
            extra.addObject().put("path", f.path()).put("size", f.size()).put("modified", f.modified()).put("hash", f.hash());
        }
        result = r;
    }

    /** Writes what changed, dropping per-file entries of files that no longer exist. */
    void save(Collection<String> present) {
        try {
            Files.createDirectories(dir);
            if (filesDirty || (files != null && !present.containsAll(files.keySet()))) {
                ObjectNode root = GraphCodec.JSON.createObjectNode();
                root.put("tool", toolKey);
                ObjectNode fs = root.putObject("files");
                for (String rel : new java.util.TreeSet<>(files.keySet())) {
                    if (!present.contains(rel)) continue;
                    FileEntry e = files.get(rel);
                    fs.putObject(rel).put("hash", e.hash()).set("graph", e.contribution());
                }
                write(dir.resolve("baton-lint-files.json"), root);
            }
            if (result != null) write(dir.resolve("baton-lint-result.json"), result);
        } catch (IOException e) {
            // The cache is an optimisation: failing to write it must not fail the build.
        }
    }

    private void write(Path target, JsonNode root) throws IOException {
        Path tmp = Files.createTempFile(dir, "baton-lint-cache", ".tmp");
        Files.writeString(tmp, GraphCodec.JSON.writeValueAsString(root), StandardCharsets.UTF_8);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
