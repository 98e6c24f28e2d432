package dev.baton.linter.engine;

import dev.baton.linter.rule.Severity;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What to lint and how. Immutable; build one with {@link #builder(Path)}.
 *
 * @param baseDir           the project directory; every reported path is relative to it
 * @param sourceRoots       Java source roots (absolute or relative to {@code baseDir}); missing ones are skipped
 * @param schemaDirs        directories searched (recursively) for {@code *.json} schema files
 * @param includes          globs, relative to a source root, of Java files to lint ({@code **}{@code /*.java} by default)
 * @param excludes          globs, relative to a source root, of Java files to leave out
 * @param disabledRules     rule ids not to run
 * @param severityOverrides rule id to the severity its findings get instead of the default
 * @param profile           {@code default} or {@code strict}
 * @param cacheDir          where the incremental cache lives, or {@code null} for none
 * @param baseline          a baseline file written by {@link Baseline#write}, or {@code null}
 * @param encoding          the encoding Java sources are written in, as javac's {@code -encoding} (UTF-8 by default);
 *                          schema files are JSON and always read as UTF-8
 * @param progress          told how a long scan is getting on, or {@code null}; see {@link Builder#progress}
 */
public record LintRequest(Path baseDir, List<Path> sourceRoots, List<Path> schemaDirs, List<String> includes,
                          List<String> excludes, Set<String> disabledRules, Map<String, Severity> severityOverrides,
                          String profile, Path cacheDir, Path baseline, Charset encoding,
                          java.util.function.Consumer<String> progress) {

    public static final String DEFAULT_PROFILE = "default";
    public static final String STRICT_PROFILE = "strict";

    public LintRequest {
        Objects.requireNonNull(baseDir, "baseDir");
        baseDir = baseDir.toAbsolutePath().normalize();
        sourceRoots = List.copyOf(sourceRoots);
        schemaDirs = List.copyOf(schemaDirs);
        includes = includes == null || includes.isEmpty() ? List.of("**/*.java") : List.copyOf(includes);
        excludes = excludes == null ? List.of() : List.copyOf(excludes);
        disabledRules = disabledRules == null ? Set.of() : Set.copyOf(disabledRules);
        severityOverrides = severityOverrides == null ? Map.of() : Map.copyOf(severityOverrides);
        profile = profile == null || profile.isBlank() ? DEFAULT_PROFILE : profile;
        encoding = encoding == null ? StandardCharsets.UTF_8 : encoding;
    }

    public static Builder builder(Path baseDir) {
        return new Builder(baseDir);
    }

    /** {@code path} resolved against {@link #baseDir()} when relative. */
    public Path resolve(Path path) {
        return baseDir.resolve(path).toAbsolutePath().normalize();
    }

    /** Fluent construction; unset lists are empty, the profile is {@code default}. */
    public static final class Builder {
        private final Path baseDir;
        private final List<Path> sourceRoots = new ArrayList<>();
        private final List<Path> schemaDirs = new ArrayList<>();
        private final List<String> includes = new ArrayList<>();
        private final List<String> excludes = new ArrayList<>();
        private final Set<String> disabledRules = new LinkedHashSet<>();
        private final Map<String, Severity> severityOverrides = new LinkedHashMap<>();
        private String profile = DEFAULT_PROFILE;
        private Path cacheDir;
        private Path baseline;
        private Charset encoding = StandardCharsets.UTF_8;
        private java.util.function.Consumer<String> progress;

        private Builder(Path baseDir) {
            this.baseDir = baseDir;
        }

        public Builder sourceRoot(Path root) {
            sourceRoots.add(root);
            return this;
        }

        public Builder sourceRoots(List<Path> roots) {
            sourceRoots.addAll(roots);
            return this;
        }

        public Builder schemaDir(Path dir) {
            schemaDirs.add(dir);
            return this;
        }

        public Builder schemaDirs(List<Path> dirs) {
            schemaDirs.addAll(dirs);
            return this;
        }

        public Builder include(String glob) {
            includes.add(glob);
            return this;
        }

        public Builder includes(List<String> globs) {
            includes.addAll(globs);
            return this;
        }

        public Builder exclude(String glob) {
            excludes.add(glob);
            return this;
        }

        public Builder excludes(List<String> globs) {
            excludes.addAll(globs);
            return this;
        }

        public Builder disable(String ruleId) {
            disabledRules.add(ruleId);
            return this;
        }

        public Builder disabledRules(Set<String> ids) {
            disabledRules.addAll(ids);
            return this;
        }

        public Builder severity(String ruleId, Severity severity) {
            severityOverrides.put(ruleId, severity);
            return this;
        }

        public Builder severityOverrides(Map<String, Severity> overrides) {
            severityOverrides.putAll(overrides);
            return this;
        }

        public Builder profile(String profile) {
            this.profile = profile;
            return this;
        }

        public Builder cacheDir(Path cacheDir) {
            this.cacheDir = cacheDir;
            return this;
        }

        public Builder baseline(Path baseline) {
            this.baseline = baseline;
            return this;
        }

        /** The encoding of the Java sources ({@code project.build.sourceEncoding}); {@code null} means UTF-8. */
        public Builder encoding(Charset encoding) {
            this.encoding = encoding;
            return this;
        }

        /**
         * Where a long scan says how it is getting on: one line (such as {@code "read 1,200 of 3,166 Java
         * files (6 s)"}) every few seconds once the scan has run for a few seconds, so a scan that ends
         * quickly says nothing. Called from the scan's worker threads, one call at a time.
         */
        public Builder progress(java.util.function.Consumer<String> progress) {
            this.progress = progress;
            return this;
        }

        public LintRequest build() {
            return new LintRequest(baseDir, sourceRoots, schemaDirs, includes, excludes, disabledRules,
                    severityOverrides, profile, cacheDir, baseline, encoding, progress);
        }
    }
}
