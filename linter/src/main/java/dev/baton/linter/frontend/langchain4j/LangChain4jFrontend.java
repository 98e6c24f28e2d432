package dev.baton.linter.frontend.langchain4j;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.baton.linter.frontend.Frontend;
import dev.baton.linter.frontend.ParsedSource;
import dev.baton.linter.frontend.agentic.BuiltAgent;
import dev.baton.linter.frontend.javasyntax.SideEffectVerbs;
import dev.baton.linter.frontend.javasyntax.SideEffects;
import dev.baton.linter.frontend.javasyntax.TypeEffects;
import dev.baton.linter.frontend.javasyntax.DeclaredTools;
import dev.baton.linter.frontend.javasyntax.AgentPrompt;
import dev.baton.linter.frontend.javasyntax.CallChain;
import dev.baton.linter.frontend.javasyntax.Imports;
import dev.baton.linter.frontend.javasyntax.Literals;
import dev.baton.linter.frontend.javasyntax.LocalTypes;
import dev.baton.linter.frontend.javasyntax.Locations;
import dev.baton.linter.frontend.javasyntax.Placeholders;
import dev.baton.linter.graph.AgentNode;
import dev.baton.linter.graph.Framework;
import dev.baton.linter.graph.HandoffGraph;
import dev.baton.linter.graph.facts.KeyAccess;
import dev.baton.linter.graph.facts.SideEffect;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * LangChain4j AI services: interfaces whose methods carry {@code @SystemMessage}/{@code @UserMessage}
 * (created with {@code AiServices.create/builder}, Spring {@code @AiService}, Quarkus
 * {@code @RegisterAiService}), {@code @Tool} methods (side effects, agents exposed as tools), and the
 * plain-Java handoffs between services (one call's result passed to the next), read in {@link #link}.
 *
 * <p>Agent ids are {@code lc4j:<qualified interface>#<method>}; tool classes are {@code lc4j-tool:<qualified class>}.
 */
public final class LangChain4jFrontend implements Frontend {
    static final String SERVICE = "dev.langchain4j.service";
    static final String TOOL = "dev.langchain4j.agent.tool.Tool";
    static final String SPRING_AI_SERVICE = "dev.langchain4j.service.spring.AiService";
    static final String QUARKUS_AI_SERVICE = "io.quarkiverse.langchain4j.RegisterAiService";
    private static final Set<String> BUILTIN_VARIABLES = Set.of("current_date", "current_time", "current_date_time");

    @Override
    public Set<String> triggers() {
        // besides LangChain4j code itself: code in the same package that receives agent output with a
        // JSON mapper, or gets agents injected, imports nothing of LangChain4j but is where handoffs happen
        return Set.of("dev.langchain4j", "io.quarkiverse.langchain4j", "ObjectMapper", "JsonMapper", "fromJson",
                "@Inject", "@Autowired");
    }

    @Override
    public void read(ParsedSource source, HandoffGraph.Builder graph) {
        Imports imports = Imports.of(source.unit());
        if (!imports.importsFrom("dev.langchain4j") && !imports.importsFrom("io.quarkiverse.langchain4j")) return;
        for (TypeDeclaration<?> type : source.unit().findAll(TypeDeclaration.class)) {
            String fqn = type.getFullyQualifiedName().orElse(type.getNameAsString());
            boolean agentic = type.getMethods().stream().anyMatch(m -> m.getAnnotations().stream()
                    .anyMatch(a -> a.getNameAsString().equals("Agent") || a.getNameAsString().endsWith("agentic.Agent")));
            Optional<AnnotationExpr> registered = annotation(type, imports, SPRING_AI_SERVICE)
                    .or(() -> annotation(type, imports, QUARKUS_AI_SERVICE));
            if (type instanceof ClassOrInterfaceDeclaration c && c.isInterface() && !agentic) {
                for (MethodDeclaration m : type.getMethods()) {
                    if (m.isDefault() || m.isStatic()) continue;
                    boolean prompted = annotation(m, imports, SERVICE + ".SystemMessage").isPresent()
                            || annotation(m, imports, SERVICE + ".UserMessage").isPresent();
                    if (prompted || registered.isPresent()) service(source, imports, type, fqn, m, graph);
                }
            }
            registered.ifPresent(r -> {
                List<String> tools = new ArrayList<>();
                for (String t : Literals.classAttribute(r, "tools")) tools.add("lc4j-tool:" + imports.resolve(t).orElse(t));
                if (!tools.isEmpty()) toolLoop(graph, Locations.of(source, r), fqn, type.getNameAsString(), tools);
                retries(source, imports, type, fqn, graph);
            });
            tools(source, imports, type, fqn, graph);
        }
        source.unit().walk(MethodCallExpr.class, call -> {
            if (call.getNameAsString().equals("builder") && call.getScope().map(s -> imports.refersTo(s.toString(), SERVICE + ".AiServices")).orElse(false)
                    && call.getArguments().size() == 1 && call.getArgument(0) instanceof ClassExpr c) {
                CallChain chain = CallChain.startingAt(call);
                List<String> tools = new ArrayList<>();
                for (MethodCallExpr t : chain.all("tools")) {
                    for (Expression a : t.getArguments()) {
                        String type = null;
                        if (a instanceof ObjectCreationExpr o) type = o.getTypeAsString();
                        else if (a instanceof NameExpr || a.isFieldAccessExpr()) type = LocalTypes.of(a).map(LocalTypes.Declaration::type).orElse(null);
                        if (type != null && !type.equals("var")) tools.add("lc4j-tool:" + imports.resolve(type).orElse(type));
                    }
                }
                String service = imports.resolve(c.getTypeAsString()).orElse(c.getTypeAsString());
                if (!tools.isEmpty()) toolLoop(graph, Locations.of(source, call), service, Imports.simpleName(service), tools);
            }
        });
    }

    @Override
    public void link(List<ParsedSource> sources, HandoffGraph.Builder graph) {
        ServiceLinks.link(sources, graph);
        effectsThroughOtherTypes(sources, graph);
    }

    /**
     * Tools and agentic agents whose own class shows no effect but which act through another class of the
     * program: {@code @Tool} methods, and {@code @Agent}/{@code @HumanInTheLoop} methods with a body, calling an
     * injected or looked-up bean that writes to a database, sends, runs or posts ({@link TypeEffects}).
     */
    private static void effectsThroughOtherTypes(List<ParsedSource> sources, HandoffGraph.Builder graph) {
        TypeEffects effects = null;
        for (ParsedSource source : sources) {
            Imports imports = Imports.of(source.unit());
            if (!imports.importsFrom("dev.langchain4j") && !imports.importsFrom("io.quarkiverse.langchain4j")) continue;
            for (TypeDeclaration<?> type : source.unit().findAll(TypeDeclaration.class)) {
                String fqn = type.getFullyQualifiedName().orElse(type.getNameAsString());
                boolean agentic = imports.importsFrom("dev.langchain4j.agentic");
                for (MethodDeclaration m : type.getMethods()) {
                    if (m.getBody().isEmpty() || SideEffects.of(m).isPresent()) continue;
                    String id;
                    String name;
                    Optional<AnnotationExpr> tool = annotation(m, imports, TOOL);
                    if (tool.isPresent()) {
                        if (toolNamedToAct(m, tool.get())) continue; // read already made it a side effect
                        id = "lc4j-tool:" + fqn;
                        name = m.getNameAsString();
                    } else if (agentic && (annotation(m, imports, "dev.langchain4j.agentic.Agent").isPresent()
                            || annotation(m, imports, "dev.langchain4j.agentic.declarative.HumanInTheLoop").isPresent())) {
                        if (agentNamedToAct(m, imports)) continue;
                        // a human-in-the-loop method is an agent node of its own: name the step, not its interface
                        String human = "lc4j-human:" + fqn + "#" + m.getNameAsString();
                        id = graph.agent(human).isPresent() ? human : "lc4j:" + fqn;
                        name = type.getNameAsString() + "." + m.getNameAsString();
                    } else {
                        continue;
                    }
                    if (effects == null) effects = TypeEffects.of(sources);
                    Optional<String> does = effects.through(m, true);
                    if (does.isPresent()) {
                        graph.fact(new SideEffect(Locations.of(source, m.getName()), id, name + " (" + does.get() + ")",
                                SideEffectVerbs.guarded(m)));
                    }
                }
            }
        }
    }

    /** Whether a tool's name or description already says it acts (read records it so). */
    private static boolean toolNamedToAct(MethodDeclaration m, AnnotationExpr tool) {
        String description = Literals.stringAttribute(tool, "value").or(() -> Literals.stringAttribute(tool, "name")).orElse("");
        return SideEffectVerbs.isSideEffectingTool(m.getNameAsString(), description);
    }

    /** Whether an agentic agent method's name or description already says it acts (read records it so). */
    private static boolean agentNamedToAct(MethodDeclaration m, Imports imports) {
        Optional<AnnotationExpr> agent = annotation(m, imports, "dev.langchain4j.agentic.Agent");
        boolean human = annotation(m, imports, "dev.langchain4j.agentic.declarative.HumanInTheLoop").isPresent();
        if (agent.isEmpty() || human) return false;
        String description = agent.flatMap(a -> Literals.stringAttribute(a, "description")).orElse(null);
        return SideEffectVerbs.isSideEffecting(m.getNameAsString(), m.getParameters().size())
                || m.getType().isVoidType() && SideEffectVerbs.isSideEffectingTool(m.getNameAsString(), description);
    }

    /**
     * An AI service with tools runs a loop of model calls and tool calls: a unit of its own, whose tools
     * are what it can do to the world and what a retry of the service re-runs.
     */
    private static void toolLoop(HandoffGraph.Builder graph, dev.baton.linter.graph.Location at, String serviceFqn, String name,
                                 List<String> tools) {
        graph.fact(new BuiltAgent(at, "lc4j:" + serviceFqn, tools));
        graph.chain(new dev.baton.linter.graph.Chain(SERVICE_CHAIN + serviceFqn, name, Framework.LANGCHAIN4J, List.copyOf(tools), at));
    }

    /** MicroProfile {@code @Retry} on a registered AI service's methods retries the whole tool loop (quarkus-langchain4j #2744). */
    private static void retries(ParsedSource source, Imports imports, TypeDeclaration<?> type, String fqn, HandoffGraph.Builder graph) {
        String retry = "org.eclipse.microprofile.faulttolerance.Retry";
        List<AnnotationExpr> found = new ArrayList<>();
        annotation(type, imports, retry).ifPresent(found::add);
        for (MethodDeclaration m : type.getMethods()) annotation(m, imports, retry).ifPresent(found::add);
        for (AnnotationExpr a : found) {
            // the specification's default is 3 retries: bounded even when nothing is written
            int bound = Literals.intAttribute(a, "maxRetries").orElse(3);
            java.util.OptionalInt b = bound < 0 ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(bound);
            graph.fact(new dev.baton.linter.graph.facts.RetrySite(Locations.of(source, a), SERVICE_CHAIN + fqn, "@Retry", b, bound >= 0));
        }
    }

    /** Prefix of the chain an AI service's tool loop forms. */
    public static final String SERVICE_CHAIN = "lc4j-service:";

    static Optional<AnnotationExpr> annotation(com.github.javaparser.ast.nodeTypes.NodeWithAnnotations<?> n, Imports imports, String fqn) {
        for (AnnotationExpr a : n.getAnnotations()) if (imports.refersTo(a.getNameAsString(), fqn)) return Optional.of(a);
        return Optional.empty();
    }

    private static void service(ParsedSource source, Imports imports, TypeDeclaration<?> type, String fqn, MethodDeclaration m,
                                HandoffGraph.Builder graph) {
        String id = "lc4j:" + fqn + "#" + m.getNameAsString();
        graph.agent(new AgentNode(id, type.getNameAsString() + "." + m.getNameAsString(), Framework.LANGCHAIN4J,
                AgentNode.Kind.LLM, m.getTypeAsString(), Locations.of(source, m.getName())));
        StringBuilder prompt = new StringBuilder();
        Node anchor = m.getName();
        for (String n : List.of("SystemMessage", "UserMessage")) {
            Optional<AnnotationExpr> a = annotation(m, imports, SERVICE + "." + n);
            if (a.isPresent()) {
                Literals.stringAttribute(a.get(), "value").ifPresent(s -> prompt.append(s).append('\n'));
                anchor = a.get();
            }
        }
        if (prompt.isEmpty()) return;
        graph.fact(new AgentPrompt(Locations.of(source, m.getName()), id, prompt.toString()));
        // a template taken from a resource, or a message passed in whole, hides the variables: stay silent
        boolean opaque = m.getParameters().stream().anyMatch(p -> annotation(p, imports, SERVICE + ".UserMessage").isPresent());
        if (opaque) return;
        Set<String> bound = new LinkedHashSet<>();
        List<Parameter> plain = new ArrayList<>();
        for (Parameter p : m.getParameters()) {
            if (annotation(p, imports, SERVICE + ".MemoryId").isPresent()) continue;
            Optional<AnnotationExpr> v = annotation(p, imports, SERVICE + ".V");
            String key = v.flatMap(a -> Literals.stringAttribute(a, "value")).orElse(p.getNameAsString());
            bound.add(key);
            bound.add(p.getNameAsString());
            if (v.isEmpty()) plain.add(p);
        }
        if (m.getParameters().size() == 1 && plain.size() == 1) bound.add("it");
        String namespace = dev.baton.linter.frontend.agentic.AgenticFrontend.TEMPLATE_NAMESPACE + id;
        for (Placeholders.Placeholder ph : Placeholders.doubleBraced(prompt.toString())) {
            if (BUILTIN_VARIABLES.contains(ph.name())) continue;
            graph.fact(new KeyAccess(Locations.of(source, anchor), namespace, ph.name(), KeyAccess.Access.READ, id));
        }
        // the method's parameters are what the caller writes into the template; recorded only for
        // variables the template uses (or nearly uses), so an unused parameter is not a finding
        Set<String> lowered = new LinkedHashSet<>();
        for (Placeholders.Placeholder ph : Placeholders.doubleBraced(prompt.toString())) lowered.add(norm(ph.name()));
        for (Parameter p : m.getParameters()) {
            if (annotation(p, imports, SERVICE + ".MemoryId").isPresent()) continue;
            String key = annotation(p, imports, SERVICE + ".V").flatMap(a -> Literals.stringAttribute(a, "value")).orElse(p.getNameAsString());
            Set<String> names = m.getParameters().size() == 1 && annotation(p, imports, SERVICE + ".V").isEmpty()
                    ? Set.of(key, "it") : Set.of(key);
            for (String k : names) {
                if (lowered.contains(norm(k))) {
                    graph.fact(new KeyAccess(Locations.of(source, p), namespace, k, KeyAccess.Access.WRITE, "caller:" + id));
                }
            }
        }
    }

    private static String norm(String key) {
        return key.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
    }

    private static void tools(ParsedSource source, Imports imports, TypeDeclaration<?> type, String fqn, HandoffGraph.Builder graph) {
        String toolId = "lc4j-tool:" + fqn;
        boolean any = false;
        Set<String> compensated = new LinkedHashSet<>();
        for (MethodDeclaration m : type.getMethods()) {
            annotation(m, imports, "dev.langchain4j.agent.tool.CompensateFor")
                    .flatMap(a -> Literals.stringAttribute(a, "value")).ifPresent(compensated::add);
        }
        for (MethodDeclaration m : type.getMethods()) {
            Optional<AnnotationExpr> tool = annotation(m, imports, TOOL);
            if (tool.isEmpty()) continue;
            if (!any) {
                graph.agent(new AgentNode(toolId, type.getNameAsString(), Framework.LANGCHAIN4J, AgentNode.Kind.TOOL, null,
                        Locations.of(source, type.getName())));
                any = true;
            }
            String description = Literals.stringAttribute(tool.get(), "value").or(() -> Literals.stringAttribute(tool.get(), "name")).orElse("");
            String toolName = Literals.stringAttribute(tool.get(), "name").filter(s -> !s.isBlank()).orElse(m.getNameAsString());
            // what the tool does (writes a file, runs a process, a mutating HTTP call...), else what its name says;
            // what it does through other classes of the program is read in link (effectsThroughOtherTypes)
            Optional<String> does = SideEffects.of(m);
            if (does.isPresent() || toolNamedToAct(m, tool.get())) {
                boolean guarded = compensated.contains(toolName) || compensated.contains(m.getNameAsString()) || idempotent(m);
                graph.fact(new SideEffect(Locations.of(source, m.getName()), toolId,
                        m.getNameAsString() + (description.isBlank() ? "" : ": " + description)
                                + does.map(d -> " (" + d + ")").orElse(""), guarded));
            }
        }
        agenticSideEffects(source, imports, type, fqn, graph);
    }

    /**
     * LangChain4j agentic agents that act themselves: a non-AI agent class whose {@code @Agent} method
     * writes, sends or runs something ({@code new StatusUpdate()} as a sub-agent), or is declared
     * {@code @SideEffect}; and the tools an agent interface names with {@code @ToolsSupplier} or
     * {@code @ToolBox}, so that their side effects sit inside the composites that run the agent.
     */
    private static void agenticSideEffects(ParsedSource source, Imports imports, TypeDeclaration<?> type, String fqn,
                                           HandoffGraph.Builder graph) {
        if (!imports.importsFrom("dev.langchain4j.agentic")) return;
        String agentId = "lc4j:" + fqn;
        List<String> tools = new ArrayList<>();
        for (MethodDeclaration m : type.getMethods()) {
            boolean agent = annotation(m, imports, "dev.langchain4j.agentic.Agent").isPresent();
            boolean human = annotation(m, imports, "dev.langchain4j.agentic.declarative.HumanInTheLoop").isPresent();
            if ((agent || human) && m.getBody().isPresent()) {
                Optional<String> does = SideEffects.of(m);
                // a void action named or described by a mutating verb ("update": "Update application status") acts too
                if (does.isEmpty() && agentNamedToAct(m, imports)) does = Optional.of("its name says it acts");
                if (does.isPresent()) {
                    graph.fact(new SideEffect(Locations.of(source, m.getName()), agentId,
                            type.getNameAsString() + "." + m.getNameAsString() + " (" + does.get() + ")", SideEffectVerbs.guarded(m)));
                }
            } else if (agent && SideEffects.declared(m)) {
                graph.fact(new SideEffect(Locations.of(source, m.getName()), agentId,
                        type.getNameAsString() + "." + m.getNameAsString() + " (declared @SideEffect)", false));
            }
            if (annotation(m, imports, "dev.langchain4j.agentic.declarative.ToolsSupplier").isPresent()) {
                m.findAll(ObjectCreationExpr.class).forEach(o -> tools.add("lc4j-tool:" + imports.resolve(o.getTypeAsString()).orElse(o.getTypeAsString())));
            }
            annotation(m, imports, "dev.langchain4j.agentic.declarative.ToolBox").ifPresent(a ->
                    Literals.classAttribute(a, "value").forEach(t -> tools.add("lc4j-tool:" + imports.resolve(t).orElse(t))));
            annotation(m, imports, "io.quarkiverse.langchain4j.ToolBox").ifPresent(a ->
                    Literals.classAttribute(a, "value").forEach(t -> tools.add("lc4j-tool:" + imports.resolve(t).orElse(t))));
        }
        if (!tools.isEmpty()) graph.fact(new DeclaredTools(Locations.of(source, type.getName()), agentId, List.copyOf(tools)));
    }

    /** An idempotency key parameter, or a claim before acting ({@code putIfAbsent}, {@code claim...}). */
    private static boolean idempotent(MethodDeclaration m) {
        for (Parameter p : m.getParameters()) {
            String n = p.getNameAsString().toLowerCase(Locale.ROOT);
            if (n.contains("idempoten") || n.contains("dedup")) return true;
        }
        return m.getBody().map(b -> b.findAll(MethodCallExpr.class).stream().anyMatch(c -> {
            String n = c.getNameAsString().toLowerCase(Locale.ROOT);
            return n.equals("putifabsent") || n.startsWith("claim") || n.contains("idempoten") || n.equals("insertifabsent");
        })).orElse(false);
    }
}
