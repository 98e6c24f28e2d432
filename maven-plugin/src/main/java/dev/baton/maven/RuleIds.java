package dev.baton.maven;

import dev.baton.linter.rules.RuleCatalog;

import java.util.Set;
import java.util.TreeSet;

/** The rule ids the linter knows, from the rule classes' own metadata. */
final class RuleIds {
    private RuleIds() {
    }

    static Set<String> known() {
        Set<String> ids = new TreeSet<>();
        RuleCatalog.all().forEach(r -> ids.add(r.info().id()));
        return ids;
    }
}
