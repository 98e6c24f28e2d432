package dev.baton.linter.rules;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import dev.baton.linter.frontend.SchemaFile;
import dev.baton.linter.frontend.schema.JsonSchemas;
import dev.baton.linter.graph.ContractRef;
import dev.baton.linter.graph.Edge;
import dev.baton.linter.graph.HandoffGraph;
import dev.baton.linter.graph.facts.AgentContract;
import dev.baton.linter.rule.FindingSink;
import dev.baton.linter.rule.LintContext;
import dev.baton.linter.rule.Principle;
import dev.baton.linter.rule.Rule;
import dev.baton.linter.rule.RuleInfo;
import dev.baton.linter.rule.Severity;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * For each edge, compares what the producer promises (its {@link AgentContract.Direction#OUTPUT}
 * schemas, including a contract declared on the edge) with what the consumer validates on receipt
 * (its {@link AgentContract.Direction#INPUT} schemas). Sound by construction: a finding needs a
 * concrete value that the real validator accepts against the producer's schema and rejects against
 * the consumer's. When no witness turns up the pair is left alone.
 */
@RuleInfo(id = "schema-incompatible", severity = Severity.ERROR, principle = Principle.P1_EXPLICIT_SCHEMAS,
        summary = "The producer's output schema admits values the consumer's input schema rejects",
        description = "Two agents each validate against their own schema, and the schemas disagree: a value the producer "
                + "considers valid is rejected by the consumer. Both sides pass their unit tests; the handoff fails in "
                + "production. The finding shows a concrete value that proves it.",
        fix = "Make the producer's schema a subset of the consumer's: share one schema file for the edge, or tighten the "
                + "producer (or relax the consumer) so the witness value is handled the same on both sides.")
public final class SchemaIncompatibleRule implements Rule {
    private static final int MAX_WITNESS_CHARS = 200;

    @Override
    public void check(LintContext context, FindingSink findings) {
        HandoffGraph g = context.graph();
        List<AgentContract> facts = g.facts(AgentContract.class);
        Set<String> done = new HashSet<>();
        for (Edge e : g.edges()) {
            List<ContractRef> outputs = new ArrayList<>();
            for (AgentContract c : facts) {
                if (c.direction() == AgentContract.Direction.OUTPUT && c.agent().equals(e.producer())) outputs.add(c.contract());
            }
            if (e.contract() != null && !outputs.contains(e.contract())) outputs.add(e.contract());
            for (AgentContract in : facts) {
                if (in.direction() != AgentContract.Direction.INPUT || !in.agent().equals(e.consumer())) continue;
                for (ContractRef out : outputs) {
                    if (out.schemaPath() == null || in.contract().schemaPath() == null) continue;
                    if (!done.add(out.schemaPath() + "|" + in.contract().schemaPath() + "|" + e.id())) continue;
                    compare(context, g, e, out, in.contract(), findings);
                }
            }
        }
    }

    private void compare(LintContext context, HandoffGraph g, Edge e, ContractRef out, ContractRef in, FindingSink findings) {
        Optional<SchemaFile> pf = context.schema(out.schemaPath()), cf = context.schema(in.schemaPath());
        if (pf.isEmpty() || cf.isEmpty() || !pf.get().parsed() || !cf.get().parsed()) return;
        if (pf.get().path().equals(cf.get().path())) return;
        Optional<Schema> producer = compile(context, pf.get()), consumer = compile(context, cf.get());
        if (producer.isEmpty() || consumer.isEmpty()) return;
        for (JsonNode candidate : new WitnessSearch(pf.get().tree()).candidates()) {
            List<Error> pErrors, cErrors;
            try {
                pErrors = JsonSchemas.validate(producer.get(), candidate);
                if (!pErrors.isEmpty()) continue;
                cErrors = JsonSchemas.validate(consumer.get(), candidate);
            } catch (RuntimeException ex) {
                continue;
            }
            if (cErrors.isEmpty()) continue;
            String witness = candidate.toString();
            if (witness.length() > MAX_WITNESS_CHARS) witness = witness.substring(0, MAX_WITNESS_CHARS) + "…";
            Error first = cErrors.get(0);
            findings.report(in.location(), "'" + Edges.name(g, e.consumer()) + "' validates against '" + in.schemaPath()
                            + "', which rejects output that '" + Edges.name(g, e.producer()) + "' may send under '"
                            + out.schemaPath() + "': for example " + witness + " (" + SchemaText.pointer(first.getInstanceLocation())
                            + " " + first.getMessage() + "). Use one schema for the edge or align them.",
                    Edges.agents(e), e.id(), out.schemaPath() + "|" + in.schemaPath());
            return;
        }
    }

    private static Optional<Schema> compile(LintContext context, SchemaFile f) {
        Optional<JsonSchemas.Dialect> d = JsonSchemas.dialect(f.tree());
        if (d.isEmpty()) return Optional.empty();
        try {
            Path abs = context.absolute(f.path()).orElse(Path.of(f.path()).toAbsolutePath());
            return Optional.of(JsonSchemas.compile(f.tree(), d.get(), abs));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
