package dev.baton.maven;

import dev.baton.linter.engine.LintRequest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code check} over the whole reactor at once, as {@code pmd:aggregate-check} is for PMD: one scan of
 * every module's source roots and schema directories, so a handoff between an agent declared in one
 * module and the workflow in another that runs it is one edge of one graph. Runs once, at the reactor
 * root; paths are relative to the root. Reports go to {@code aggregateOutputDirectory}
 * ({@code target/baton-aggregate/} at the root), apart from the root's own {@code check}.
 * Takes every parameter of {@code check}; {@code sarifFile}, {@code htmlFile} and {@code outputDirectory}
 * are those of the per-module goal and are not used here.
 */
@Mojo(name = "aggregate-check", defaultPhase = LifecyclePhase.VERIFY, aggregator = true, threadSafe = true)
public class AggregateCheckMojo extends CheckMojo {

    /** Every project of the reactor. */
    @Parameter(defaultValue = "${reactorProjects}", readonly = true, required = true)
    protected List<MavenProject> reactorProjects;

    /** Where the aggregate SARIF ({@code baton.sarif}), HTML ({@code baton.html}) and cache go. */
    @Parameter(property = "baton.aggregateOutputDirectory", defaultValue = "${project.build.directory}/baton-aggregate")
    protected File aggregateOutputDirectory;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        // Bound in a parent POM, the goal is inherited by every module; only the reactor root runs it.
        if (!skip && !project.isExecutionRoot()) {
            getLog().info("Baton aggregate-check runs once, at the reactor root; nothing to do in " + project.getArtifactId() + ".");
            return;
        }
        super.execute();
    }

    @Override
    protected LintRequest request() {
        List<MavenProject> projects = new ArrayList<>(reactorProjects == null || reactorProjects.isEmpty()
                ? List.of(project) : reactorProjects);
        return lintRequest(projects, aggregateOutputDirectory.toPath().resolve("cache"), true);
    }

    @Override
    protected List<MavenProject> testedProjects() {
        return reactorProjects == null || reactorProjects.isEmpty() ? List.of(project) : reactorProjects;
    }

    @Override
    protected String category() {
        return sarifCategory == null || sarifCategory.isBlank() ? "baton/" + project.getArtifactId() + "/aggregate" : sarifCategory;
    }

    @Override
    protected File sarifOutput() {
        return new File(aggregateOutputDirectory, "baton.sarif");
    }

    @Override
    protected File htmlOutput() {
        return new File(aggregateOutputDirectory, "baton.html");
    }
}
