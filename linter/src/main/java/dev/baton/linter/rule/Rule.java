package dev.baton.linter.rule;

/**
 * One rule: one class, annotated with {@link RuleInfo}, stateless and thread-safe. It reads the
 * handoff graph (and, for code-pattern rules, the parsed sources) and reports findings.
 */
public interface Rule {
    void check(LintContext context, FindingSink findings);

    default RuleInfo info() {
        RuleInfo info = getClass().getAnnotation(RuleInfo.class);
        if (info == null) throw new IllegalStateException(getClass().getName() + " lacks @RuleInfo");
        return info;
    }
}
