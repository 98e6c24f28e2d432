package dev.baton.maven;

import dev.baton.linter.engine.Baseline;
import dev.baton.linter.engine.LintConfigurationException;
import dev.baton.linter.engine.LintRequest;
import dev.baton.linter.engine.LintResult;
import dev.baton.linter.rule.Finding;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Records today's findings in the baseline file, so that a legacy project fails only on new gaps.
 * Entries are content fingerprints that survive line moves. Reports the entries that no finding
 * matches any more (they are dropped). Refuses to create or grow a baseline in CI (environment
 * {@code CI=true}) unless {@code -Dbaton.baseline.allowCreate=true}: a baseline that grows
 * silently hides new gaps. Shrinking is always allowed.
 */
@Mojo(name = "baseline", threadSafe = true)
public class BaselineMojo extends AbstractBatonMojo {

    /** Allows creating or growing the baseline where the environment says {@code CI=true}. */
    @Parameter(property = "baton.baseline.allowCreate", defaultValue = "false")
    protected boolean allowCreate;

    /** Where the build runs, as the environment tells; a parameter so tests need not change the environment. */
    @Parameter(defaultValue = "${env.CI}", readonly = true)
    protected String ciEnvironment;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Baton is skipped (baton.skip).");
            return;
        }
        LintRequest request;
        Baseline previous;
        try {
            request = lintRequest(false);
            previous = baseline.isFile() ? Baseline.read(baseline.toPath()) : null;
        } catch (LintConfigurationException e) {
            throw configurationError(e);
        }
        LintResult result = lint(request);
        Path file = baseline.toPath();

        Set<String> before = new LinkedHashSet<>();
        if (previous != null) previous.entries().forEach(e -> before.add(e.fingerprint()));
        Set<String> now = new LinkedHashSet<>();
        result.findings().forEach(f -> now.add(f.fingerprint()));
        List<Finding> added = result.findings().stream().filter(f -> !before.contains(f.fingerprint())).toList();
        List<Baseline.Entry> stale = previous == null ? List.of()
                : previous.entries().stream().filter(e -> !now.contains(e.fingerprint())).toList();

        boolean grows = previous == null || !added.isEmpty();
        if (grows && "true".equalsIgnoreCase(ciEnvironment == null ? "" : ciEnvironment.strip()) && !allowCreate) {
            throw new MojoFailureException("Refusing to " + (previous == null ? "create" : "grow")
                    + " the Baton baseline " + display(file) + " in CI (CI=true): "
                    + added.size() + " finding(s) would be accepted without review. Record the baseline on a "
                    + "developer machine and commit it, or pass -Dbaton.baseline.allowCreate=true.");
        }

        for (Baseline.Entry e : stale) {
            getLog().info("Dropping stale baseline entry " + e.fingerprint() + " [" + e.rule() + "] " + e.file()
                    + " (no finding matches it any more)");
        }
        try {
            Baseline.write(file, result.findings());
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        int entries = result.findings().size();
        getLog().info("Baton baseline " + display(file) + ": " + entries + (entries == 1 ? " entry (" : " entries (")
                + added.size() + " added, " + stale.size() + " stale removed)");
    }
}
