package dev.baton.maven;

import dev.baton.linter.engine.InputProblem;
import dev.baton.linter.engine.LintConfigurationException;
import dev.baton.linter.engine.LintRequest;
import dev.baton.linter.engine.LintResult;
import dev.baton.linter.report.ConsoleReport;
import dev.baton.linter.report.HtmlReport;
import dev.baton.linter.report.SarifReport;
import dev.baton.linter.rule.Finding;
import dev.baton.linter.rule.Severity;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Lints the project's agent code and JSON Schema files and fails the build on contract gaps at or
 * above {@code failOn}. Prints every finding as {@code path:line:col: severity [rule-id] message},
 * then a summary, and writes SARIF 2.1.0 and an HTML report under {@code target/baton/}.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractBatonMojo {

    /** The least severe finding that fails the build: {@code error}, {@code warning}, {@code note} or {@code none}. */
    @Parameter(property = "baton.failOn", defaultValue = "error")
    protected String failOn;

    /** Report files to write besides the console: a comma-separated list of {@code sarif}, {@code html}, or {@code none}. */
    @Parameter(property = "baton.formats", defaultValue = "sarif,html")
    protected List<String> formats;

    /** The SARIF 2.1.0 file, ready for GitHub code scanning. */
    @Parameter(property = "baton.sarifFile", defaultValue = "${project.build.directory}/baton/baton.sarif")
    protected File sarifFile;

    /** The HTML report with the picture of the agent graph. */
    @Parameter(property = "baton.htmlFile", defaultValue = "${project.build.directory}/baton/baton.html")
    protected File htmlFile;

    /**
     * Also print each finding as a GitHub Actions annotation, so pull requests show it on its line.
     * On by default when the build runs in GitHub Actions.
     */
    @Parameter(property = "baton.githubAnnotations", defaultValue = "${env.GITHUB_ACTIONS}")
    protected String githubAnnotations;

    /**
     * The code scanning category of this module's SARIF run ({@code automationDetails.id} is this plus
     * {@code /}). Code scanning keeps one analysis per tool and category, so each module needs its own.
     * Default: {@code baton/<artifactId>}.
     */
    @Parameter(property = "baton.sarifCategory")
    protected String sarifCategory;

    /**
     * Where the rule pages are: each rule's SARIF {@code helpUri} and its link in the HTML report is
     * this plus {@code <rule-id>.md}. Default: {@code docs/rules/} in Baton's repository.
     */
    @Parameter(property = "baton.helpUriBase")
    protected String helpUriBase;

    /** The repository root in GitHub Actions; annotation paths are relative to it. */
    @Parameter(defaultValue = "${env.GITHUB_WORKSPACE}", readonly = true)
    protected String githubWorkspace;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Baton is skipped (baton.skip).");
            return;
        }
        for (org.apache.maven.project.MavenProject p : testedProjects()) {
            SurefireCheck.warning(p.getArtifactId(), p.getDependencies(), p.getBuildPlugins()).ifPresent(getLog()::warn);
        }
        FailThreshold threshold;
        Set<ReportFormat> reportFormats;
        LintRequest request;
        try {
            threshold = FailThreshold.parse(failOn);
            reportFormats = ReportFormat.parse(formats);
            request = request();
        } catch (LintConfigurationException e) {
            throw configurationError(e);
        }
        LintResult result = lint(request);

        report(result);
        try {
            if (reportFormats.contains(ReportFormat.SARIF)) {
                SarifReport.Settings settings = SarifReport.Settings.of(request.baseDir()).withSrcRoot(displayDir())
                        .withCategory(category()).withHelpUriBase(helpUriBase);
                SarifReport.write(result, settings, sarifOutput().toPath());
                getLog().info("Baton SARIF report: " + display(sarifOutput().toPath()));
            }
            if (reportFormats.contains(ReportFormat.HTML)) {
                HtmlReport.write(result, helpUriBase, htmlOutput().toPath());
                getLog().info("Baton HTML report: " + display(htmlOutput().toPath()));
            }
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }

        java.util.Optional<String> failure = failure(result, threshold);
        if (failure.isPresent()) throw new MojoFailureException(failure.get());
    }

    /**
     * Why the build fails, or empty when it passes: the findings at or above {@code failOn} (a Java file
     * that does not parse is a {@code parse-error} error) and, at {@code warning} or {@code note}, the input
     * problems, which count as warnings. The same decision as the command line's exit code.
     */
    static java.util.Optional<String> failure(LintResult result, FailThreshold threshold) {
        long failing = result.failuresAt(threshold.severity().orElse(null));
        if (failing == 0) return java.util.Optional.empty();
        long unparsable = result.findings().stream()
                .filter(f -> f.ruleId().equals("parse-error") && threshold.fails(f.severity())).count();
        return java.util.Optional.of("Baton found " + failing + " contract gap" + (failing == 1 ? "" : "s")
                + (unparsable == 0 ? "" : " (" + unparsable + " in Java files it could not read: parse-error)")
                + " at or above severity '" + threshold.label() + "' (baton.failOn). Fix them as the messages say, "
                + "suppress one with @SuppressWarnings(\"baton:<rule-id>\"), or accept today's with baton:baseline.");
    }

    /** The projects whose test set-up is checked (Surefire too old for the harness): this one. */
    protected List<org.apache.maven.project.MavenProject> testedProjects() {
        return List.of(project);
    }

    /** What to lint: this module's sources (the aggregate goal overrides it with every module's). */
    protected LintRequest request() {
        return lintRequest(true);
    }

    /** The SARIF category of this run. */
    protected String category() {
        return sarifCategory == null || sarifCategory.isBlank() ? "baton/" + project.getArtifactId() : sarifCategory;
    }

    protected File sarifOutput() {
        return sarifFile;
    }

    protected File htmlOutput() {
        return htmlFile;
    }

    /** Findings at their severity's log level, so they stand out in a long build log, then the summary. */
    private void report(LintResult result) {
        Log log = getLog();
        // paths relative to where Maven was started, so a module's lines stay clickable in a reactor build
        String prefix = ConsoleReport.pathPrefix(project.getBasedir().toPath(), displayDir());
        for (InputProblem p : result.problems()) {
            log.error(ConsoleReport.line(p, prefix));
        }
        for (Finding f : result.findings()) {
            String line = ConsoleReport.line(f, prefix);
            switch (f.severity()) {
                case ERROR -> log.error(line);
                case WARNING -> log.warn(line);
                case NOTE -> log.info(line);
            }
        }
        if (!result.staleBaselineEntries().isEmpty()) {
            log.warn(result.staleBaselineEntries().size() + " baseline entr"
                    + (result.staleBaselineEntries().size() == 1 ? "y matches" : "ies match")
                    + " no finding any more (fixed): run 'mvn baton:baseline' to drop them from "
                    + display(baseline.toPath()));
        }
        if (GitHubAnnotations.enabled(githubAnnotations)) {
            Path workspace = githubWorkspace == null || githubWorkspace.isBlank() ? null : Path.of(githubWorkspace);
            for (Finding f : result.findings()) {
                // Straight to stdout: the runner only reads commands at the start of a line, and Maven's
                // logger would prefix them with the level.
                System.out.println(GitHubAnnotations.command(f, project.getBasedir().toPath(), workspace));
            }
        }
        String summary = ConsoleReport.summary(result);
        if (result.hasFindingsAtLeast(Severity.ERROR)) log.error(summary);
        else if (result.hasFindingsAtLeast(Severity.WARNING)) log.warn(summary);
        else log.info(summary);
    }
}
