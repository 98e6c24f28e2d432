package dev.baton.linter.engine;

import dev.baton.linter.rule.Rule;
import dev.baton.linter.rule.RuleInfo;
import dev.baton.linter.rules.RuleCatalog;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

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

    @Test
    void describeListsEveryRuleWithSeverityAndSummary() {
        String list = RuleCatalog.describe();
        for (Rule r : RuleCatalog.all()) {
            assertTrue(list.lines().anyMatch(l -> l.startsWith(r.info().id() + " ") && l.contains(r.info().severity().label())
                    && l.contains(r.info().summary())), r.info().id() + " in\n" + list);
        }
    }
}
