package dev.baton.linter.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The source and resource roots of a Maven or Gradle project tree, found by their conventional
 * layout: every {@code src/main/java} (and, when asked, {@code src/test/java}) below the directory,
 * multi-module builds included, with the matching {@code resources} folders as schema directories.
 * Build output, VCS and dependency folders are not searched.
 *
 * @param baseDir      the directory the roots were found under
 * @param sourceRoots  Java source roots, sorted
 * @param resourceRoots resource roots (searched for JSON Schema files), sorted
 */
public record ProjectLayout(Path baseDir, List<Path> sourceRoots, List<Path> resourceRoots) {
    private static final Set<String> SKIPPED = Set.of("target", "build", "out", "node_modules", ".git", ".gradle",
            ".idea", ".mvn", "bin");

    public ProjectLayout {
        sourceRoots = List.copyOf(sourceRoots);
        resourceRoots = List.copyOf(resourceRoots);
    }

    /** The main source and resource roots under {@code dir}. */
    public static ProjectLayout discover(Path dir) {
        return discover(dir, false);
    }

    /** The roots under {@code dir}; with {@code includeTests}, the {@code src/test} roots too. */
    public static ProjectLayout discover(Path dir, boolean includeTests) {
        Path base = dir.toAbsolutePath().normalize();
        List<Path> sources = new ArrayList<>();
        List<Path> resources = new ArrayList<>();
        try {
            Files.walkFileTree(base, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    if (!d.equals(base)) {
                        String name = d.getFileName().toString();
                        if (SKIPPED.contains(name) || name.startsWith(".")) return FileVisitResult.SKIP_SUBTREE;
                    }
                    Path parent = d.getParent();
                    if (parent != null && parent.getFileName() != null && parent.getParent() != null
                            && parent.getParent().getFileName() != null
                            && parent.getParent().getFileName().toString().equals("src")) {
                        String set = parent.getFileName().toString();
                        String kind = d.getFileName().toString();
                        if (set.equals("main") || (includeTests && set.equals("test"))) {
                            if (kind.equals("java")) {
                                sources.add(d);
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            if (kind.equals("resources")) {
                                resources.add(d);
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot walk " + base, e);
        }
        sources.sort(null);
        resources.sort(null);
        return new ProjectLayout(base, sources, resources);
    }

    /** A request builder for this layout: its roots, paths reported relative to {@link #baseDir()}. */
    public LintRequest.Builder requestBuilder() {
        return LintRequest.builder(baseDir).sourceRoots(sourceRoots).schemaDirs(resourceRoots);
    }
}
