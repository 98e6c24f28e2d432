package dev.baton.maven;

import dev.baton.linter.rule.Finding;

import java.nio.file.Path;
import java.util.Locale;

/**
 * GitHub Actions workflow commands ({@code ::error file=..,line=..,col=..,title=..::message}) for findings,
 * so that a pull request shows each gap on the line it concerns. Paths are made relative to the
 * workspace (the repository root), since findings are relative to the Maven module.
 */
final class GitHubAnnotations {
    private GitHubAnnotations() {
    }

    /**
     * @param moduleDir the Maven module's directory (finding paths are relative to it)
     * @param workspace the repository root, or {@code null} to keep module-relative paths
     */
    static String command(Finding finding, Path moduleDir, Path workspace) {
        String level = switch (finding.severity()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTE -> "notice";
        };
        String file = finding.location().file();
        if (workspace != null) {
            Path abs = moduleDir.toAbsolutePath().normalize().resolve(file).normalize();
            Path root = workspace.toAbsolutePath().normalize();
            if (abs.startsWith(root)) file = root.relativize(abs).toString().replace('\\', '/');
        }
        return "::" + level + " file=" + property(file)
                + ",line=" + Math.max(1, finding.location().line())
                + ",col=" + Math.max(1, finding.location().column())
                + ",title=" + property("baton " + finding.ruleId())
                + "::" + data(finding.message());
    }

    /** Whether a parameter value such as {@code ${env.GITHUB_ACTIONS}} switches annotations on. */
    static boolean enabled(String value) {
        return value != null && value.strip().toLowerCase(Locale.ROOT).equals("true");
    }

    // The escapes GitHub's runner applies to workflow command data and properties.
    private static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
