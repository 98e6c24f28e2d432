package dev.baton.linter.rules;

import dev.baton.linter.frontend.Frontend;
import dev.baton.linter.frontend.baton.BatonFrontend;
import dev.baton.linter.rule.Rule;
import dev.baton.linter.rule.RuleInfo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every rule and every frontend the linter runs, as explicit lists (no classpath scanning): adding
 * a rule or a frontend is one line here.
 */
public final class RuleCatalog {
    private RuleCatalog() {
    }

    /** Every rule, one instance each (rules are stateless). */
    public static List<Rule> all() {
        List<Rule> rules = new ArrayList<>();
        // P1 — format contracts
        rules.add(new UntypedHandoffRule());
        rules.add(new UnvalidatedReceiveRule());
        rules.add(new HandoffUnwiredRule());
        rules.add(new ProseSniffingRule());
        rules.add(new LenientBindingRule());
        rules.add(new SchemaInvalidRule());
        rules.add(new SchemaMissingRule());
        rules.add(new SchemaLooseRule());
        rules.add(new SchemaIncompatibleRule());
        rules.add(new SchemaDriftRule());
        // context
        rules.add(new ContextDroppedRule());
        // P2 — ownership and retry
        rules.add(new ErrorUnownedRule());
        rules.add(new ErrorSwallowedRule());
        rules.add(new ErrorFabricatedRule());
        rules.add(new OwnerAmbiguousRule());
        rules.add(new RetryUnboundedRule());
        rules.add(new RetryNotIdempotentRule());
        // P3 — escalation
        rules.add(new EscalationMissingRule());
        rules.add(new EscalationUnsafeRule());
        // input the other rules need
        rules.add(new ParseErrorRule());
        return List.copyOf(rules);
    }

    /** Every frontend that reads Java sources into the handoff graph. */
    public static List<Frontend> frontends() {
        List<Frontend> frontends = new ArrayList<>();
        frontends.add(new BatonFrontend());
        frontends.add(new dev.baton.linter.frontend.langchain4j.LangChain4jFrontend());
        frontends.add(new dev.baton.linter.frontend.agentic.AgenticFrontend());
        frontends.add(new dev.baton.linter.frontend.springai.SpringAiFrontend());
        frontends.add(new dev.baton.linter.frontend.adk.AdkFrontend());
        frontends.add(new dev.baton.linter.frontend.embabel.EmbabelFrontend());
        frontends.add(new dev.baton.linter.frontend.jakarta.JakartaAgenticFrontend());
        frontends.add(new dev.baton.linter.frontend.modelclient.ModelClientFrontend());
        frontends.add(new dev.baton.linter.frontend.langgraph4j.LangGraph4jFrontend());
        return List.copyOf(frontends);
    }

    /** The rule with this id. */
    public static Optional<Rule> byId(String id) {
        return all().stream().filter(r -> r.info().id().equals(id)).findFirst();
    }

    /**
     * The rule index of {@code docs/rules/README.md}, derived from {@link RuleInfo}: one table row per
     * rule, grouped by principle, linking each rule's page.
     */
    public static String markdownIndex() {
        StringBuilder sb = new StringBuilder("# Baton rules\n\n")
                .append("Generated from the `@RuleInfo` annotations (`RuleCatalog.markdownIndex()`); ")
                .append("suppress one finding with `@SuppressWarnings(\"baton:<id>\")`.\n");
        for (dev.baton.linter.rule.Principle p : dev.baton.linter.rule.Principle.values()) {
            List<RuleInfo> infos = all().stream().map(Rule::info).filter(i -> i.principle() == p)
                    .sorted(Comparator.comparing(RuleInfo::id)).toList();
            if (infos.isEmpty()) continue;
            sb.append("\n## ").append(p.title()).append("\n\n| rule | default severity | summary |\n|---|---|---|\n");
            for (RuleInfo i : infos) {
                sb.append("| [`").append(i.id()).append("`](").append(i.id()).append(".md) | ").append(i.severity().label())
                        .append(" | ").append(i.summary().replace("|", "\\|")).append(" |\n");
            }
        }
        return sb.toString();
    }

    /** The {@code --list} view: one line per rule, sorted by id: id, default severity, principle, summary. */
    public static String describe() {
        List<RuleInfo> infos = new ArrayList<>(all().stream().map(Rule::info).toList());
        infos.sort(Comparator.comparing(RuleInfo::id));
        int width = infos.stream().mapToInt(i -> i.id().length()).max().orElse(10);
        StringBuilder sb = new StringBuilder();
        for (RuleInfo i : infos) {
            sb.append(String.format("%-" + width + "s  %-7s  %-36s  %s%n", i.id(), i.severity().label(),
                    i.principle().title(), i.summary()));
        }
        return sb.toString();
    }
}
