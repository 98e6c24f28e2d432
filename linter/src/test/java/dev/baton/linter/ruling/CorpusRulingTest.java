package dev.baton.linter.ruling;

import dev.baton.linter.engine.LintResult;
import dev.baton.linter.engine.Linter;
import dev.baton.linter.engine.ProjectLayout;
import dev.baton.linter.rule.Finding;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The ruling test (the Sonar habit): for every real-code corpus project present at
 * {@code ../shared/corpus/projects} (beside the repository), the linter's findings in both profiles
 * must equal the committed {@code src/test/resources/ruling/OWNER__NAME.txt}. A change in signal fails
 * here until the expected file is updated on purpose — run with {@code -Dbaton.ruling.update=true} to
 * rewrite the files, then review the diff. The corpus folder can be moved with {@code -Dbaton.corpus=DIR};
 * when it is absent the test says so and is skipped.
 */
class CorpusRulingTest {
    private static final Path EXPECTED = Path.of("src/test/resources/ruling");

    @TestFactory
    Stream<DynamicTest> findingsOnEveryCorpusProjectAreTheCommittedOnes() throws IOException {
        Path corpus = Path.of(System.getProperty("baton.corpus", "../../shared/corpus")).toAbsolutePath().normalize();
        Path projects = corpus.resolve("projects");
        Assumptions.assumeTrue(Files.isDirectory(projects),
                "no real-code corpus at " + projects + ": the ruling test is skipped (set -Dbaton.corpus=DIR)");
        boolean update = Boolean.getBoolean("baton.ruling.update");
        List<Path> dirs;
        try (Stream<Path> s = Files.list(projects)) {
            dirs = s.filter(Files::isDirectory).sorted().toList();
        }
        return dirs.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            String actual = ruling(dir);
            Path expectedFile = EXPECTED.resolve(dir.getFileName() + ".txt");
            if (update) {
                Files.createDirectories(EXPECTED);
                Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(expectedFile)) {
                fail("no expected ruling file " + expectedFile + " for corpus project " + dir.getFileName()
                        + "; run the linter tests with -Dbaton.ruling.update=true and review it");
            }
            assertEquals(Files.readString(expectedFile, StandardCharsets.UTF_8), actual,
                    "findings on " + dir.getFileName() + " changed; if that is on purpose, rerun with "
                            + "-Dbaton.ruling.update=true and commit the new " + expectedFile);
        }));
    }

    /** Both profiles' findings on one project, one sorted line each, as the console prints them up to the message. */
    static String ruling(Path dir) {
        StringBuilder out = new StringBuilder();
        out.append("# findings of the linter on ").append(dir.getFileName())
                .append(" (CorpusRulingTest; update with -Dbaton.ruling.update=true)\n");
        for (String profile : List.of("default", "strict")) {
            ProjectLayout layout = ProjectLayout.discover(dir);
            LintResult result = Linter.run(layout.requestBuilder().profile(profile).build());
            List<String> lines = new ArrayList<>();
            for (Finding f : result.findings()) {
                lines.add(f.location().file() + ":" + f.location().line() + ":" + f.location().column() + ": "
                        + f.severity().label() + " [" + f.ruleId() + "]");
            }
            result.problems().forEach(p -> lines.add(p.file() + ":" + p.line() + ":" + p.column() + ": input problem"));
            lines.sort(null);
            out.append("## ").append(profile).append(": ").append(lines.size()).append(" findings\n");
            lines.forEach(l -> out.append(l).append('\n'));
        }
        return out.toString();
    }
}
