package dev.baton.linter.engine;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.nio.file.FileVisitResult;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

/**
 * The files of a request: Java files under the source roots that pass includes/excludes, schema files.
 * Symbolic links to folders and files are followed, as javac and the compiler plugin follow them; a link
 * that leads back to one of its own parent folders is reported and not followed, and a file reached by
 * two paths is listed once (at the first path in sorted order).
 */
final class SourceSet {
    /** A file to read: its absolute path and its path relative to the base directory. */
    record Input(Path absolute, String relative, long size, long modified) {
        /** Size and modification time: a cheap identity that spares reading unchanged files on a re-scan. */
        String stamp() {
            return relative + "|" + size + "|" + modified;
        }
    }

    private SourceSet() {
    }

    static List<Input> javaFiles(LintRequest request, List<InputProblem> problems) {
        List<PathMatcher> includes = matchers(request.includes());
        List<PathMatcher> excludes = matchers(request.excludes());
        TreeMap<String, Input> files = new TreeMap<>();
        for (Path configured : request.sourceRoots()) {
            Path root = request.resolve(configured);
            if (!Files.isDirectory(root)) continue;
            // The default (every .java file, nothing excluded) needs no glob matching: the walk already filters.
            boolean everything = request.includes().equals(List.of("**/*.java")) && request.excludes().isEmpty();
            for (Input in : walk(request.baseDir(), root, ".java", problems)) {
                if (everything) {
                    files.putIfAbsent(in.relative(), in);
                    continue;
                }
                Path inRoot = root.relativize(in.absolute());
                if (matchesAny(includes, inRoot) && !matchesAny(excludes, inRoot)) files.putIfAbsent(in.relative(), in);
            }
        }
        return new ArrayList<>(files.values());
    }

    static List<Input> schemaFiles(LintRequest request, List<InputProblem> problems) {
        TreeMap<String, Input> files = new TreeMap<>();
        for (Path configured : request.schemaDirs()) {
            Path dir = request.resolve(configured);
            if (Files.isRegularFile(dir)) {
                Input in = input(request.baseDir(), dir);
                if (in != null) files.putIfAbsent(in.relative(), in);
                continue;
            }
            if (!Files.isDirectory(dir)) continue;
            Path cache = request.cacheDir() == null ? null : request.resolve(request.cacheDir());
            for (Input in : walk(request.baseDir(), dir, ".json", problems)) {
                // the linter's own cache is JSON too, and never a schema
                if (cache != null && in.absolute().startsWith(cache)) continue;
                if (in.absolute().getFileName().toString().startsWith("baton-lint-")) continue;
                files.putIfAbsent(in.relative(), in);
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

    /** The file's stamp now, or {@code null} when it cannot be read. */
    static Input input(Path base, Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new Input(file, relative(base, file), a.size(), a.lastModifiedTime().to(TimeUnit.MICROSECONDS));
        } catch (IOException e) {
            return null;
        }
    }

    private static List<Input> walk(Path base, Path root, String suffix, List<InputProblem> problems) {
        List<Input> out = new ArrayList<>();
        java.util.Set<Object> seen = new java.util.HashSet<>();
        try {
            Files.walkFileTree(root, java.util.EnumSet.of(java.nio.file.FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes a) {
                    if (a.isSymbolicLink() && file.getFileName().toString().endsWith(suffix)) {
                        synchronized (problems) {
                            problems.add(new InputProblem(relative(base, file), 0, 0, "symbolic link to a file that does "
                                    + "not exist; remove the link or exclude it"));
                        }
                        return FileVisitResult.CONTINUE;
                    }
                    if (a.isRegularFile() && file.getFileName().toString().endsWith(suffix)) {
                        // the same file through a link and directly: javac would see it twice, Baton once
                        if (a.fileKey() != null && !seen.add(a.fileKey())) return FileVisitResult.CONTINUE;
                        // walked from an absolute, normalised root: no need to normalise each file again
                        String rel = file.startsWith(base) ? base.relativize(file).toString() : file.toString();
                        if (File.separatorChar != '/') rel = rel.replace(File.separatorChar, '/');
                        out.add(new Input(file, rel, a.size(), a.lastModifiedTime().to(TimeUnit.MICROSECONDS)));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    String rel = relative(base, file);
                    if (e instanceof java.nio.file.FileSystemLoopException) {
                        synchronized (problems) {
                            problems.add(new InputProblem(rel, 0, 0, "symbolic link loop: this folder leads back to one "
                                    + "of its own parents and is not followed; remove the link or exclude it"));
                        }
                    } else if (file.getFileName() != null && (Files.isDirectory(file) || file.getFileName().toString().endsWith(suffix))) {
                        synchronized (problems) {
                            problems.add(new InputProblem(rel, 0, 0, "cannot be listed or read (" + e.getMessage()
                                    + "); nothing in it is linted"));
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
        }
        out.sort(java.util.Comparator.comparing(Input::relative));
        return out;
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
