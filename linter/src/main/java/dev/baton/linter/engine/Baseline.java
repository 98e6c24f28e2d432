package dev.baton.linter.engine;

import dev.baton.linter.rule.Finding;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Accepted findings of a legacy project, keyed by content fingerprint (no line numbers, so entries
 * survive edits above them). Entries are sorted so diffs stay reviewable. The linter only reads a
 * baseline; it is written on explicit request ({@link #write}) and otherwise only shrinks
 * ({@link #shrink}).
 */
public final class Baseline {
    /** One accepted finding. {@code message} is for the reader of the file; matching uses the fingerprint only. */
    public record Entry(String fingerprint, String rule, String file, String message) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private final Map<String, Entry> entries;

    private Baseline(Map<String, Entry> entries) {
        this.entries = entries;
    }

    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    public boolean accepts(Finding finding) {
        return entries.containsKey(finding.fingerprint());
    }

    /** Writes {@code findings} as the new baseline (creates or replaces the file). */
    public static void write(Path file, Collection<Finding> findings) {
        List<Entry> list = new ArrayList<>();
        for (Finding f : findings) list.add(new Entry(f.fingerprint(), f.ruleId(), f.location().file(), f.message()));
        writeEntries(file, list);
    }

    /**
     * Drops the entries no current finding matches and never adds one: a ratchet. Returns the
     * number of entries removed.
     */
    public static int shrink(Path file, LintResult result) {
        Baseline old = read(file);
        Set<String> stale = Set.copyOf(result.staleBaselineEntries());
        List<Entry> kept = old.entries().stream().filter(e -> !stale.contains(e.fingerprint())).toList();
        writeEntries(file, kept);
        return old.entries.size() - kept.size();
    }

    /**
     * Reads a baseline file.
     *
     * @throws LintConfigurationException naming the file when it is missing or malformed
     */
    public static Baseline read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new LintConfigurationException("baseline " + file + " does not exist; create it with the baseline goal");
        }
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read baseline " + file + ": " + e.getMessage(), e);
        } catch (JacksonException e) {
            throw new LintConfigurationException("baseline " + file + " is not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr()));
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        int i = 0;
        for (JsonNode n : root.path("entries")) {
            String fp = n.path("fingerprint").asString("");
            if (fp.isBlank()) throw new LintConfigurationException("baseline " + file + ": entries[" + i + "] has no fingerprint");
            entries.put(fp, new Entry(fp, n.path("rule").asString(""), n.path("file").asString(""),
                    n.path("message").asString("")));
            i++;
        }
        return new Baseline(entries);
    }

    private static void writeEntries(Path file, List<Entry> list) {
        List<Entry> sorted = new ArrayList<>(list);
        sorted.sort(Comparator.comparing(Entry::file).thenComparing(Entry::rule).thenComparing(Entry::fingerprint));
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "baton-baseline/1");
        ArrayNode arr = root.putArray("entries");
        for (Entry e : sorted) {
            ObjectNode o = arr.addObject();
            o.put("fingerprint", e.fingerprint());
            o.put("rule", e.rule());
            o.put("file", e.file());
            o.put("message", e.message());
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(file, JSON.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write baseline " + file + ": " + e.getMessage(), e);
        }
    }
}
