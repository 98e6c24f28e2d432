package dev.baton.linter.report;

import dev.baton.linter.engine.InputProblem;
import dev.baton.linter.engine.LintResult;
import dev.baton.linter.graph.Location;
import dev.baton.linter.rule.Finding;
import dev.baton.linter.rule.RuleInfo;
import dev.baton.linter.rule.Severity;
import dev.baton.linter.rules.RuleCatalog;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SARIF 2.1.0 that GitHub code scanning ingests as is: artifact URIs relative to
 * {@code %SRCROOT%} (declared in {@code originalUriBaseIds}), every rule with short and full
 * description, help, {@code helpUri} and default level, every result with {@code ruleIndex},
 * {@code message.text} and {@code partialFingerprints}; unreadable inputs become
 * {@code toolExecutionNotifications}. Each run carries an {@code automationDetails.id}, so the SARIF
 * files of several modules of one build upload into distinct code scanning categories.
 */
public final class SarifReport {
    /**
     * Where rule pages are published by default: {@code docs/rules/<id>.md} in Baton's repository.
     * The project has no public URL of record yet; the plugin ({@code helpUriBase}) and the command
     * line ({@code --help-uri-base}) override it.
     */
    public static final String DEFAULT_HELP_URI_BASE = "https://github.com/baton-dev/baton/blob/main/docs/rules/";
    /** The automation id of a run with no module name: category {@code baton}. */
    public static final String DEFAULT_AUTOMATION_ID = "baton/";
    /** The key under which Baton's content fingerprint goes in {@code partialFingerprints}. */
    public static final String FINGERPRINT_KEY = "batonFingerprint/v1";
    private static final String SRCROOT = "%SRCROOT%";
    private static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private SarifReport() {
    }

    /**
     * How a run is described.
     *
     * @param projectDir   the directory the result's paths are relative to (the request's base directory)
     * @param srcRoot      what {@code %SRCROOT%} stands for, normally the repository root or the directory the
     *                     build was started in; URIs are relative to it. A project outside it falls back to
     *                     {@code projectDir}
     * @param automationId {@code automationDetails.id}: {@code category/} with a trailing slash, one category
     *                     per module, since code scanning keeps one analysis per tool and category
     * @param helpUriBase  prefix of each rule's {@code helpUri}; the rule id and {@code .md} are appended
     */
    public record Settings(Path projectDir, Path srcRoot, String automationId, String helpUriBase) {
        public Settings {
            projectDir = projectDir.toAbsolutePath().normalize();
            srcRoot = srcRoot == null ? projectDir : srcRoot.toAbsolutePath().normalize();
            if (!projectDir.startsWith(srcRoot)) srcRoot = projectDir;
            automationId = automationId == null || automationId.isBlank() ? DEFAULT_AUTOMATION_ID : automationId.strip();
            helpUriBase = helpUriBase == null || helpUriBase.isBlank() ? DEFAULT_HELP_URI_BASE : helpUriBase.strip();
        }

        /** {@code %SRCROOT%} is the project directory, the default category and help pages. */
        public static Settings of(Path projectDir) {
            return new Settings(projectDir, null, null, null);
        }

        public Settings withSrcRoot(Path root) {
            return new Settings(projectDir, root, automationId, helpUriBase);
        }

        /** {@code category} with a trailing slash added when missing: the whole id is the category. */
        public Settings withCategory(String category) {
            String c = category == null ? "" : category.strip();
            return new Settings(projectDir, srcRoot, c.isEmpty() ? null : c.endsWith("/") ? c : c + "/", helpUriBase);
        }

        public Settings withHelpUriBase(String base) {
            return new Settings(projectDir, srcRoot, automationId, base);
        }

        /** The page of rule {@code id}. */
        public String helpUri(String id) {
            return SarifReport.helpUri(helpUriBase, id);
        }

        /** A result path (relative to {@link #projectDir}) relative to {@link #srcRoot}, {@code /}-separated. */
        String relative(String file) {
            if (file.isEmpty() || srcRoot.equals(projectDir)) return file;
            Path abs = projectDir.resolve(file).normalize();
            return abs.startsWith(srcRoot) ? srcRoot.relativize(abs).toString().replace('\\', '/') : file;
        }
    }

    /** {@code base} + {@code id} + {@code .md}, with a {@code /} between them when {@code base} lacks one. */
    public static String helpUri(String base, String id) {
        String b = base == null || base.isBlank() ? DEFAULT_HELP_URI_BASE : base.strip();
        return b + (b.endsWith("/") ? "" : "/") + id + ".md";
    }

    /** The SARIF log for {@code result}, describing every rule of {@link RuleCatalog}. */
    public static String render(LintResult result, Path baseDir) {
        return render(result, Settings.of(baseDir));
    }

    /** The SARIF log for {@code result}, described as {@code settings} say, with every rule of {@link RuleCatalog}. */
    public static String render(LintResult result, Settings settings) {
        return render(result, settings, RuleCatalog.all().stream().map(r -> r.info()).toList());
    }

    /** The SARIF log for {@code result}, describing {@code rules} (findings of other rules are left out). */
    public static String render(LintResult result, Path baseDir, List<RuleInfo> rules) {
        return render(result, Settings.of(baseDir), rules);
    }

