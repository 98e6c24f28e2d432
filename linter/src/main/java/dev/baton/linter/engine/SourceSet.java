package dev.baton.linter.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The files of a request: Java files under the source roots that pass includes/excludes, schema files. */
final class SourceSet {
    /** A file to read: its absolute path and its path relative to the base directory. */
    record Input(Path absolute, String relative) {
    }

    private SourceSet() {
    }

    static List<Input> javaFiles(LintRequest request) {
        List<PathMatcher> includes = matchers(request.includes());
        List<PathMatcher> excludes = matchers(request.excludes());
        TreeMap<String, Input> files = new TreeMap<>();
        for (Path configured : request.sourceRoots()) {
            Path root = request.resolve(configured);
            if (!Files.isDirectory(root)) continue;
            for (Path file : walk(root, ".java")) {
                Path inRoot = root.relativize(file);
                if (matchesAny(includes, inRoot) && !matchesAny(excludes, inRoot)) {
                    String rel = relative(request.baseDir(), file);
                    files.putIfAbsent(rel, new Input(file, rel));
                }
            }
        }
        return new ArrayList<>(files.values());
    }

    static List<Input> schemaFiles(LintRequest request) {
        TreeMap<String, Input> files = new TreeMap<>();
        for (Path configured : request.schemaDirs()) {
            Path dir = request.resolve(configured);
            if (Files.isRegularFile(dir)) {
                files.putIfAbsent(relative(request.baseDir(), dir), new Input(dir, relative(request.baseDir(), dir)));
                continue;
            }
            if (!Files.isDirectory(dir)) continue;
            for (Path file : walk(dir, ".json")) {
                String rel = relative(request.baseDir(), file);
                files.putIfAbsent(rel, new Input(file, rel));
            }
        }
        return new ArrayList<>(files.values());
    }

    /** {@code file} relative to {@code base} with {@code /} separators; absolute when outside it. */
    static String relative(Path base, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path rel = abs.startsWith(base) ? base.relativize(abs) : abs;
        return rel.toString().replace('\\', '/');
    }

    private static List<Path> walk(Path root, String suffix) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix) && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
        }
    }

    private static List<PathMatcher> matchers(List<String> globs) {
        List<PathMatcher> out = new ArrayList<>();
        for (String g : globs) {
            String glob = g.replace('\\', '/');
            out.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
            // "**/X" should also match X directly under the root, as users of Ant-style globs expect.
            while (glob.startsWith("**/")) {
                glob = glob.substring(3);
                out.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
            }
        }
        return out;
    }

    private static boolean matchesAny(List<PathMatcher> matchers, Path path) {
        for (PathMatcher m : matchers) if (m.matches(path)) return true;
        return false;
    }
}
