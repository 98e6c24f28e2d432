package dev.baton.maven;

import dev.baton.linter.graph.Location;
import dev.baton.linter.rule.Finding;
import dev.baton.linter.rule.Severity;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GitHubAnnotationsTest {
    private static Finding finding(Severity severity, String file, int line, int col, String message) {
        return new Finding("untyped-handoff", severity, message, new Location(file, line, col), List.of("a", "b"),
                "a->b", "0123456789abcdef");
    }

    @Test
    void pathsBecomeRelativeToTheWorkspaceAndLevelsMapToGitHubs() {
        Path workspace = Path.of("/repo");
        Path module = Path.of("/repo/services/agents");
        assertEquals("::error file=services/agents/src/A.java,line=3,col=7,title=baton untyped-handoff::add a contract",
                GitHubAnnotations.command(finding(Severity.ERROR, "src/A.java", 3, 7, "add a contract"), module, workspace));
        assertTrue(GitHubAnnotations.command(finding(Severity.WARNING, "src/A.java", 3, 7, "m"), module, workspace)
                .startsWith("::warning "));
        assertTrue(GitHubAnnotations.command(finding(Severity.NOTE, "src/A.java", 3, 7, "m"), module, workspace)
                .startsWith("::notice "));
    }

    @Test
    void withoutAWorkspacePathsStayModuleRelativeAndWholeFileFindingsPointAtLineOne() {
        assertEquals("::error file=schemas/x.json,line=1,col=1,title=baton untyped-handoff::m",
                GitHubAnnotations.command(finding(Severity.ERROR, "schemas/x.json", 0, 0, "m"), Path.of("/m"), null));
    }

    @Test
    void messagesAndPropertiesAreEscapedSoTheyCannotEndTheCommand() {
        String command = GitHubAnnotations.command(
                finding(Severity.ERROR, "src/a,b:c.java", 1, 1, "100% sure\nsecond line"), Path.of("/m"), null);
        assertEquals("::error file=src/a%2Cb%3Ac.java,line=1,col=1,title=baton untyped-handoff::100%25 sure%0Asecond line",
                command);
    }

    @Test
    void onlyTrueSwitchesThemOn() {
        assertTrue(GitHubAnnotations.enabled("true"));
        assertTrue(GitHubAnnotations.enabled(" TRUE "));
        assertFalse(GitHubAnnotations.enabled(null));
        assertFalse(GitHubAnnotations.enabled("${env.GITHUB_ACTIONS}"));
        assertFalse(GitHubAnnotations.enabled("false"));
    }
}
