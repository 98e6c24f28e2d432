package dev.baton.linter.engine;

import dev.baton.linter.rule.Rule;
import dev.baton.linter.rule.RuleInfo;
import dev.baton.linter.rules.RuleCatalog;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuleCatalogTest {
    @Test
    void everyRuleHasCompleteMetadataAndAUniqueKebabCaseId() {
        Set<String> ids = new HashSet<>();
        for (Rule r : RuleCatalog.all()) {
            RuleInfo i = r.info();
            assertTrue(i.id().matches("[a-z]+(-[a-z]+)*"), i.id());
            assertTrue(ids.add(i.id()), "duplicate id " + i.id());
            assertFalse(i.summary().isBlank() || i.description().isBlank() || i.fix().isBlank(), i.id());
            assertFalse(i.summary().endsWith("."), "summary without trailing period: " + i.id());
        }
    }

    private static final Path DOCS = Path.of("..", "docs", "rules");

    @Test
    void everyRuleHasADocPageWithTheAgreedSections() throws IOException {
        for (Rule r : RuleCatalog.all()) {
            Path page = DOCS.resolve(r.info().id() + ".md");
            assertTrue(Files.isRegularFile(page), "missing " + page);
            String text = Files.readString(page);
            assertTrue(text.startsWith("# " + r.info().id() + "\n"), page + " starts with its id as title");
            for (String section : List.of("## Problem", "## Bad", "## Good", "## What the rule cannot see", "## Suppression")) {
                assertTrue(text.contains("\n" + section + "\n"), page + " lacks " + section);
            }
        }
    }

    /** Regenerate with {@code -Dbaton.docs.update=true}. */
    @Test
    void docsIndexIsDerivedFromRuleInfo() throws IOException {
        Path index = DOCS.resolve("README.md");
        String expected = RuleCatalog.markdownIndex();
        if (Boolean.getBoolean("baton.docs.update")) Files.writeString(index, expected);
        assertTrue(Files.isRegularFile(index), "missing " + index + "; run this test with -Dbaton.docs.update=true");
        assertEquals(expected, Files.readString(index), index + " is out of date; run this test with -Dbaton.docs.update=true");
    }

    @Test
    void describeListsEveryRuleWithSeverityAndSummary() {
        String list = RuleCatalog.describe();
        for (Rule r : RuleCatalog.all()) {
            assertTrue(list.lines().anyMatch(l -> l.startsWith(r.info().id() + " ") && l.contains(r.info().severity().label())
                    && l.contains(r.info().summary())), r.info().id() + " in\n" + list);
        }
    }
}
