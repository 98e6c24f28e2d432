package dev.baton.linter.frontend.schema;

import dev.baton.linter.frontend.SchemaFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The project's schema files and how contracts find them. A contract names a schema as a classpath
 * resource ({@code "schemas/notes.schema.json"}) or a path; it is looked up in the schema
 * directories, then in the {@code resources} directories beside the source roots
 * ({@code src/main/java} → {@code src/main/resources}), then relative to the base directory.
 * Schema files found outside the schema directories are read on first use and join {@link #all()}.
 */
public final class SchemaIndex {
    private final Path baseDir;
    private final List<Path> searchDirs;
    private final Map<String, SchemaFile> byRelativePath = new LinkedHashMap<>();
    /** JSON files of the schema directories that are not JSON Schemas (path → why), unless a contract names them */
    private final Map<String, SchemaFile> notSchemas = new LinkedHashMap<>();
    private final Map<String, String> notSchemaReasons = new LinkedHashMap<>();

    /**
     * @param loaded     JSON files already read from the schema directories; those that are not JSON
     *                   Schemas ({@link SchemaShape}) are set aside, listed by {@link #notSchemas()}, and
     *                   join {@link #all()} only when a contract names them
     * @param searchDirs absolute directories to resolve references against, in order
     */
    public SchemaIndex(Path baseDir, List<SchemaFile> loaded, List<Path> searchDirs) {
        this.baseDir = baseDir;
        this.searchDirs = List.copyOf(searchDirs);
        for (SchemaFile f : loaded) {
            Optional<String> why = SchemaShape.notASchema(f);
            if (why.isPresent()) {
                notSchemas.put(f.path(), f);
                notSchemaReasons.put(f.path(), why.get());
            } else {
                byRelativePath.put(f.path(), f);
            }
        }
    }

    /** The JSON files of the schema directories skipped as not JSON Schemas: path → why. */
    public synchronized Map<String, String> notSchemas() {
        return Map.copyOf(notSchemaReasons);
    }

    /** The resources directory beside a source root, e.g. {@code src/main/resources} for {@code src/main/java}. */
    public static Optional<Path> resourcesBeside(Path sourceRoot) {
        Path name = sourceRoot.getFileName();
        if (name == null || !name.toString().equals("java") || sourceRoot.getParent() == null) return Optional.empty();
        return Optional.of(sourceRoot.getParent().resolve("resources"));
    }

    public Path baseDir() {
        return baseDir;
    }

    public synchronized List<SchemaFile> all() {
        return List.copyOf(byRelativePath.values());
    }

    /** The schema a contract reference points to, or empty when no such file exists. */
    public synchronized Optional<SchemaFile> find(String reference) {
        if (reference == null || reference.isBlank()) return Optional.empty();
        final String ref = wanted(reference);
        SchemaFile direct = byRelativePath.get(ref);
        if (direct != null) return Optional.of(direct);
        Optional<SchemaFile> named = promote(ref);
        if (named.isPresent()) return named;
        List<Path> candidates = new ArrayList<>();
        for (Path dir : searchDirs) candidates.add(dir.resolve(ref));
        candidates.add(baseDir.resolve(ref));
        // A schema directory above the resources root (the whole project, say) holds the file under a longer path.
        List<String> bySuffix = byRelativePath.keySet().stream().filter(k -> k.endsWith("/" + ref)).toList();
        if (bySuffix.size() == 1) return Optional.of(byRelativePath.get(bySuffix.get(0)));
        for (Path candidate : candidates) {
            Path abs = candidate.toAbsolutePath().normalize();
            String rel = relative(abs);
            SchemaFile known = byRelativePath.get(rel);
            if (known != null) return Optional.of(known);
            if (notSchemas.containsKey(rel)) return promote(rel);
            if (Files.isRegularFile(abs)) {
                SchemaFile read;
                try {
                    read = SchemaReader.read(rel, Files.readString(abs, StandardCharsets.UTF_8));
                } catch (IOException | java.io.UncheckedIOException e) {
                    read = new SchemaFile(rel, null, "cannot read: " + e.getMessage(), 1, 1);
                }
                byRelativePath.put(rel, read);
                return Optional.of(read);
            }
        }
        return Optional.empty();
    }

    /** A skipped file that a contract names after all: it is a schema (and is checked as one). */
    private Optional<SchemaFile> promote(String ref) {
        String key = notSchemas.containsKey(ref) ? ref : null;
        if (key == null) {
            List<String> bySuffix = notSchemas.keySet().stream().filter(k -> k.endsWith("/" + ref)).toList();
            if (bySuffix.size() != 1 || byRelativePath.keySet().stream().anyMatch(k -> k.endsWith("/" + ref))) return Optional.empty();
            key = bySuffix.get(0);
        }
        SchemaFile f = notSchemas.remove(key);
        notSchemaReasons.remove(key);
        byRelativePath.put(key, f);
        return Optional.of(f);
    }

    private static String wanted(String reference) {
        String ref = reference.strip().replace('\\', '/');
        if (ref.startsWith("classpath:")) ref = ref.substring("classpath:".length());
        while (ref.startsWith("/")) ref = ref.substring(1);
        return ref;
    }

    /** The absolute file of a schema in this index. */
    public Path absolute(SchemaFile file) {
        Path p = Path.of(file.path());
        return p.isAbsolute() ? p : baseDir.resolve(p).normalize();
    }

    private String relative(Path abs) {
        Path rel = abs.startsWith(baseDir) ? baseDir.relativize(abs) : abs;
        return rel.toString().replace('\\', '/');
    }
}
