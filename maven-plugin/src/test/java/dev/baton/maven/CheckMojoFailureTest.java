package dev.baton.maven;

import dev.baton.linter.engine.InputProblem;
import dev.baton.linter.engine.LintResult;
import dev.baton.linter.engine.LintStats;
import dev.baton.linter.graph.HandoffGraph;
import dev.baton.linter.graph.Location;
import dev.baton.linter.rule.Finding;
import dev.baton.linter.rule.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The decision {@code baton:check} takes after the scan: the same as the command line's exit code. */
class CheckMojoFailureTest {

    private static Finding finding(String rule, Severity severity) {
        return new Finding(rule, severity, "m", new Location("src/main/java/A.java", 3, 5), List.of(), null, rule + severity);
    }

    private static LintResult result(List<Finding> findings, List<InputProblem> problems) {
        return new LintResult(findings, 0, List.of(), List.of(), new LintStats(1, 1, 0, 0, false, 1), problems,
                HandoffGraph.builder().build());
    }

    @Test
    void anUnparsableFileFailsAtTheDefaultFailOnAndIsNamedAsSuch() {
        LintResult r = result(List.of(finding("parse-error", Severity.ERROR)), List.of());
        String why = CheckMojo.failure(r, FailThreshold.parse("error")).orElseThrow();
        assertTrue(why.startsWith("Baton found 1 contract gap (1 in Java files it could not read: parse-error) at or above "
                + "severity 'error'"), why);
        assertTrue(CheckMojo.failure(r, FailThreshold.parse("none")).isEmpty());
    }

    @Test
    void warningsAndInputProblemsFailOnlyAtFailOnWarningOrNote() {
        LintResult r = result(List.of(finding("parse-error", Severity.WARNING)),
                List.of(new InputProblem("src/main/java/loop", 0, 0, "symbolic link loop")));
        assertTrue(CheckMojo.failure(r, FailThreshold.parse("error")).isEmpty());
        String why = CheckMojo.failure(r, FailThreshold.parse("warning")).orElseThrow();
        assertTrue(why.startsWith("Baton found 2 contract gaps (1 in Java files it could not read: parse-error)"), why);
        assertEquals(2, r.failuresAt(Severity.NOTE));
        assertTrue(CheckMojo.failure(result(List.of(finding("schema-loose", Severity.NOTE)), List.of()),
                FailThreshold.parse("warning")).isEmpty());
    }
}
