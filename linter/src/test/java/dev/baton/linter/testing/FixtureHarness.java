package dev.baton.linter.testing;

import dev.baton.linter.engine.InputProblem;
import dev.baton.linter.engine.LintRequest;
import dev.baton.linter.engine.LintResult;
import dev.baton.linter.engine.Linter;
import dev.baton.linter.rule.Finding;
import dev.baton.linter.rule.Rule;
import dev.baton.linter.rule.Severity;
import dev.baton.linter.rules.RuleCatalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Lints a fixture directory and compares the findings with the expectations written beside the
 * lines they concern, exactly: a missing finding and an extra finding fail alike.
 *
 * <p>In Java files: {@code // BATON: <rule-id>} on the line that should fire, optionally with the
 * severity, {@code // BATON: untyped-handoff (warning)}, several separated by commas. A file
 * without markers expects no finding. Files that cannot carry comments (JSON schemas) list their
 * expectations in an {@code EXPECTED} file in the fixture directory, one per line:
 * {@code schemas/notes.schema.json:3: schema-loose (warning)}; {@code #} starts a comment.
 *
 * <p>The fixture directory is the project: its {@code .java} files are the sources, its
 * {@code .json} files the schemas.
 */
public final class FixtureHarness {
    private static final Pattern MARKER = Pattern.compile("//\\s*BATON:\\s*(.+)$");
    private static final Pattern EXPECTATION = Pattern.compile("([a-z0-9-]+)(?:\\s*\\((error|warning|note)\\))?");
    private static final Pattern SIDECAR = Pattern.compile("^(\\S+?):(\\d+):\\s*(.+)$");

    /** How to lint a fixture. */
    public record Options(String profile, Set<String> rules) {
        /** Every rule of the catalogue, the default profile. */
        public static Options defaults() {
            return new Options(LintRequest.DEFAULT_PROFILE, Set.of());
        }

        public Options profile(String value) {
            return new Options(value, rules);
        }

        /** Compare only the findings of these rules (the others are not run). */
        public Options onlyRules(String... ids) {
            return new Options(profile, Set.of(ids));
        }
    }

    /** One expected or actual finding, as the comparison sees it. */
    public record Expectation(String file, int line, String ruleId, Severity severity) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + ruleId + (severity == null ? "" : " (" + severity.label() + ")");
        }
    }

    private FixtureHarness() {
    }

    /** {@code src/test/resources/fixtures/<relative>} of the module under test. */
    public static Path fixture(String relative) {
        Path p = Path.of("src", "test", "resources", "fixtures").resolve(relative);
        if (!Files.isDirectory(p)) fail("no fixture directory " + p.toAbsolutePath());
        return p;
    }

    public static LintResult assertFindings(Path fixtureDir) {
        return assertFindings(fixtureDir, Options.defaults());
    }

    /** Lints {@code fixtureDir} and fails unless its findings are exactly the markers; returns the result. */
    public static LintResult assertFindings(Path fixtureDir, Options options) {
        LintResult result = lint(fixtureDir, options);
        List<Expectation> expected = expectations(fixtureDir);
        List<Finding> unmatched = new ArrayList<>(result.findings());
        List<Expectation> missing = new ArrayList<>();
        for (Expectation e : expected) {
            Finding hit = null;
            for (Finding f : unmatched) {
                if (f.ruleId().equals(e.ruleId()) && f.location().file().equals(e.file())
                        && Math.max(1, f.location().line()) == e.line() && (e.severity() == null || e.severity() == f.severity())) {
                    hit = f;
                    break;
                }
            }
            if (hit == null) missing.add(e);
            else unmatched.remove(hit);
        }
        StringBuilder report = new StringBuilder();
        for (InputProblem p : result.problems()) {
            report.append("  input problem: ").append(p.file()).append(':').append(p.line()).append(": ").append(p.message()).append('\n');
        }
        for (Expectation e : missing) report.append("  missing:    ").append(e).append('\n');
        for (Finding f : unmatched) {
            report.append("  unexpected: ").append(f.location().file()).append(':').append(Math.max(1, f.location().line()))
                    .append(": ").append(f.ruleId()).append(" (").append(f.severity().label()).append(") ").append(f.message()).append('\n');
        }
        if (!report.isEmpty()) fail("findings of fixture " + fixtureDir + " differ from its markers:\n" + report);
        return result;
    }

    /** Lints a fixture directory as a project of its own. */
    public static LintResult lint(Path fixtureDir, Options options) {
        List<Rule> rules = RuleCatalog.all().stream()
                .filter(r -> options.rules().isEmpty() || options.rules().contains(r.info().id())).toList();
        if (!options.rules().isEmpty() && rules.size() != options.rules().size()) {
            fail("unknown rule id in " + options.rules());
        }
        Path dir = fixtureDir.toAbsolutePath();
        LintRequest request = LintRequest.builder(dir).sourceRoot(dir).schemaDir(dir)
                .profile(options.profile()).build();
        return new Linter(rules, RuleCatalog.frontends()).lint(request);
    }

    /** Every marker in the fixture's Java files and its {@code EXPECTED} file. */
    public static List<Expectation> expectations(Path fixtureDir) {
        List<Expectation> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(fixtureDir)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String rel = fixtureDir.relativize(file).toString().replace('\\', '/');
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = MARKER.matcher(lines.get(i));
                    if (m.find()) out.addAll(parse(rel, i + 1, m.group(1), file));
                }
            }
            Path sidecar = fixtureDir.resolve("EXPECTED");
            if (Files.isRegularFile(sidecar)) {
                for (String line : Files.readAllLines(sidecar, StandardCharsets.UTF_8)) {
                    String l = line.strip();
                    if (l.isEmpty() || l.startsWith("#")) continue;
                    Matcher m = SIDECAR.matcher(l);
                    if (!m.matches()) fail(sidecar + ": cannot read expectation '" + l + "' (want file:line: rule-id (severity))");
                    out.addAll(parse(m.group(1), Integer.parseInt(m.group(2)), m.group(3), sidecar));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static List<Expectation> parse(String file, int line, String spec, Path source) {
        List<Expectation> out = new ArrayList<>();
        for (String part : spec.split(",")) {
            Matcher m = EXPECTATION.matcher(part.strip());
            if (!m.matches()) fail(source + ":" + line + ": cannot read marker '" + part.strip() + "'");
            Severity sev = m.group(2) == null ? null : Severity.valueOf(m.group(2).toUpperCase(Locale.ROOT));
            out.add(new Expectation(file, line, m.group(1), sev));
        }
        return out;
    }
}
