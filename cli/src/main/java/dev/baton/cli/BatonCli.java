package dev.baton.cli;

import dev.baton.linter.engine.LintConfigurationException;
import dev.baton.linter.engine.LintRequest;
import dev.baton.linter.engine.LintResult;
import dev.baton.linter.engine.Linter;
import dev.baton.linter.engine.ProjectLayout;
import dev.baton.linter.report.ConsoleReport;
import dev.baton.linter.report.HtmlReport;
import dev.baton.linter.report.SarifReport;
import dev.baton.linter.rule.Finding;
import dev.baton.linter.rule.Severity;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code baton check [options] DIR...}: the linter for Gradle and any other build.
 *
 * <p>Exit codes: {@value #OK} no finding at or above {@code --fail-on}; {@value #FINDINGS} findings at
 * or above it ({@link LintResult#failuresAt}: a Java file that does not parse is a {@code parse-error}
 * error; input problems count as warnings); {@value #USAGE} a usage or configuration error;
 * {@value #NOTHING} nothing to analyse (no Java source or resource root under any DIR).
 */
public final class BatonCli {
    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int USAGE = 2;
    public static final int NOTHING = 3;

    static final String USAGE_TEXT = """
            usage: baton check [options] DIR...

            Lints the agent code under each DIR: every src/main/java is a source root and every
            src/main/resources a schema directory (Maven and Gradle layouts, multi-module included).
            Paths are printed relative to DIR (relative to the working directory for several DIRs).

            options:
              --profile default|strict   strict also reports prose handed from agent to agent
              --fail-on error|warning|note|none
                                         least severe finding that makes the exit code 1 (default error)
              --format text|sarif|html|json
                                         report format; repeat for several (default text)
              --output FILE              where the report goes (one non-text format; default stdout)
              --disable ID[,ID...]       rule ids not to run
              --severity ID=LEVEL        a rule's severity (error, warning or note); repeatable
              --baseline FILE            findings recorded in this baseline do not fail
              --schema-dir DIR           also search DIR for JSON Schema files; repeatable; must exist
              --help-uri-base URL        where rule pages live, for SARIF helpUri and HTML links
                                         (default: the project's docs/rules/ on its repository)
              --include-tests            also lint src/test/java and src/test/resources
              --encoding CHARSET         the encoding the Java sources are written in, as javac's
                                         -encoding (default UTF-8)
              -q, --quiet                print only the summary line on the console (and no progress
                                         lines, which a scan longer than a few seconds writes to stderr)
              -h, --help                 this text

            exit codes: 0 clean, 1 findings at or above --fail-on (a file that does not parse is an
                        error [parse-error]; input problems count as warnings), 2 usage or
                        configuration error, 3 nothing to analyse
            """;

    private BatonCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns its exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (UsageException e) {
            err.println("baton: " + e.getMessage());
            err.println("run 'baton --help' for usage");
            return USAGE;
        }
        if (options.help) {
            out.print(USAGE_TEXT);
            return OK;
        }
        Path cwd = Path.of("").toAbsolutePath();
        Path base = options.dirs.size() == 1 ? options.dirs.get(0).toAbsolutePath().normalize() : cwd;
        List<Path> sources = new ArrayList<>();
        List<Path> resources = new ArrayList<>();
        for (Path dir : options.dirs) {
            if (!Files.isDirectory(dir)) {
                err.println("baton: " + dir + ": no such directory");
                return USAGE;
            }
            ProjectLayout layout = ProjectLayout.discover(dir, options.includeTests);
            sources.addAll(layout.sourceRoots());
            resources.addAll(layout.resourceRoots());
        }
        // named on the command line: the linter refuses one that does not exist (a configuration error)
        for (Path d : options.schemaDirs) resources.add(d.toAbsolutePath().normalize());
        if (sources.isEmpty() && resources.isEmpty()) {
            err.println("baton: nothing to analyse: no src/main/java or src/main/resources under " + options.dirs);
            return NOTHING;
        }
        LintRequest.Builder request = LintRequest.builder(base).sourceRoots(sources).schemaDirs(resources)
                .profile(options.profile).disabledRules(options.disabled).severityOverrides(options.severities)
                .encoding(options.encoding);
        if (!options.quiet) request.progress(line -> err.println("baton: " + line));
        if (options.baseline != null && Files.exists(options.baseline)) request.baseline(options.baseline.toAbsolutePath());
        LintResult result;
        try {
            result = Linter.run(request.build());
        } catch (LintConfigurationException e) {
            err.println("baton: " + e.getMessage());
            return USAGE;
        }
        try {
            for (String format : options.formats) {
                switch (format) {
                    case "text" -> {
                        if (options.quiet) out.println(ConsoleReport.summary(result));
                        else out.print(ConsoleReport.render(result));
                    }
                    case "sarif" -> emit(options, SarifReport.render(result, options.helpUriBase == null
                            ? SarifReport.Settings.of(base) : SarifReport.Settings.of(base).withHelpUriBase(options.helpUriBase)), out);
                    case "html" -> emit(options, HtmlReport.render(result, options.helpUriBase == null
                            ? SarifReport.DEFAULT_HELP_URI_BASE : options.helpUriBase), out);
                    case "json" -> emit(options, json(result), out);
                    default -> throw new IllegalStateException(format);
                }
            }
            if (!options.formats.contains("text")) err.println(ConsoleReport.summary(result));
        } catch (UncheckedIOException e) {
            err.println("baton: cannot write " + options.output + ": " + e.getCause().getMessage());
            return USAGE;
        }
        return result.failuresAt(options.failOn) > 0 ? FINDINGS : OK;
    }

    private static void emit(Options options, String text, PrintStream out) {
        if (options.output == null) {
            out.print(text);
            return;
        }
        try {
            Path parent = options.output.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(options.output, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Findings as a JSON array of objects: rule, severity, file, line, column, message, agents, fingerprint. */
    static String json(LintResult result) {
        JsonMapper mapper = JsonMapper.builder().build();
        ArrayNode findings = mapper.createArrayNode();
        for (Finding f : result.findings()) {
            ObjectNode o = findings.addObject();
            o.put("rule", f.ruleId());
            o.put("severity", f.severity().label());
            o.put("file", f.location().file());
            o.put("line", f.location().line());
            o.put("column", f.location().column());
            o.put("message", f.message());
            ArrayNode agents = o.putArray("agents");
            f.agents().forEach(agents::add);
            o.put("fingerprint", f.fingerprint());
        }
        ObjectNode root = mapper.createObjectNode();
        root.set("findings", findings);
        root.put("suppressed", result.suppressed());
        root.put("inputProblems", result.problems().size());
        // JSON files of the resource directories that Baton did not check because they are not JSON Schemas
        ObjectNode skipped = root.putObject("notSchemas");
        new java.util.TreeMap<>(result.stats().notSchemas()).forEach(skipped::put);
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + System.lineSeparator();
    }

    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    /** Parsed command line. */
    static final class Options {
        final List<Path> dirs = new ArrayList<>();
        final Set<String> formats = new LinkedHashSet<>();
        final Set<String> disabled = new LinkedHashSet<>();
        final Map<String, Severity> severities = new LinkedHashMap<>();
        final List<Path> schemaDirs = new ArrayList<>();
        String helpUriBase;
        String profile = LintRequest.DEFAULT_PROFILE;
        Severity failOn = Severity.ERROR;
        Path output;
        Path baseline;
        java.nio.charset.Charset encoding = StandardCharsets.UTF_8;
        boolean includeTests;
        boolean quiet;
        boolean help;

        static Options parse(String[] args) throws UsageException {
            Options o = new Options();
            if (args.length > 0 && (args[0].equals("-h") || args[0].equals("--help") || args[0].equals("help"))) {
                o.help = true;
                return o;
            }
            if (args.length == 0 || !args[0].equals("check")) {
                throw new UsageException(args.length == 0 ? "no command given; the command is 'check'"
                        : "unknown command '" + args[0] + "'; the command is 'check'");
            }
            for (int i = 1; i < args.length; i++) {
                String a = args[i];
                String value = null;
                int eq = a.indexOf('=');
                if (a.startsWith("--") && eq > 0) {
                    value = a.substring(eq + 1);
                    a = a.substring(0, eq);
                }
                switch (a) {
                    case "-h", "--help" -> o.help = true;
                    case "-q", "--quiet" -> o.quiet = true;
                    case "--include-tests" -> o.includeTests = true;
                    case "--profile" -> {
                        o.profile = value != null ? value : next(args, ++i, a);
                        if (!o.profile.equals(LintRequest.DEFAULT_PROFILE) && !o.profile.equals(LintRequest.STRICT_PROFILE)) {
                            throw new UsageException("--profile: unknown profile '" + o.profile + "'; expected default or strict");
                        }
                    }
                    case "--fail-on" -> {
                        String v = value != null ? value : next(args, ++i, a);
                        o.failOn = v.equalsIgnoreCase("none") ? null : severity("--fail-on", v);
                    }
                    case "--format" -> {
                        String v = value != null ? value : next(args, ++i, a);
                        for (String f : v.split(",")) {
                            String format = f.strip().toLowerCase(Locale.ROOT);
                            if (!Set.of("text", "sarif", "html", "json").contains(format)) {
                                throw new UsageException("--format: unknown format '" + f + "'; expected text, sarif, html or json");
                            }
                            o.formats.add(format);
                        }
                    }
                    case "--encoding" -> {
                        String v = (value != null ? value : next(args, ++i, a)).strip();
                        try {
                            o.encoding = java.nio.charset.Charset.forName(v);
                        } catch (IllegalArgumentException e) {
                            throw new UsageException("--encoding: unknown or unsupported encoding '" + v + "' (UTF-8, ISO-8859-1, "
                                    + "windows-1252, ...)");
                        }
                    }
                    case "--output", "-o" -> o.output = Path.of(value != null ? value : next(args, ++i, a));
                    case "--baseline" -> o.baseline = Path.of(value != null ? value : next(args, ++i, a));
                    case "--schema-dir" -> o.schemaDirs.add(Path.of(value != null ? value : next(args, ++i, a)));
                    case "--help-uri-base" -> {
                        String url = (value != null ? value : next(args, ++i, a)).strip();
                        if (url.isEmpty()) throw new UsageException("--help-uri-base: give the URL under which <rule-id>.md pages live");
                        o.helpUriBase = url;
                    }
                    case "--disable" -> {
                        for (String id : (value != null ? value : next(args, ++i, a)).split(",")) {
                            if (!id.isBlank()) o.disabled.add(id.strip());
                        }
                    }
                    case "--severity" -> {
                        String v = value != null ? value : next(args, ++i, a);
                        int at = v.indexOf('=');
                        if (at <= 0) throw new UsageException("--severity: expected ID=LEVEL, got '" + v + "'");
                        o.severities.put(v.substring(0, at).strip(), severity("--severity " + v.substring(0, at), v.substring(at + 1)));
                    }
                    default -> {
                        if (a.startsWith("-")) throw new UsageException("unknown option '" + a + "'");
                        o.dirs.add(Path.of(a));
                    }
                }
            }
            if (o.help) return o;
            if (o.dirs.isEmpty()) throw new UsageException("no directory given: baton check [options] DIR...");
            if (o.formats.isEmpty()) o.formats.add("text");
            long fileFormats = o.formats.stream().filter(f -> !f.equals("text")).count();
            if (o.output != null && fileFormats != 1) {
                throw new UsageException("--output takes exactly one of the sarif, html or json formats");
            }
            return o;
        }

        private static String next(String[] args, int i, String option) throws UsageException {
            if (i >= args.length) throw new UsageException(option + " needs a value");
            return args[i];
        }

        private static Severity severity(String option, String value) throws UsageException {
            try {
                return Severity.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UsageException(option + ": unknown severity '" + value + "'; expected error, warning or note");
            }
        }
    }
}
