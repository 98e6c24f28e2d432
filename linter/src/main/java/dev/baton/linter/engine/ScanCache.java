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
 * The incremental cache, one JSON file in the cache directory, keyed by paths relative to the base
 * directory (so a moved checkout keeps it). Two levels: per file, content hash → that file's
 * contribution to the handoff graph; per scan, a hash of the tool, the rule configuration and every
 * input's content → the findings. The first spares parsing unchanged files when something changed;
 * the second spares everything when nothing did. A cache that cannot be read is ignored, never fatal.
 */
class ScanCache {
    static final ScanCache NONE = new ScanCache(null, "", Map.of(), null) {
        @Override
        void putFile(String rel, String hash, Contribution c) {
        }

        @Override
        void putResult(String key, List<Finding> findings, int suppressed, List<InputProblem> problems,
                       Contribution graph, List<FileHash> extraFiles) {
        }

        @Override
        void save(Collection<String> present) {
        }
    };

    record FileHash(String path, String hash) {
    }

    record StoredResult(List<Finding> findings, int suppressed, List<InputProblem> problems, HandoffGraph graph) {
    }

    private record FileEntry(String hash, JsonNode contribution) {
    }

    private final Path file;
    private final String toolKey;
    private final Map<String, FileEntry> files;
    private JsonNode result;

    private ScanCache(Path file, String toolKey, Map<String, FileEntry> files, JsonNode result) {
        this.file = file;
        this.toolKey = toolKey;
        this.files = files;
        this.result = result;
    }

    static ScanCache load(Path dir, String toolKey) {
        Path file = dir.resolve("baton-lint-cache.json");
        Map<String, FileEntry> files = new ConcurrentHashMap<>();
        JsonNode result = null;
        if (Files.isRegularFile(file)) {
            try {
                JsonNode root = GraphCodec.JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
                if (toolKey.equals(root.path("tool").asString(""))) {
                    for (Map.Entry<String, JsonNode> e : root.path("files").properties()) {
                        files.put(e.getKey(), new FileEntry(e.getValue().path("hash").asString(""), e.getValue().path("graph")));
                    }
                    result = root.get("result");
                }
            } catch (IOException | RuntimeException e) {
                // A corrupt or foreign cache costs one cold scan, nothing more.
                files.clear();
                result = null;
            }
        }
        return new ScanCache(file, toolKey, files, result);
    }

    Optional<Contribution> file(String rel, String hash) {
        FileEntry e = files.get(rel);
        if (e == null || !e.hash().equals(hash)) return Optional.empty();
        try {
            return Optional.of(GraphCodec.read(e.contribution()));
        } catch (ClassNotFoundException | RuntimeException ex) {
            return Optional.empty();
        }
    }

    void putFile(String rel, String hash, Contribution c) {
        files.put(rel, new FileEntry(hash, GraphCodec.write(c)));
    }

    Optional<StoredResult> result(String key, Path baseDir) {
        if (result == null || !key.equals(result.path("key").asString(""))) return Optional.empty();
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
        try {
            List<Finding> findings = GraphCodec.readFindings(result.path("findings"));
            List<InputProblem> problems = new ArrayList<>();
            for (JsonNode n : result.path("problems")) problems.add(GraphCodec.JSON.treeToValue(n, InputProblem.class));
            HandoffGraph.Builder b = HandoffGraph.builder();
            GraphCodec.read(result.path("graph")).addTo(b);
            return Optional.of(new StoredResult(findings, result.path("suppressed").asInt(), problems, b.build()));
        } catch (ClassNotFoundException | RuntimeException e) {
            return Optional.empty();
        }
    }

    void putResult(String key, List<Finding> findings, int suppressed, List<InputProblem> problems,
                   Contribution graph, List<FileHash> extraFiles) {
        ObjectNode r = GraphCodec.JSON.createObjectNode();
        r.put("key", key);
        r.set("findings", GraphCodec.writeFindings(findings));
        r.put("suppressed", suppressed);
        r.set("problems", GraphCodec.JSON.valueToTree(problems));
        r.set("graph", GraphCodec.write(graph));
        ArrayNode extra = r.putArray("extraFiles");
        for (FileHash f : extraFiles) extra.addObject().put("path", f.path()).put("hash", f.hash());
        result = r;
    }

    /** Writes the cache, dropping entries of files that no longer exist. */
    void save(Collection<String> present) {
        ObjectNode root = GraphCodec.JSON.createObjectNode();
        root.put("tool", toolKey);
        ObjectNode fs = root.putObject("files");
        for (String rel : new java.util.TreeSet<>(files.keySet())) {
            if (!present.contains(rel)) continue;
            FileEntry e = files.get(rel);
            fs.putObject(rel).put("hash", e.hash()).set("graph", e.contribution());
        }
        if (result != null) root.set("result", result);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "baton-lint-cache", ".tmp");
            Files.writeString(tmp, GraphCodec.JSON.writeValueAsString(root), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // The cache is an optimisation: failing to write it must not fail the build.
        }
    }
}
