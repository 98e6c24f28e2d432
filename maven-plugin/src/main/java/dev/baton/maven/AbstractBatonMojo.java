package dev.baton.maven;

import dev.baton.linter.engine.LintConfigurationException;
import dev.baton.linter.engine.LintRequest;
import dev.baton.linter.engine.LintResult;
import dev.baton.linter.engine.Linter;
import dev.baton.linter.rule.Severity;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the Baton goals share: the parameters that say what to lint and how, turned into one
 * {@link LintRequest}. Names follow the PMD, Checkstyle and SpotBugs plugins, each with a
 * {@code baton.} user property.
 */
public abstract class AbstractBatonMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true)
    protected MavenSession session;

    /** Ant-style globs, relative to a source root, of the Java files to lint. Default: every {@code .java} file. */
    @Parameter(property = "baton.includes")
    protected List<String> includes;

    /** Ant-style globs, relative to a source root, of Java files to leave out (generated code, for instance). */
    @Parameter(property = "baton.excludes")
    protected List<String> excludes;

    /** Also lint the test sources and the schema files among the test resources. */
    @Parameter(property = "baton.includeTests", defaultValue = "false")
    protected boolean includeTests;

    /**
     * Directories searched, recursively, for JSON Schema files ({@code *.json}); contracts that name a
     * schema on the classpath are resolved against them. Default: {@code src/main/resources}.
     */
    @Parameter(property = "baton.schemaDirectories")
    protected List<File> schemaDirectories;

    /**
     * The encoding the Java sources are written in, as the compiler plugin reads them: the project's
     * {@code project.build.sourceEncoding}, UTF-8 when the project declares none. A file not valid in it
     * is a {@code parse-error} warning (and read as ISO-8859-1); an unknown encoding is a configuration error.
     */
    @Parameter(property = "baton.encoding", defaultValue = "${project.build.sourceEncoding}")
    protected String encoding;

    /** Rule ids not to run, e.g. {@code schema-loose}. An unknown id is a configuration error. */
    @Parameter(property = "baton.disabledRules")
    protected List<String> disabledRules;

    /**
     * Severity per rule id, replacing the rule's default: {@code <severities><schema-loose>error</schema-loose></severities>}.
     * Values: {@code error}, {@code warning}, {@code note}.
     */
    @Parameter
    protected Map<String, String> severities;

    /** {@code default}, or {@code strict} (also reports prose handed from agent to agent). */
    @Parameter(property = "baton.profile", defaultValue = "default")
    protected String profile;

    /** The baseline file: findings recorded there by {@code baton:baseline} do not fail the build. Used when it exists. */
    @Parameter(property = "baton.baseline", defaultValue = "${project.basedir}/baton-baseline.json")
    protected File baseline;

    /** Where reports and the incremental cache go. */
    @Parameter(property = "baton.outputDirectory", defaultValue = "${project.build.directory}/baton")
    protected File outputDirectory;

    /** This plugin's descriptor: which parameters its goals take (unknown configuration elements are refused). */
    @Parameter(defaultValue = "${plugin}", readonly = true)
    protected org.apache.maven.plugin.descriptor.PluginDescriptor pluginDescriptor;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    protected org.apache.maven.plugin.MojoExecution mojoExecution;

    /** Skips Baton entirely. */
    @Parameter(property = "baton.skip", defaultValue = "false")
    protected boolean skip;

    /** The request for the linter; invalid parameters throw a {@link LintConfigurationException} that names them. */
    protected LintRequest lintRequest(boolean useBaseline) {
        if (pluginDescriptor != null && mojoExecution != null) {
            UnknownParameters.check(project, pluginDescriptor, mojoExecution.getExecutionId());
        }
        return lintRequest(List.of(project), outputDirectory.toPath().resolve("cache"), useBaseline);
    }

    /**
     * One request over the source roots and schema directories of {@code projects}, paths reported
     * relative to this project's directory: a single module, or (for {@code aggregate-check}) every
     * module of the reactor, so handoffs between modules are one graph.
     */
    protected LintRequest lintRequest(List<MavenProject> projects, Path cacheDir, boolean useBaseline) {
        Path basedir = project.getBasedir().toPath();
        LintRequest.Builder request = LintRequest.builder(basedir)
                .includes(clean(includes))
                .excludes(clean(excludes))
                .disabledRules(ruleIds("disabledRules", clean(disabledRules)))
                .severityOverrides(severityOverrides())
                .profile(profile())
                .cacheDir(cacheDir)
                .encoding(sourceEncoding(encoding))
                .progress(line -> getLog().info("Baton: " + line));
        for (MavenProject p : projects) {
            request.sourceRoots(paths(p.getCompileSourceRoots()));
            if (includeTests) request.sourceRoots(paths(p.getTestCompileSourceRoots()));
        }
        request.schemaDirs(schemaDirs(projects));
        if (useBaseline && baseline != null && baseline.isFile()) request.baseline(baseline.toPath());
        return request.build();
    }

    /**
     * The directory Maven was started in: console paths and SARIF URIs are relative to it, so that in
     * a multi-module build they stay clickable from the terminal and resolve from the repository root.
     * This project's directory when there is no session (or the project lies elsewhere).
     */
    protected Path displayDir() {
        String root = session == null ? null : session.getExecutionRootDirectory();
        Path base = project.getBasedir().toPath().toAbsolutePath().normalize();
        if (root == null || root.isBlank()) return base;
        Path dir = Path.of(root).toAbsolutePath().normalize();
        return base.startsWith(dir) ? dir : base;
    }

    /** The charset named by the {@code encoding} parameter; UTF-8 when blank. */
    static java.nio.charset.Charset sourceEncoding(String name) {
        if (name == null || name.isBlank()) return java.nio.charset.StandardCharsets.UTF_8;
        try {
            return java.nio.charset.Charset.forName(name.strip());
        } catch (IllegalArgumentException e) {
            throw new LintConfigurationException("encoding: unknown or unsupported encoding '" + name.strip()
                    + "' (project.build.sourceEncoding or baton.encoding); name one javac accepts, such as UTF-8 or windows-1252");
        }
    }

    /** Runs the linter, turning a configuration error into a build error that names the parameter. */
    protected LintResult lint(LintRequest request) throws MojoExecutionException {
        try {
            return Linter.run(request);
        } catch (LintConfigurationException e) {
            throw configurationError(e);
        }
    }

    protected static MojoExecutionException configurationError(LintConfigurationException e) {
        return new MojoExecutionException("Invalid Baton configuration: " + e.getMessage(), e);
    }

    /** {@code file} relative to the directory Maven was started in, for messages. */
    protected String display(Path file) {
        Path base = displayDir();
        Path abs = file.toAbsolutePath();
        return abs.startsWith(base) ? base.relativize(abs).toString() : abs.toString();
    }

    private String profile() {
        String p = profile == null || profile.isBlank() ? LintRequest.DEFAULT_PROFILE : profile.strip();
        if (!p.equals(LintRequest.DEFAULT_PROFILE) && !p.equals(LintRequest.STRICT_PROFILE)) {
            throw new LintConfigurationException("Invalid value for parameter 'profile' (property baton.profile): '"
                    + profile + "'; expected " + LintRequest.DEFAULT_PROFILE + " or " + LintRequest.STRICT_PROFILE);
        }
        return p;
    }

    private List<Path> schemaDirs(List<MavenProject> projects) {
        List<Path> dirs = new ArrayList<>();
        List<File> configured = schemaDirectories == null ? List.of() : schemaDirectories.stream()
                .filter(f -> f != null && !f.getPath().isBlank()).toList();
        // A configured directory must exist (the linter says so, naming it); the defaults are searched when present.
        if (configured.isEmpty()) {
            for (MavenProject p : projects) {
                Path resources = p.getBasedir().toPath().resolve("src/main/resources");
                if (java.nio.file.Files.exists(resources)) dirs.add(resources);
            }
        } else {
            configured.forEach(f -> dirs.add(f.toPath()));
        }
        if (includeTests) {
            for (MavenProject p : projects) {
                for (Resource r : p.getTestResources()) {
                    if (java.nio.file.Files.exists(Path.of(r.getDirectory()))) dirs.add(Path.of(r.getDirectory()));
                }
            }
        }
        return dirs;
    }

    private Map<String, Severity> severityOverrides() {
        Map<String, Severity> out = new LinkedHashMap<>();
        if (severities == null) return out;
        ruleIds("severities", severities.keySet());
        for (Map.Entry<String, String> e : severities.entrySet()) {
            String v = e.getValue() == null ? "" : e.getValue().strip().toLowerCase(Locale.ROOT);
            Severity s = switch (v) {
                case "error" -> Severity.ERROR;
                case "warning" -> Severity.WARNING;
                case "note" -> Severity.NOTE;
                default -> throw new LintConfigurationException("Invalid value for parameter 'severities' at <"
                        + e.getKey() + ">: '" + e.getValue() + "'; expected error, warning or note");
            };
            out.put(e.getKey().strip(), s);
        }
        return out;
    }

    /** Checks ids against the rule catalogue so that the error names this plugin's parameter. */
    private static Set<String> ruleIds(String parameter, java.util.Collection<String> ids) {
        Set<String> known = RuleIds.known();
        Set<String> out = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String id : ids) {
            String clean = id.strip();
            if (!known.contains(clean)) unknown.add(clean);
            out.add(clean);
        }
        if (!unknown.isEmpty()) {
            throw new LintConfigurationException("Unknown rule id" + (unknown.size() > 1 ? "s " : " ") + unknown
                    + " in parameter '" + parameter + "'; known rule ids are " + known);
        }
        return out;
    }

    private static List<String> clean(List<String> values) {
        List<String> out = new ArrayList<>();
        if (values == null) return out;
        for (String v : values) {
            if (v == null) continue;
            for (String part : v.split(",")) if (!part.isBlank()) out.add(part.strip());
        }
        return out;
    }

    private static List<Path> paths(List<String> roots) {
        return roots == null ? List.of() : roots.stream().map(Path::of).toList();
    }
}
