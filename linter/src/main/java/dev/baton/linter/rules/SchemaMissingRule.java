package dev.baton.linter.rules;

import dev.baton.linter.graph.ContractRef;
import dev.baton.linter.graph.Edge;
import dev.baton.linter.graph.facts.AgentContract;
import dev.baton.linter.rule.FindingSink;
import dev.baton.linter.rule.LintContext;
import dev.baton.linter.rule.Principle;
import dev.baton.linter.rule.Rule;
import dev.baton.linter.rule.RuleInfo;
import dev.baton.linter.rule.Severity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Every contract that names a schema file no search directory holds. */
@RuleInfo(id = "schema-missing", severity = Severity.ERROR, principle = Principle.P1_EXPLICIT_SCHEMAS,
        summary = "A contract names a JSON Schema file that does not exist",
        description = "A handoff contract refers to a schema resource that is not in the schema directories, the "
                + "resources beside the sources, or the project. At run time the contract cannot be built, or the "
                + "boundary validates against nothing.",
        fix = "Add the schema file under the schema directory (or src/main/resources) with the name the contract uses, "
                + "or correct the name in the contract.")
public final class SchemaMissingRule implements Rule {
    @Override
    public void check(LintContext context, FindingSink findings) {
        List<ContractRef> contracts = new ArrayList<>();
        for (Edge e : context.graph().edges()) if (e.contract() != null) contracts.add(e.contract());
        for (AgentContract c : context.graph().facts(AgentContract.class)) contracts.add(c.contract());
        Set<String> seen = new HashSet<>();
        for (ContractRef c : contracts) {
            if (c.schemaPath() == null || c.location() == null) continue;
            if (!seen.add(c.location() + "|" + c.schemaPath())) continue;
            if (c.schemaPath().startsWith("http://") || c.schemaPath().startsWith("https://")) continue;
            if (context.schema(c.schemaPath()).isPresent()) continue;
            findings.report(c.location(), "contract names schema '" + c.schemaPath() + "' but no such file exists in the "
                    + "schema directories or resources: add it, or fix the name.", c.schemaPath());
        }
    }
}
