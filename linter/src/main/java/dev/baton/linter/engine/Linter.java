package dev.baton.linter.engine;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.TokenRange;
import com.github.javaparser.ast.CompilationUnit;
import dev.baton.linter.frontend.Frontend;
import dev.baton.linter.frontend.ParsedSource;
import dev.baton.linter.frontend.SchemaFile;
import dev.baton.linter.frontend.UnreadableSource;
import dev.baton.linter.frontend.schema.SchemaIndex;
import dev.baton.linter.frontend.schema.SchemaReader;
import dev.baton.linter.graph.HandoffGraph;
import dev.baton.linter.graph.Location;
import dev.baton.linter.graph.facts.AgentContract;
import dev.baton.linter.rule.Finding;
import dev.baton.linter.rule.FindingSink;
import dev.baton.linter.rule.LintContext;
import dev.baton.linter.rule.Rule;
import dev.baton.linter.rule.Severity;
import dev.baton.linter.rules.RuleCatalog;

import java.io.IOException;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The library entry point: usable without Maven (a CLI, a test, another build tool).
 *
 * <p>A scan walks the source roots, indexes every file's declared type names and identifiers
 * lexically ({@link SourceIndex}), skips without parsing the files that neither contain a frontend's
 * trigger token nor share a type name, transitively, with a file that does, parses the rest in parallel (one {@link JavaParser} per thread), lets each
 * frontend add the file's agents, edges and facts to the handoff graph, links across files, reads
 * the schema files, runs every enabled rule over the graph, then applies suppressions, severity
 * overrides and the baseline. A file that does not parse, is not valid in the sources' encoding
 * ({@link LintRequest#encoding()}, UTF-8 by default), is binary or unreadable is an
 * {@link UnreadableSource} that the {@code parse-error} rule reports, and the scan goes on.
 */
public final class Linter {
    private static final java.util.regex.Pattern SUPPRESSION_ID = java.util.regex.Pattern.compile("\"baton:([A-Za-z0-9-]+)");
    private final List<Rule> rules;
    private final List<Frontend> frontends;
    /** Whether files outside the {@link SourceIndex} closure are skipped unparsed (off only to prove it changes nothing). */
    private final boolean prefilter;

    /** A linter with every rule and frontend of {@link RuleCatalog}. */
    public Linter() {
        this(RuleCatalog.all(), RuleCatalog.frontends());
    }

    /** A linter with the given rules and frontends (tests, other tools). */
    public Linter(List<Rule> rules, List<Frontend> frontends) {
        this(rules, frontends, true);
    }

    /** With {@code prefilter} false every file is parsed and offered to every frontend (tests of the prefilter). */
    Linter(List<Rule> rules, List<Frontend> frontends, boolean prefilter) {
        this.rules = List.copyOf(rules);
        this.frontends = List.copyOf(frontends);
        this.prefilter = prefilter;
    }

    /** Runs a scan with every rule and frontend of {@link RuleCatalog}. */
    public static LintResult run(LintRequest request) {
        return new Linter().lint(request);
    }

    /**
     * Runs a scan.
     *
     * @throws LintConfigurationException when the request names an unknown rule id or profile, or the
     *                                    baseline file is malformed
     */
    public LintResult lint(LintRequest request) {
        long start = System.nanoTime();
        validate(request);
        Baseline baseline = request.baseline() == null ? null : Baseline.read(request.resolve(request.baseline()));
        List<Rule> enabled = rules.stream().filter(r -> !request.disabledRules().contains(r.info().id())).toList();

        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            Scan scan = new Scan(request, enabled, pool);
            return scan.run(baseline, start);
        } finally {
            pool.shutdown();
        }
    }

    private void validate(LintRequest request) {
        Set<String> known = rules.stream().map(r -> r.info().id()).collect(Collectors.toCollection(TreeSet::new));
        List<String> unknown = new ArrayList<>();
        for (String id : request.disabledRules()) if (!known.contains(id)) unknown.add("disabledRules: " + id);
        for (String id : request.severityOverrides().keySet()) if (!known.contains(id)) unknown.add("severityOverrides: " + id);
        if (!unknown.isEmpty()) {
            throw new LintConfigurationException("unknown rule id(s) " + unknown + "; valid ids are " + known);
        }
        List<String> missing = new ArrayList<>();
        for (Path dir : request.schemaDirs()) if (!Files.exists(request.resolve(dir))) missing.add(request.resolve(dir).toString());
        if (!missing.isEmpty()) {
            throw new LintConfigurationException("schemaDirectories: " + String.join(", ", missing) + (missing.size() == 1
                    ? " does not exist" : " do not exist") + "; name existing folders (or schema files), or leave the "
                    + "parameter out to search the resources folders");
        }
        if (!request.profile().equals(LintRequest.DEFAULT_PROFILE) && !request.profile().equals(LintRequest.STRICT_PROFILE)) {
            throw new LintConfigurationException("unknown profile '" + request.profile() + "'; valid profiles are ["
                    + LintRequest.DEFAULT_PROFILE + ", " + LintRequest.STRICT_PROFILE + "]");
        }
    }

    /**
     * A file read from disk: its text (null when binary or unreadable), content hash, and what kept it
     * from being read as javac reads it (null when nothing did).
     */
    private record Loaded(SourceSet.Input input, String text, String hash, UnreadableSource problem) {
        /** The text the scan can analyse: readable and not binary (possibly decoded as ISO-8859-1). */
        boolean readable() {
            return text != null;
        }

        /** As a schema file reader's error, for the schema directories. */
        String readError() {
            return problem == null || text != null ? null : problem.detail();
        }
    }

    /** Outcome of reading one Java file; {@code unparsable} when the parser rejected it. */
    private record FileOutcome(Loaded file, boolean relevant, Contribution contribution, ParsedSource parsed,
                               boolean fromCache, UnreadableSource unparsable) {
    }

    /** One scan: all per-run state. */
    private final class Scan {
        private final LintRequest request;
        private final List<Rule> enabled;
        private final ForkJoinPool pool;
        private final ThreadLocal<JavaParser> parser = ThreadLocal.withInitial(Linter::newParser);
        private final ScanCache cache;
        private final Map<String, ParsedSource> parsed = new ConcurrentHashMap<>();
        private final Map<String, Loaded> javaByPath = new LinkedHashMap<>();
        private final Progress progress;

        Scan(LintRequest request, List<Rule> enabled, ForkJoinPool pool) {
            this.request = request;
            this.enabled = enabled;
            this.pool = pool;
            this.cache = request.cacheDir() == null ? ScanCache.NONE
                    : ScanCache.load(request.resolve(request.cacheDir()), toolKey());
            this.progress = new Progress(request.progress(), System::nanoTime);
        }

        LintResult run(Baseline baseline, long start) {
            List<InputProblem> listingProblems = new ArrayList<>();
            List<SourceSet.Input> javaInputs = SourceSet.javaFiles(request, listingProblems);
            List<SourceSet.Input> schemaInputs = SourceSet.schemaFiles(request, listingProblems);
            String stampKey = stampKey(javaInputs, schemaInputs);
            Optional<ScanCache.StoredResult> byStamp = cache.resultByStamp(stampKey, request.baseDir());
            if (byStamp.isPresent()) {
                ScanCache.StoredResult r = byStamp.get();
                LintStats stats = new LintStats(javaInputs.size(), 0, javaInputs.size(), schemaInputs.size(), true, millisSince(start));
                return finish(r.findings(), r.suppressed(), r.problems(), r.graph(), baseline, stats);
            }
            List<Loaded> java = inPool(() -> javaInputs.parallelStream().map(in -> load(in, request.encoding())).toList());
            List<Loaded> schemas = inPool(() -> schemaInputs.parallelStream().map(in -> load(in, StandardCharsets.UTF_8)).toList());
            java.forEach(l -> javaByPath.put(l.input().relative(), l));

            String resultKey = resultKey(java, schemas);
            Optional<ScanCache.StoredResult> stored = cache.result(resultKey, request.baseDir());
            if (stored.isPresent()) {
                ScanCache.StoredResult r = stored.get();
                // contents unchanged but files touched: remember the new stamps for next time
                cache.putResult(resultKey, stampKey, r.findings(), r.suppressed(), r.problems(),
                        Contribution.of(r.graph(), List.of()), restamp(r.extraFiles()));
                cache.save(javaByPath.keySet());
                LintStats stats = new LintStats(java.size(), 0, java.size(), schemas.size(), true, millisSince(start));
                return finish(r.findings(), r.suppressed(), r.problems(), r.graph(), baseline, stats);
            }

            Set<String> relevant = relevantFiles(java);
            int toRead = relevant.size();
            List<FileOutcome> outcomes = inPool(() -> java.parallelStream().map(l -> {
                FileOutcome o = read(l, relevant.contains(l.input().relative()));
                if (o.relevant()) progress.fileRead(toRead, java.size());
                return o;
            }).toList());
            HandoffGraph.Builder builder = HandoffGraph.builder();
            List<InputProblem> problems = new ArrayList<>(listingProblems);
            List<UnreadableSource> unreadable = new ArrayList<>();
            int parsedCount = 0, cachedCount = 0;
            for (FileOutcome o : outcomes) {
                if (o.file().problem() != null) unreadable.add(o.file().problem());
                if (o.unparsable() != null) {
                    // not cached: a file that does not parse is parsed again next time, and reported again
                    unreadable.add(o.unparsable());
                    continue;
                }
                if (!o.relevant()) continue;
                if (o.fromCache()) cachedCount++;
                else if (o.parsed() != null || !o.contribution().problems().isEmpty()) parsedCount++;
                o.contribution().addTo(builder);
                problems.addAll(o.contribution().problems());
                cache.putFile(o.file().input().relative(), o.file().hash(), o.contribution());
            }
            unreadable.sort(Comparator.comparing(UnreadableSource::path).thenComparingInt(UnreadableSource::line));
            List<String> relevantPaths = outcomes.stream()
                    .filter(o -> o.relevant() && o.unparsable() == null)
                    .map(o -> o.file().input().relative()).toList();
            if (cachedCount > 0) {
                // Linking reads every relevant file's tree: parse those the cache spared on every core now,
                // rather than one by one when a frontend's link first asks for them.
                inPool(() -> {
                    relevantPaths.parallelStream().forEach(this::parsedSource);
                    return null;
                });
            }
            List<ParsedSource> sources = new LazySources(relevantPaths, this::parsedSource);
            progress.phase("linking the handoff graph across " + String.format("%,d", relevantPaths.size()) + " files");
            for (Frontend f : frontends) {
                try {
                    f.link(sources, builder);
                } catch (RuntimeException | StackOverflowError e) {
                    problems.add(new InputProblem("", 0, 0, "frontend " + f.getClass().getSimpleName()
                            + " failed while linking files: " + e));
                }
            }
            HandoffGraph graph = builder.build();

            List<SchemaFile> schemaFiles = new ArrayList<>();
            for (Loaded l : schemas) {
                schemaFiles.add(l.readError() != null
                        ? new SchemaFile(l.input().relative(), null, l.readError(), 1, 1)
                        : SchemaReader.read(l.input().relative(), l.text()));
            }
            SchemaIndex schemaIndex = new SchemaIndex(request.baseDir(), schemaFiles, searchDirs());

            Context context = new Context(graph, sources, List.copyOf(unreadable), schemaIndex, request.profile(),
                    rel -> javaByPath.containsKey(rel) ? Optional.ofNullable(parsedSource(rel)) : Optional.empty(),
                    this::ofType);
            // Contract references resolve before rules run, so schemas outside the schema directories are
            // checked too (schema-invalid, schema-loose) whichever rule touches them first.
            // Rules run in parallel, so this must happen before any of them reads schemas().
            graph.edges().forEach(e -> { if (e.contract() != null) schemaIndex.find(e.contract().schemaPath()); });
            graph.facts(AgentContract.class).forEach(c -> schemaIndex.find(c.contract().schemaPath()));

            progress.phase("running " + enabled.size() + " rules over " + graph.agents().size() + " agents and "
                    + graph.edges().size() + " handoffs");
            List<Raw> raw = Collections.synchronizedList(new ArrayList<>());
            List<InputProblem> ruleProblems = Collections.synchronizedList(new ArrayList<>());
            inPool(() -> {
                enabled.parallelStream().forEach(rule -> {
                    try {
                        rule.check(context, new Sink(rule, raw));
                    } catch (RuntimeException | StackOverflowError e) {
                        ruleProblems.add(new InputProblem("", 0, 0, "rule " + rule.info().id() + " failed: " + e));
                    }
                });
                return null;
            });
            problems.addAll(ruleProblems);
            problems.addAll(unknownSuppressions(java));

            List<Finding> all = toFindings(raw);
            int suppressed = 0;
            List<Finding> kept = new ArrayList<>();
            Map<String, Suppressions> suppressionsByFile = new HashMap<>();
            for (Finding f : all) {
                Suppressions s = suppressionsByFile.computeIfAbsent(f.location().file(), this::suppressionsOf);
                if (s != null && s.suppresses(f.ruleId(), f.location().line(), f.location().column())) suppressed++;
                else kept.add(f);
            }
            problems = new ArrayList<>(new java.util.LinkedHashSet<>(problems)); // a folder both source root and schema directory
            problems.sort(Comparator.comparing(InputProblem::file).thenComparingInt(InputProblem::line)
                    .thenComparingInt(InputProblem::column).thenComparing(InputProblem::message));

            cache.putResult(resultKey, stampKey, kept, suppressed, problems, Contribution.of(graph, List.of()),
                    extraFiles(graph, schemas, schemaIndex));
            cache.save(javaByPath.keySet());

            LintStats stats = new LintStats(java.size(), parsed.size(), cachedCount, schemaIndex.all().size(), false,
                    millisSince(start), schemaIndex.notSchemas());
            return finish(kept, suppressed, problems, graph, baseline, stats);
        }

        private LintResult finish(List<Finding> findings, int suppressed, List<InputProblem> problems,
                                  HandoffGraph graph, Baseline baseline, LintStats stats) {
            if (baseline == null) {
                return new LintResult(findings, suppressed, List.of(), List.of(), stats, problems, graph);
            }
            List<Finding> fresh = new ArrayList<>(), accepted = new ArrayList<>();
            Set<String> matched = new HashSet<>();
            for (Finding f : findings) {
                if (baseline.accepts(f)) {
                    accepted.add(f);
                    matched.add(f.fingerprint());
                } else {
                    fresh.add(f);
                }
            }
            List<String> stale = baseline.entries().stream().map(Baseline.Entry::fingerprint)
                    .filter(fp -> !matched.contains(fp)).sorted().toList();
            return new LintResult(fresh, suppressed, accepted, stale, stats, problems, graph);
        }

        /**
         * The files to parse: those with a frontend's trigger token and, transitively, those sharing a
         * declared type name with them ({@link SourceIndex}); every file when the prefilter is off.
         */
        private Set<String> relevantFiles(List<Loaded> java) {
            List<Loaded> readable = java.stream().filter(Loaded::readable).toList();
            if (!prefilter) return readable.stream().map(l -> l.input().relative()).collect(Collectors.toSet());
            Map<String, SourceIndex.Entry> index = new LinkedHashMap<>();
            List<Map.Entry<String, SourceIndex.Entry>> entries = inPool(() -> readable.parallelStream()
                    .map(l -> Map.entry(l.input().relative(), SourceIndex.of(l.text()))).toList());
            entries.forEach(e -> index.put(e.getKey(), e.getValue()));
            Set<String> seeds = new HashSet<>();
            for (Loaded l : readable) if (!interested(l).isEmpty()) seeds.add(l.input().relative());
            return SourceIndex.closure(index, seeds::contains);
        }

        /** The frontends whose trigger tokens occur in the file (every frontend when the prefilter is off). */
        private List<Frontend> interested(Loaded file) {
            if (!prefilter) return frontends;
            List<Frontend> interested = new ArrayList<>();
            for (Frontend f : frontends) {
                for (String t : f.triggers()) {
                    if (file.text().contains(t)) {
                        interested.add(f);
                        break;
                    }
                }
            }
            return interested;
        }

        private FileOutcome read(Loaded file, boolean relevant) {
            if (!file.readable() || !relevant) return new FileOutcome(file, false, Contribution.NONE, null, false, null);
            List<Frontend> interested = interested(file);
            Optional<Contribution> cached = cache.file(file.input().relative(), file.hash());
            if (cached.isPresent()) return new FileOutcome(file, true, cached.get(), null, true, null);

            String rel = file.input().relative();
            ParseResult<CompilationUnit> result;
            try {
                result = parser.get().parse(file.text());
            } catch (StackOverflowError e) {
                // Pathological nesting (generated code, an attack): this file is reported and the scan goes on.
                parser.remove();
                return new FileOutcome(file, true, Contribution.NONE, null, false,
                        new UnreadableSource(rel, 1, 1, UnreadableSource.Reason.SYNTAX, "nesting too deep for the parser"));
            }
            if (!result.isSuccessful() || result.getResult().isEmpty()) {
                return new FileOutcome(file, true, Contribution.NONE, null, false, syntaxError(rel, result.getProblems()));
            }
            ParsedSource source = new ParsedSource(rel, file.text(), withoutTokens(result.getResult().get()));
            parsed.put(rel, source);
            HandoffGraph.Builder own = HandoffGraph.builder();
            List<InputProblem> problems = new ArrayList<>();
            for (Frontend f : interested) {
                try {
                    f.read(source, own);
                } catch (RuntimeException | StackOverflowError e) {
                    problems.add(new InputProblem(rel, 0, 0, "frontend " + f.getClass().getSimpleName()
                            + " failed on this file: " + e));
                }
            }
            return new FileOutcome(file, true, Contribution.of(own.build(), problems), source, false, null);
        }

        /** The parsed source of a scanned file, parsing it now if the cache spared it so far. */
        private ParsedSource parsedSource(String rel) {
            ParsedSource known = parsed.get(rel);
            if (known != null) return known;
            Loaded l = javaByPath.get(rel);
            if (l == null || !l.readable()) return null;
            ParseResult<CompilationUnit> r;
            try {
                r = parser.get().parse(l.text());
            } catch (StackOverflowError e) {
                parser.remove();
                return null;
            }
            if (!r.isSuccessful() || r.getResult().isEmpty()) return null;
            ParsedSource s = new ParsedSource(rel, l.text(), withoutTokens(r.getResult().get()));
            ParsedSource raced = parsed.putIfAbsent(rel, s);
            return raced != null ? raced : s;
        }

        /**
         * {@code @SuppressWarnings("baton:<id>")} naming no rule suppresses nothing, silently: a typo or a
         * renamed rule. Reported as an input problem naming the valid ids.
         */
        private List<InputProblem> unknownSuppressions(List<Loaded> java) {
            Set<String> known = rules.stream().map(r -> r.info().id()).collect(Collectors.toCollection(TreeSet::new));
            // a linter run with a subset of rules (a test) still knows every catalogued id
            RuleCatalog.all().forEach(r -> known.add(r.info().id()));
            List<InputProblem> out = new ArrayList<>();
            for (Loaded l : java) {
                String text = l.text();
                if (text == null || !text.contains("\"baton:") || !text.contains("SuppressWarnings")) continue;
                java.util.regex.Matcher m = SUPPRESSION_ID.matcher(text);
                while (m.find()) {
                    if (known.contains(m.group(1))) continue;
                    int line = 1, col = 1;
                    for (int i = 0; i < m.start(1); i++) {
                        if (text.charAt(i) == '\n') {
                            line++;
                            col = 1;
                        } else {
                            col++;
                        }
                    }
                    out.add(new InputProblem(l.input().relative(), line, col, "@SuppressWarnings names unknown rule id '"
                            + m.group(1) + "', which suppresses nothing; valid ids are " + known));
                }
            }
            return out;
        }

        private Optional<ParsedSource> ofType(String typeName) {
            if (typeName == null || typeName.isBlank()) return Optional.empty();
            String t = typeName.strip();
            int lt = t.indexOf('<');
            if (lt >= 0) t = t.substring(0, lt);
            String simple = t.substring(t.lastIndexOf('.') + 1);
            String suffix = t.contains(".") ? t.replace('.', '/') + ".java" : simple + ".java";
            List<String> matches = new ArrayList<>();
            for (String rel : javaByPath.keySet()) {
                if (rel.equals(suffix) || rel.endsWith("/" + suffix)) matches.add(rel);
            }
            if (matches.size() != 1) return Optional.empty();
            return Optional.ofNullable(parsedSource(matches.get(0)));
        }

        private Suppressions suppressionsOf(String rel) {
            if (!rel.endsWith(".java")) return null;
            ParsedSource s = parsedSource(rel);
            return s == null ? null : Suppressions.of(s.unit());
        }

        private List<Finding> toFindings(List<Raw> raw) {
            List<Raw> sorted = new ArrayList<>(raw);
            sorted.sort(Comparator.comparing((Raw r) -> r.location().file()).thenComparingInt(r -> r.location().line())
                    .thenComparingInt(r -> r.location().column()).thenComparing(Raw::ruleId).thenComparing(Raw::message));
            Map<String, Integer> seen = new HashMap<>();
            List<Finding> out = new ArrayList<>();
            Set<String> exact = new HashSet<>();
            for (Raw r : sorted) {
                // The same rule reporting the same thing twice (two frontends seeing one edge) is one finding.
                if (!exact.add(r.ruleId() + "|" + r.location() + "|" + r.message())) continue;
                String fp = Fingerprint.of(r.ruleId(), r.location().file(), r.anchor());
                int n = seen.merge(fp, 1, Integer::sum);
                if (n > 1) fp = Fingerprint.of(r.ruleId(), r.location().file(), r.anchor() + "#" + n);
                Severity severity = request.severityOverrides().getOrDefault(r.ruleId(), r.severity());
                out.add(new Finding(r.ruleId(), severity, r.message(), r.location(), r.agents(), r.edge(), fp));
            }
            return out;
        }

        private List<Path> searchDirs() {
            List<Path> dirs = new ArrayList<>();
            for (Path p : request.schemaDirs()) dirs.add(request.resolve(p));
            for (Path root : request.sourceRoots()) SchemaIndex.resourcesBeside(request.resolve(root)).ifPresent(dirs::add);
            for (Path root : request.sourceRoots()) dirs.add(request.resolve(root));
            return dirs;
        }

        /** Schema files outside the schema directories that the result read (contract references). */
        private List<ScanCache.ExtraFile> restamp(List<ScanCache.ExtraFile> files) {
            List<ScanCache.ExtraFile> out = new ArrayList<>();
            for (ScanCache.ExtraFile f : files) {
                SourceSet.Input now = SourceSet.input(request.baseDir(), request.baseDir().resolve(f.path()));
                out.add(new ScanCache.ExtraFile(f.path(), now == null ? -1 : now.size(), now == null ? -1 : now.modified(), f.hash()));
            }
            return out;
        }

        private List<ScanCache.ExtraFile> extraFiles(HandoffGraph graph, List<Loaded> schemas, SchemaIndex index) {
            Set<String> inDirs = schemas.stream().map(l -> l.input().relative()).collect(Collectors.toSet());
            List<ScanCache.ExtraFile> out = new ArrayList<>();
            for (SchemaFile f : index.all()) {
                if (inDirs.contains(f.path())) continue;
                Path abs = index.absolute(f);
                SourceSet.Input stamp = SourceSet.input(request.baseDir(), abs);
                out.add(new ScanCache.ExtraFile(f.path(), stamp == null ? -1 : stamp.size(), stamp == null ? -1 : stamp.modified(),
                        hashOrEmpty(abs)));
            }
            return out;
        }

        private String stampKey(List<SourceSet.Input> java, List<SourceSet.Input> schemas) {
            StringBuilder sb = new StringBuilder(toolKey()).append('\n');
            rulesKey(sb);
            sb.append("profile=").append(request.profile()).append('\n');
            for (SourceSet.Input i : java) sb.append(i.stamp()).append('\n');
            for (SourceSet.Input i : schemas) sb.append(i.stamp()).append('\n');
            return Fingerprint.sha256(sb.toString());
        }

        private String resultKey(List<Loaded> java, List<Loaded> schemas) {
            StringBuilder sb = new StringBuilder(toolKey()).append('\n');
            rulesKey(sb);
            sb.append("profile=").append(request.profile()).append('\n');
            for (Loaded l : java) sb.append(l.input().relative()).append('=').append(l.hash()).append('\n');
            for (Loaded l : schemas) sb.append(l.input().relative()).append('=').append(l.hash()).append('\n');
            return Fingerprint.sha256(sb.toString());
        }

        private void rulesKey(StringBuilder sb) {
            for (Rule r : enabled) sb.append("rule=").append(r.getClass().getName()).append('\n');
            new java.util.TreeMap<>(request.severityOverrides()).forEach((k, v) -> sb.append("sev=").append(k)
                    .append(v).append('\n'));
        }

        private String toolKey;

        /** Tool, code and frontend identity, computed once per scan. */
        private String toolKey() {
            if (toolKey == null) toolKey = computeToolKey();
            return toolKey;
        }

        private String computeToolKey() {
            StringBuilder sb = new StringBuilder("baton-linter cache 1\n").append(codeStamp()).append('\n')
                    .append("prefilter=").append(prefilter).append('\n')
                    // the content hashes are of bytes, and the same bytes are other text in another encoding
                    .append("encoding=").append(request.encoding().name()).append('\n');
            for (Frontend f : frontends) sb.append("frontend=").append(f.getClass().getName()).append(new TreeSet<>(f.triggers())).append('\n');
            return Fingerprint.sha256(sb.toString());
        }

        private <T> T inPool(java.util.concurrent.Callable<T> work) {
            try {
                return pool.submit(work).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("lint interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) throw re;
                if (e.getCause() instanceof Error err) throw err;
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    /**
     * How a long scan is getting on, for {@link LintRequest#progress()}: nothing in the first
     * {@value #QUIET_SECONDS} seconds (a small scan stays silent), then a line at each phase and at most
     * one every {@value #EVERY_SECONDS} seconds while files are read.
     */
    static final class Progress {
        static final int QUIET_SECONDS = 3;
        static final int EVERY_SECONDS = 5;
        private static final long SECOND = 1_000_000_000L;
        private final java.util.function.Consumer<String> sink;
        private final java.util.function.LongSupplier clock;
        private final long start;
        private final java.util.concurrent.atomic.AtomicInteger read = new java.util.concurrent.atomic.AtomicInteger();
        private volatile long next;

        /** @param clock nanoseconds, as {@link System#nanoTime()} */
        Progress(java.util.function.Consumer<String> sink, java.util.function.LongSupplier clock) {
            this.sink = sink;
            this.clock = clock;
            this.start = clock.getAsLong();
            this.next = start + QUIET_SECONDS * SECOND;
        }

        /** One more of the {@code toRead} files to analyse was read (of {@code total} in the source roots). */
        void fileRead(int toRead, int total) {
            int done = read.incrementAndGet();
            if (sink == null || done == toRead || clock.getAsLong() < next) return;
            synchronized (this) {
                long now = clock.getAsLong();
                if (now < next) return;
                next = now + EVERY_SECONDS * SECOND;
                sink.accept(String.format("read %,d of %,d Java files to analyse (%,d in the source roots) (%d s)", done, toRead,
                        total, (now - start) / SECOND));
            }
        }

        /** The scan moves on to {@code what}. */
        synchronized void phase(String what) {
            long now = clock.getAsLong();
            if (sink == null || now - start < QUIET_SECONDS * SECOND) return;
            sink.accept(what + " (" + (now - start) / SECOND + " s)");
        }
    }

    /** A finding before severity override, fingerprint and suppression. */
    private record Raw(String ruleId, Severity severity, String message, Location location, List<String> agents,
                       String edge, String anchor) {
    }

    private static final class Sink implements FindingSink {
        private final Rule rule;
        private final List<Raw> out;

        Sink(Rule rule, List<Raw> out) {
            this.rule = rule;
            this.out = out;
        }

        @Override
        public void report(Location location, String message, List<String> agents, String edge, String anchor) {
            report(rule.info().severity(), location, message, agents, edge, anchor);
        }

        @Override
        public void report(Severity severity, Location location, String message, List<String> agents, String edge,
                           String anchor) {
            out.add(new Raw(rule.info().id(), severity, message, location, agents == null ? List.of() : List.copyOf(agents),
                    edge, anchor == null ? message : anchor));
        }
    }

    private record Context(HandoffGraph graph, List<ParsedSource> sources, List<UnreadableSource> unreadableSources,
                           SchemaIndex schemaIndex, String profile,
                           Function<String, Optional<ParsedSource>> byPath,
                           Function<String, Optional<ParsedSource>> byType) implements LintContext {
        // One context per run, and rules key per-run analyses on it: identity, never a hash over every
        // syntax tree (which would also force the lazily parsed sources to parse).
        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }

        @Override
        public Optional<ParsedSource> source(String relativePath) {
            return byPath.apply(relativePath);
        }

        @Override
        public List<SchemaFile> schemas() {
            return schemaIndex.all();
        }

        @Override
        public Optional<SchemaFile> schema(String reference) {
            return schemaIndex.find(reference);
        }

        @Override
        public Optional<ParsedSource> sourceOfType(String typeName) {
            return byType.apply(typeName);
        }

        @Override
        public Optional<Path> absolute(String relativePath) {
            Path p = Path.of(relativePath);
            return Optional.of(p.isAbsolute() ? p : schemaIndex.baseDir().resolve(p).normalize());
        }
    }

    /** The relevant sources, parsed on first access when their graph contribution came from the cache. */
    private static final class LazySources extends java.util.AbstractList<ParsedSource> {
        private final List<String> paths;
        private final Function<String, ParsedSource> parse;

        LazySources(List<String> paths, Function<String, ParsedSource> parse) {
            this.paths = paths;
            this.parse = parse;
        }

        @Override
        public ParsedSource get(int index) {
            return parse.apply(paths.get(index));
        }

        @Override
        public int size() {
            return paths.size();
        }
    }

    /** The newest Java the parser knows: later syntax is a superset, so valid code of any release parses. */
    static final ParserConfiguration.LanguageLevel LANGUAGE_LEVEL = ParserConfiguration.LanguageLevel.BLEEDING_EDGE;

    static JavaParser newParser() {
        // Projects compiled with a newer release (unnamed variables `catch (Exception _)`, module imports,
        // flexible constructor bodies) must not turn into parse errors.
        // Tokens are stored because node ranges (every finding's position) are computed from them; they are
        // dropped once the file is parsed (withoutTokens). Comments are not attributed to nodes: no frontend
        // or rule reads a comment (suppressions are annotations), attributing them is about a third of the
        // parse on Javadoc-rich code, and an attributed comment would print as part of its node's source.
        ParserConfiguration config = new ParserConfiguration()
                .setLanguageLevel(LANGUAGE_LEVEL)
                .setStoreTokens(true)
                .setAttributeComments(false);
        return new JavaParser(config);
    }

    /**
     * The tree without its tokens, every node keeping its range. The parser needs tokens to compute
     * ranges, but once they are computed nothing reads them (no rule prints lexically), and the token
     * list of a file (every identifier, space and comment, linked both ways) outweighs its tree: the
     * trees the rules read take less than half the memory without it. Comments are nodes too, and one
     * node still pointing into the list would keep all of it.
     */
    static CompilationUnit withoutTokens(CompilationUnit unit) {
        List<com.github.javaparser.ast.Node> all = new ArrayList<>();
        unit.walk(all::add);
        all.addAll(unit.getAllComments());
        for (com.github.javaparser.ast.Node n : all) {
            com.github.javaparser.Range range = n.getRange().orElse(null);
            n.setTokenRange(null);
            if (range != null) n.setRange(range);
        }
        return unit;
    }

    /** Where a lexical error is: JavaCC's token manager gives it only in its message. */
    private static final java.util.regex.Pattern LEXICAL_POSITION =
            java.util.regex.Pattern.compile("^Lexical error at line (\\d+), column (\\d+)\\.");

    /** The first problem the parser gives, at its position (1:1 only when the parser names none). */
    static UnreadableSource syntaxError(String rel, List<Problem> problems) {
        Problem p = problems.isEmpty() ? null : problems.get(0);
        int line = 1, col = 1;
        if (p != null && p.getLocation().isPresent()) {
            TokenRange tr = p.getLocation().get();
            if (tr.getBegin().getRange().isPresent()) {
                line = tr.getBegin().getRange().get().begin.line;
                col = tr.getBegin().getRange().get().begin.column;
            }
        } else if (p != null) {
            java.util.regex.Matcher m = LEXICAL_POSITION.matcher(p.getMessage());
            if (m.find()) {
                line = Integer.parseInt(m.group(1));
                col = Integer.parseInt(m.group(2));
            }
        }
        if (p != null && p.getLocation().isPresent() && localEnum(p.getLocation().get().getBegin())) {
            return new UnreadableSource(rel, line, col, UnreadableSource.Reason.UNSUPPORTED,
                    "a local enum declaration (valid since Java 16; JavaParser issue #3990)");
        }
        String msg = p == null ? "unknown syntax error" : concise(firstLine(p.getMessage()));
        if (problems.size() > 1) msg += " (and " + (problems.size() - 1) + " more)";
        return new UnreadableSource(rel, line, col, UnreadableSource.Reason.SYNTAX, msg);
    }

    /**
     * Whether the parser stopped at {@code enum Name {}: member and top-level enums parse, so this is an enum
     * declared in a block, valid Java the parser does not support yet. Read on its tokens.
     */
    private static boolean localEnum(com.github.javaparser.JavaToken at) {
        if (at.getKind() != com.github.javaparser.JavaToken.Kind.IDENTIFIER.getKind()) return false;
        Optional<com.github.javaparser.JavaToken> before = at.getPreviousToken(), after = at.getNextToken();
        while (before.isPresent() && before.get().getCategory().isWhitespaceOrComment()) before = before.get().getPreviousToken();
        while (after.isPresent() && after.get().getCategory().isWhitespaceOrComment()) after = after.get().getNextToken();
        // in a block the lexer hands `enum` over as an identifier token
        return before.isPresent() && (before.get().getKind() == com.github.javaparser.JavaToken.Kind.ENUM.getKind()
                || before.get().getText().equals("enum"))
                && after.isPresent() && after.get().getKind() == com.github.javaparser.JavaToken.Kind.LBRACE.getKind();
    }

    private static final java.util.regex.Pattern EXPECTED =
            java.util.regex.Pattern.compile("^(Parse error\\. Found .+?), expected (?:one of )?(.+)$");

    /** The parser's message without a list of every token it would have accepted (dozens, after an expression). */
    private static String concise(String message) {
        java.util.regex.Matcher m = EXPECTED.matcher(message);
        if (!m.find() || m.group(2).strip().split("\\s+").length <= 4) return message;
        return m.group(1) + ", which cannot stand here";
    }

    /** Reads a file in {@code charset}; one not valid in it is read as ISO-8859-1 and reported. */
    private static Loaded load(SourceSet.Input input, java.nio.charset.Charset charset) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(input.absolute());
        } catch (IOException e) {
            return new Loaded(input, null, "", new UnreadableSource(input.relative(), 1, 1,
                    UnreadableSource.Reason.UNREADABLE, String.valueOf(e.getMessage())));
        }
        String hash = Fingerprint.sha256(bytes);
        // in UTF-16 and UTF-32 text a NUL byte is half of an ordinary character
        boolean wide = charset.name().startsWith("UTF-16") || charset.name().startsWith("UTF-32");
        for (int i = 0; i < bytes.length && !wide; i++) {
            if (bytes[i] == 0) {
                return new Loaded(input, null, hash, new UnreadableSource(input.relative(), 1, 1,
                        UnreadableSource.Reason.BINARY, "a NUL byte at offset " + i));
            }
        }
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        // room for the most chars the decoder can make of each byte, so it never stops short (OVERFLOW)
        CharBuffer out = CharBuffer.allocate(Math.max(16, (int) Math.ceil(bytes.length * (double) decoder.maxCharsPerByte())));
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) r = decoder.flush(out);
        String text;
        UnreadableSource problem = null;
        if (r.isError()) {
            // Read it as Latin-1 rather than dropping the file, and say where the first invalid byte is.
            int offset = in.position();
            out.flip();
            int line = 1, col = 1;
            for (int i = 0; i < out.length(); i++) {
                if (out.charAt(i) == '\n') {
                    line++;
                    col = 1;
                } else {
                    col++;
                }
            }
            problem = new UnreadableSource(input.relative(), line, col, UnreadableSource.Reason.NOT_UTF8,
                    String.format("byte 0x%02X at offset %d", bytes[offset] & 0xFF, offset), charset.name());
            text = new String(bytes, StandardCharsets.ISO_8859_1);
        } else {
            out.flip();
            text = out.toString();
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') text = text.substring(1);
        return new Loaded(input, text, hash, problem);
    }

    private static String hashOrEmpty(Path p) {
        try {
            return Fingerprint.sha256(Files.readAllBytes(p));
        } catch (IOException e) {
            return "";
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Identifies the linter's own code, so a rebuilt linter never trusts an old cache. */
    private static String codeStamp() {
        try {
            var src = Linter.class.getProtectionDomain().getCodeSource();
            if (src == null) return "unknown";
            Path p = Path.of(src.getLocation().toURI());
            if (Files.isRegularFile(p)) return p.getFileName() + ":" + Files.size(p) + ":" + Files.getLastModifiedTime(p).toMillis();
            return p + ":" + Files.getLastModifiedTime(p.resolve("dev/baton/linter/engine/Linter.class")).toMillis();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
