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
 * description, help and default level, every result with {@code ruleIndex}, {@code message.text}
 * and {@code partialFingerprints}; unreadable inputs become {@code toolExecutionNotifications}.
 */
public final class SarifReport {
    /** The key under which Baton's content fingerprint goes in {@code partialFingerprints}. */
    public static final String FINGERPRINT_KEY = "batonFingerprint/v1";
    private static final String SRCROOT = "%SRCROOT%";
    private static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private SarifReport() {
    }

    /** The SARIF log for {@code result}, describing every rule of {@link RuleCatalog}. */
    public static String render(LintResult result, Path baseDir) {
        return render(result, baseDir, RuleCatalog.all().stream().map(r -> r.info()).toList());
    }

    /** The SARIF log for {@code result}, describing {@code rules} (findings of other rules are left out). */
    public static String render(LintResult result, Path baseDir, List<RuleInfo> rules) {
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
            r.putObject("fullDescription").put("text", info.description());
            ObjectNode help = r.putObject("help");
            help.put("text", info.fix());
            help.put("markdown", "**" + info.summary() + "**\n\n" + info.description() + "\n\n**Fix:** " + info.fix()
                    + "\n\nSuppress one finding with `@SuppressWarnings(\"baton:" + info.id() + "\")`.");
            r.putObject("defaultConfiguration").put("level", level(info.severity()));
            ObjectNode props = r.putObject("properties");
            ArrayNode tags = props.putArray("tags");
            tags.add("baton");
            tags.add(info.principle().title());
            props.put("precision", "high");
        }

        ObjectNode base = run.putObject("originalUriBaseIds").putObject(SRCROOT);
        base.put("uri", baseDir.toAbsolutePath().normalize().toUri().toString());
        base.putObject("description").put("text", "The root of the scanned project.");

        ArrayNode results = run.putArray("results");
        for (Finding f : result.findings()) {
            Integer i = index.get(f.ruleId());
            if (i == null) continue;
            ObjectNode r = results.addObject();
            r.put("ruleId", f.ruleId());
            r.put("ruleIndex", i);
            r.put("level", level(f.severity()));
            r.putObject("message").put("text", f.message());
            r.putArray("locations").add(location(f.location()));
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
                if (!p.file().isEmpty()) n.putArray("locations").add(location(new Location(p.file(), p.line(), p.column())));
            }
        }
        run.put("columnKind", "utf16CodeUnits");
        return JSON.writeValueAsString(log);
    }

    /** Writes the SARIF log to {@code output}, creating parent directories. */
    public static void write(LintResult result, Path baseDir, Path output) {
        try {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(output, render(result, baseDir), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write SARIF report " + output + ": " + e.getMessage(), e);
        }
    }

    private static ObjectNode location(Location loc) {
        ObjectNode l = JSON.createObjectNode();
        ObjectNode physical = l.putObject("physicalLocation");
        ObjectNode artifact = physical.putObject("artifactLocation");
        artifact.put("uri", uri(loc.file()));
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
