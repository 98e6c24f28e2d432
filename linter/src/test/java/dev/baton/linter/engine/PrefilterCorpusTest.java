package dev.baton.linter.engine;

import dev.baton.linter.rule.Finding;
import dev.baton.linter.rules.RuleCatalog;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The prefilter ({@link SourceIndex}) skips files unparsed; it may only skip files whose analysis
 * cannot change a finding. Proven on the real-code corpus where it is present: every project scanned
 * with the prefilter on and off gives the same findings.
 */
class PrefilterCorpusTest {
    /** The corpus lives beside the repository: {@code ../shared/corpus} (copies) and {@code ../corpus-extra} (checkouts). */
    private static List<Path> projects() throws IOException {
        Path repo = Path.of("").toAbsolutePath().getParent();
        List<Path> out = new ArrayList<>();
        for (Path dir : List.of(repo.resolve("../shared/corpus/projects").normalize(), repo.resolve("../corpus-extra").normalize())) {
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(Files::isDirectory).sorted().forEach(out::add);
            }
        }
        return out;
    }

    @Test
    void prefilterOnAndOffGiveTheSameFindings() throws IOException {
        List<Path> projects = projects();
        Assumptions.assumeFalse(projects.isEmpty(), "the real-code corpus (../shared/corpus) is not present: nothing to prove");
        Linter on = new Linter(RuleCatalog.all(), RuleCatalog.frontends(), true);
        Linter off = new Linter(RuleCatalog.all(), RuleCatalog.frontends(), false);
        int skippedSomewhere = 0;
        for (Path project : projects) {
            // the profiles differ only in which prose edges untyped-handoff reports (strict: more of them), never
            // in which files are read: the strict profile covers both
            LintRequest request = ProjectLayout.discover(project).requestBuilder().profile(LintRequest.STRICT_PROFILE).build();
            LintResult withPrefilter = on.lint(request);
            LintResult without = off.lint(request);
            assertEquals(lines(without.findings()), lines(withPrefilter.findings()),
                    project.getFileName() + ": the prefilter changed the findings");
            if (withPrefilter.stats().parsedFiles() < without.stats().parsedFiles()) skippedSomewhere++;
        }
        assertTrue(skippedSomewhere > 0, "the prefilter skipped no file anywhere: the test proves nothing");
    }

    private static List<String> lines(List<Finding> findings) {
        return findings.stream().map(f -> f.ruleId() + " " + f.location() + " " + f.message()).sorted().toList();
    }
}