    /** The SARIF log for {@code result}, describing {@code rules} (findings of other rules are left out). */
    public static String render(LintResult result, Settings settings, List<RuleInfo> rules) {
        ObjectNode log = JSON.createObjectNode();
        log.put("$schema", SCHEMA);
        log.put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "Baton");
        driver.put("fullName", "Baton handoff contract linter");
        driver.put("version", version());
        driver.put("semanticVersion", version());
        ArrayNode ruleArray = driver.putArray("rules");
        Map<String, Integer> index = new HashMap<>();
        for (RuleInfo info : rules) {
            index.put(info.id(), ruleArray.size());
            ObjectNode r = ruleArray.addObject();
            r.put("id", info.id());
            r.put("name", pascalCase(info.id()));
            r.putObject("shortDescription").put("text", info.summary());
            r.put("helpUri", settings.helpUri(info.id()));
            r.putObject("fullDescription").put("text", info.description());
            ObjectNode help = r.putObject("help");
            help.put("text", info.fix());
            help.put("markdown", "**" + info.summary() + "**\n\n" + info.description() + "\n\n**Fix:** " + info.fix()
                    + "\n\nSuppress one finding with `@SuppressWarnings(\"baton:" + info.id() + "\")`."
                    + "\n\n[Rule page](" + settings.helpUri(info.id()) + ")");
            r.putObject("defaultConfiguration").put("level", level(info.severity()));
            ObjectNode props = r.putObject("properties");
            ArrayNode tags = props.putArray("tags");
            tags.add("baton");
            tags.add(info.principle().title());
            props.put("precision", "high");
        }

        run.putObject("automationDetails").put("id", settings.automationId());
        ObjectNode base = run.putObject("originalUriBaseIds").putObject(SRCROOT);
        base.put("uri", settings.srcRoot().toUri().toString());
        base.putObject("description").put("text", settings.srcRoot().equals(settings.projectDir())
                ? "The root of the scanned project." : "The directory the build was started in.");

        ArrayNode results = run.putArray("results");
        for (Finding f : result.findings()) {
            Integer i = index.get(f.ruleId());
            if (i == null) continue;
            ObjectNode r = results.addObject();
            r.put("ruleId", f.ruleId());
            r.put("ruleIndex", i);
            r.put("level", level(f.severity()));
            r.putObject("message").put("text", f.message());
            r.putArray("locations").add(location(settings, f.location()));
            r.putObject("partialFingerprints").put(FINGERPRINT_KEY, f.fingerprint());
            if (!f.agents().isEmpty() || f.edge() != null) {
                ObjectNode props = r.putObject("properties");
                if (!f.agents().isEmpty()) {
                    ArrayNode agents = props.putArray("agents");
                    f.agents().forEach(agents::add);
                }
                if (f.edge() != null) props.put("edge", f.edge());
            }
        }

        ObjectNode invocation = run.putArray("invocations").addObject();
        invocation.put("executionSuccessful", true);
        if (!result.problems().isEmpty()) {
            ArrayNode notes = invocation.putArray("toolExecutionNotifications");
            for (InputProblem p : result.problems()) {
                ObjectNode n = notes.addObject();
                n.put("level", "error");
                n.putObject("message").put("text", p.message());
                if (!p.file().isEmpty()) {
                    n.putArray("locations").add(location(settings, new Location(p.file(), p.line(), p.column())));
                }
            }
        }
        run.put("columnKind", "utf16CodeUnits");
        return JSON.writeValueAsString(log);
    }

    /** Writes the SARIF log to {@code output}, creating parent directories. */
    public static void write(LintResult result, Path baseDir, Path output) {
        write(result, Settings.of(baseDir), output);
    }

    /** Writes the SARIF log, described as {@code settings} say, to {@code output}, creating parent directories. */
    public static void write(LintResult result, Settings settings, Path output) {
        try {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(output, render(result, settings), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write SARIF report " + output + ": " + e.getMessage(), e);
        }
    }

    private static ObjectNode location(Settings settings, Location loc) {
        ObjectNode l = JSON.createObjectNode();
        ObjectNode physical = l.putObject("physicalLocation");
        ObjectNode artifact = physical.putObject("artifactLocation");
        artifact.put("uri", uri(settings.relative(loc.file())));
        artifact.put("uriBaseId", SRCROOT);
        ObjectNode region = physical.putObject("region");
        region.put("startLine", Math.max(1, loc.line()));
        region.put("startColumn", Math.max(1, loc.column()));
        return l;
    }

    /** A relative URI reference: path segments percent-encoded where needed, {@code /} kept. */
    private static String uri(String relative) {
        StringBuilder sb = new StringBuilder();
        for (byte b : relative.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/".indexOf(c) >= 0) {
                sb.append(c);
            } else {
                sb.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return sb.toString();
    }

    static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTE -> "note";
        };
    }

    static String pascalCase(String id) {
        StringBuilder sb = new StringBuilder();
        for (String part : id.split("-")) {
            if (part.isEmpty()) continue;
            sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return sb.toString();
    }

    private static String version() {
        String v = SarifReport.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0" : v;
    }
}
