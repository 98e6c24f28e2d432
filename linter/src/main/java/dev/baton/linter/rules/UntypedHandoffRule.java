package dev.baton.linter.rules;

import dev.baton.linter.frontend.javasyntax.Imports;
import dev.baton.linter.graph.AgentNode;
import dev.baton.linter.graph.Edge;
import dev.baton.linter.graph.HandoffGraph;
import dev.baton.linter.graph.PayloadKind;
import dev.baton.linter.graph.facts.ReceiveSite;
import dev.baton.linter.rule.FindingSink;
import dev.baton.linter.rule.LintContext;
import dev.baton.linter.rule.Principle;
import dev.baton.linter.rule.Rule;
import dev.baton.linter.rule.RuleInfo;
import dev.baton.linter.rule.Severity;

import java.util.List;

/**
 * Reads only the graph ({@link Edge#payload()}, {@link Edge#contract()}, {@link Edge#uses()} and the
 * consumer's receive sites), so every frontend gets it for free. Severity follows the evidence:
 * the consumer parses or branches on the value (error); the producer was asked for structure that
 * travels as prose, or the value is an undeclared map/tree (warning); prose handed into a prompt is
 * reported only under the {@code strict} profile.
 */
@RuleInfo(id = "untyped-handoff", severity = Severity.ERROR, principle = Principle.P1_EXPLICIT_SCHEMAS,
        summary = "A handoff between agents has no declared contract",
        description = "A value produced by one agent reaches another agent, or code acting on it, as String, Object, Map "
                + "or JsonNode with no Java type or JSON Schema contract. When the consumer parses or branches on it, any "
                + "drift in the producer's output (prose instead of JSON, a renamed field, a fenced block) is discovered "
                + "downstream, silently, instead of being rejected at the boundary.",
        fix = "Declare a contract for the edge: a record (Contract.of(Type.class)) or a JSON Schema "
                + "(Contract.schema(\"x.schema.json\")), and receive the value through a Boundary that validates it.")
public final class UntypedHandoffRule implements Rule {
    @Override
    public void check(LintContext context, FindingSink findings) {
        HandoffGraph g = context.graph();
        List<ReceiveSite> receives = g.facts(ReceiveSite.class);
        boolean strict = "strict".equals(context.profile());
        for (Edge e : g.edges()) {
            if (e.contract() != null && !e.contract().isUntyped()) continue;
            String what = Edges.describe(g, e);
            if (e.channel() == Edge.Channel.DECLARED) {
                String found = e.contract() == null ? "declares no contract"
                        : "declares only " + e.contract().javaType() + " as its contract, which constrains nothing";
                findings.report(Severity.ERROR, e.location(), "handoff " + what + " " + found + "; Baton's runtime "
                                + "refuses to build this chain. Add .contract(Contract.of(<Record>.class)) or "
                                + ".contract(Contract.schema(\"<name>.schema.json\")).",
                        Edges.agents(e), e.id(), Edges.anchor(e));
                continue;
            }
            boolean validated = e.uses().contains(Edge.Use.VALIDATED) || receives.stream()
                    .anyMatch(r -> r.validated() && e.consumer().equals(r.agent()) && (r.producer() == null || r.producer().equals(e.producer())));
            if (validated || e.payload() == PayloadKind.TYPED) continue;
            // a person's answer: a human step built with humanInTheLoopBuilder() is typed Object by the builder's
            // Function<AgenticScope, ?>, which declares nothing about a structure; what the person typed is text,
            // and whether a decision is checked is escalation-unsafe's question
            boolean human = g.agent(e.producer()).map(a -> a.kind() == AgentNode.Kind.HUMAN).orElse(false);
            PayloadKind payload = human && e.payload() == PayloadKind.UNTYPED
                    && g.agent(e.producer()).map(a -> a.outputType() != null && Imports.simpleName(a.outputType()).equals("Object")).orElse(false)
                    ? PayloadKind.PROSE : e.payload();
            String kind = payload == PayloadKind.UNTYPED ? "an undeclared structure" : "free text";
            // validated receives were skipped above, so any receive site left binds the value unchecked
            if (Edges.consumerActsOn(g, e, receives)) {
                String act = e.uses().contains(Edge.Use.BRANCHED) && !e.uses().contains(Edge.Use.PARSED) ? "branches on"
                        : e.uses().contains(Edge.Use.PARSED) ? "parses" : "binds";
                findings.report(Severity.ERROR, e.location(), "handoff " + what + " travels as " + kind + " and '"
                                + Edges.name(g, e.consumer()) + "' " + act + " it: return a record (or declare a JSON Schema) "
                                + "from the producer and validate it at the receiving side instead of parsing prose.",
                        Edges.agents(e), e.id(), Edges.anchor(e));
            } else if (e.uses().contains(Edge.Use.STRUCTURE_REQUESTED) && !human) {
                findings.report(Severity.WARNING, e.location(), "'" + Edges.name(g, e.producer()) + "' is asked for "
                                + "structured output but handoff " + what + " carries it as " + kind + ": make the producer "
                                + "return a record or a schema-validated JSON value.",
                        Edges.agents(e), e.id(), Edges.anchor(e));
            } else if (payload == PayloadKind.UNTYPED) {
                findings.report(Severity.WARNING, e.location(), "handoff " + what + " carries an undeclared structure ("
                                + "Map/Object/JsonNode): declare a record or JSON Schema for it.",
                        Edges.agents(e), e.id(), Edges.anchor(e));
            } else if (strict && !human) {
                findings.report(Severity.WARNING, e.location(), "handoff " + what + " carries prose with no contract "
                                + "(reported by the strict profile): declare a record if anything downstream relies on its shape.",
                        Edges.agents(e), e.id(), Edges.anchor(e));
            }
        }
    }
}
