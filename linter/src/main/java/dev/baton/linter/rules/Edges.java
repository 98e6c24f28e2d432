package dev.baton.linter.rules;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import dev.baton.linter.graph.AgentNode;
import dev.baton.linter.graph.Chain;
import dev.baton.linter.graph.Edge;
import dev.baton.linter.graph.Framework;
import dev.baton.linter.graph.HandoffGraph;
import dev.baton.linter.graph.Location;
import dev.baton.linter.graph.facts.ReceiveSite;
import dev.baton.linter.rule.LintContext;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** How rules name agents and edges in messages. */
final class Edges {
    private Edges() {
    }

    static String name(HandoffGraph graph, String agentId) {
        return graph.agent(agentId).map(AgentNode::name).orElse(agentId.substring(agentId.indexOf(':') + 1));
    }

    static String describe(HandoffGraph graph, Edge e) {
        return "'" + name(graph, e.producer()) + "' → '" + name(graph, e.consumer()) + "'"
                + (e.key() == null ? "" : " (key '" + e.key() + "')");
    }

    static String anchor(Edge e) {
        return e.producer() + "->" + e.consumer() + (e.key() == null ? "" : "#" + e.key());
    }

    static List<String> agents(Edge e) {
        return List.of(e.producer(), e.consumer());
    }

    /**
     * Whether the consumer acts on the handoff's structure: it parses or branches on the value, or
     * binds it at a receive site. Only then can the handoff fail at the seam.
     */
    static boolean consumerActsOn(Edge e, List<ReceiveSite> receives) {
        return actsOn(e, receives, e.uses());
    }

    /**
     * Same, knowing the agents: when plain Java hands one model call's output into another call's prompt
     * (channel RETURN_VALUE or PROMPT_PLACEHOLDER, consumer a model), a parse or a branch in that method is
     * the orchestrating code's, on the value it read (reported where it happens, by prose-sniffing and
     * unvalidated-receive); it is not charged to every handoff leaving the producer. A model cannot branch.
     * (An ADK agent's instruction that branches on a {key} is the consumer's own reading, and stays.)
     */
    static boolean consumerActsOn(HandoffGraph graph, Edge e, List<ReceiveSite> receives) {
        if (orchestratorDecides(graph, e)) {
            java.util.Set<Edge.Use> uses = java.util.EnumSet.noneOf(Edge.Use.class);
            uses.addAll(e.uses());
            uses.remove(Edge.Use.BRANCHED);
            uses.remove(Edge.Use.PARSED);
            return actsOn(e, receives, uses);
        }
        return consumerActsOn(e, receives);
    }

    static boolean orchestratorDecides(HandoffGraph graph, Edge e) {
        return (e.channel() == Edge.Channel.RETURN_VALUE || e.channel() == Edge.Channel.PROMPT_PLACEHOLDER)
                && graph.agent(e.consumer()).map(a -> a.kind() == AgentNode.Kind.LLM
                        && (a.framework() == Framework.SPRING_AI || a.framework() == Framework.LANGCHAIN4J)).orElse(false);
    }

    private static boolean actsOn(Edge e, List<ReceiveSite> receives, java.util.Set<Edge.Use> uses) {
        return uses.contains(Edge.Use.PARSED) || uses.contains(Edge.Use.BRANCHED)
                || receives.stream().anyMatch(r -> e.consumer().equals(r.agent()) && e.producer().equals(r.producer()));
    }

    private static final Set<String> COMPOSITE_ANNOTATIONS = Set.of("SequenceAgent", "ParallelAgent", "LoopAgent",
            "ConditionalAgent", "SupervisorAgent", "PlannerAgent", "ParallelMapperAgent");

    /**
     * Where a composite is declared for the user to change it: its builder call, or, for a declarative
     * LangChain4j composite (a method annotated {@code @SequenceAgent}...), the annotation, which names
     * its sub-agents and beside which its {@code @ErrorHandler} goes.
     */
    static Location compositeLocation(LintContext context, Chain chain) {
        Location at = chain.location();
        if (chain.framework() != Framework.LANGCHAIN4J_AGENTIC) return at;
        return context.source(at.file()).flatMap(s -> s.unit().findAll(MethodDeclaration.class).stream()
                        .filter(m -> m.getName().getBegin().map(p -> p.line == at.line()).orElse(false))
                        .flatMap(m -> m.getAnnotations().stream())
                        .filter(a -> COMPOSITE_ANNOTATIONS.contains(a.getName().getIdentifier()))
                        .findFirst()
                        .flatMap(a -> a.getBegin().map(p -> new Location(at.file(), p.line, p.column))))
                .orElse(at);
    }

    private static final Set<String> FIRE_AND_FORGET = Set.of("execute", "submit", "runAsync", "supplyAsync", "schedule",
            "scheduleAtFixedRate", "scheduleWithFixedDelay");

    /**
     * Whether code at this place runs where nothing waits for its exception: in a {@code @Scheduled}
     * method, a {@code void @Async} method, or a lambda handed to an executor or {@code CompletableFuture}
     * whose returned future is dropped. Names how, or empty.
     */
    static Optional<String> unattended(LintContext context, Location at) {
        return context.source(at.file()).flatMap(s -> {
            for (LambdaExpr l : s.unit().findAll(LambdaExpr.class)) {
                if (!covers(l, at.line())) continue;
                if (l.getParentNode().orElse(null) instanceof MethodCallExpr c
                        && FIRE_AND_FORGET.contains(c.getNameAsString())
                        && c.getParentNode().orElse(null) instanceof ExpressionStmt) {
                    return Optional.of(c.getNameAsString() + "(..) whose future nobody reads");
                }
            }
            for (MethodDeclaration m : s.unit().findAll(MethodDeclaration.class)) {
                if (!covers(m, at.line())) continue;
                for (AnnotationExpr a : m.getAnnotations()) {
                    String n = a.getName().getIdentifier();
                    if (n.equals("Scheduled")) return Optional.of("a @Scheduled method");
                    if (n.equals("Async") && m.getType().isVoidType()) return Optional.of("a void @Async method");
                }
            }
            return Optional.empty();
        });
    }

    private static boolean covers(Node n, int line) {
        return n.getRange().map(r -> r.begin.line <= line && line <= r.end.line).orElse(false);
    }
}
