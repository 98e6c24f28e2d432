package dev.baton.linter.frontend.adk;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import dev.baton.linter.frontend.Frontend;
import dev.baton.linter.frontend.ParsedSource;
import dev.baton.linter.frontend.javasyntax.CallChain;
import dev.baton.linter.frontend.javasyntax.Imports;
import dev.baton.linter.frontend.javasyntax.KeyNames;
import dev.baton.linter.frontend.javasyntax.Literals;
import dev.baton.linter.frontend.javasyntax.LocalTypes;
import dev.baton.linter.frontend.javasyntax.Locations;
import dev.baton.linter.frontend.javasyntax.OutputDecision;
import dev.baton.linter.frontend.javasyntax.OutputFlow;
import dev.baton.linter.frontend.javasyntax.Placeholders;
import dev.baton.linter.frontend.javasyntax.StructureRequest;
import dev.baton.linter.frontend.javasyntax.SideEffectVerbs;
import dev.baton.linter.graph.AgentNode;
import dev.baton.linter.graph.Chain;
import dev.baton.linter.graph.ContractRef;
import dev.baton.linter.graph.Edge;
import dev.baton.linter.graph.Framework;
import dev.baton.linter.graph.HandoffGraph;
import dev.baton.linter.graph.Location;
import dev.baton.linter.graph.PayloadKind;
import dev.baton.linter.graph.facts.ErrorHandlerSite;
import dev.baton.linter.graph.facts.HumanStep;
import dev.baton.linter.graph.facts.KeyAccess;
import dev.baton.linter.graph.facts.ParallelGroup;
import dev.baton.linter.graph.facts.ReceiveSite;
import dev.baton.linter.graph.facts.RetrySite;
import dev.baton.linter.graph.facts.SideEffect;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Google ADK for Java: {@code LlmAgent}/{@code SequentialAgent}/{@code ParallelAgent}/{@code LoopAgent}
 * builders, {@code outputKey} writes and {@code {key}} placeholder reads (namespace {@code "adk"}),
 * agent and function tools, error callbacks, confirmations and long-running tools. Agent ids are
 * {@code adk:<name>} when the name is a literal.
 */
public final class AdkFrontend implements Frontend {
    /** KeyAccess namespace of session-state keys. */
    public static final String NAMESPACE = "adk";
    private static final String PREFIX = "adk:";
    private static final Set<String> WORKFLOWS = Set.of("SequentialAgent", "ParallelAgent", "LoopAgent");
    /** {@code com.google.adk.agents.PlannerAgent} (google-adk-planners): a planner picks which sub-agent runs next. */
    private static final String PLANNER = "PlannerAgent";
    /** Reader of what an agent hands back to whoever runs it: the runner's caller, the agent calling it as a tool. */
    static final String RESULT_READER = "caller:the caller";
    /** Reader of the output keys a goal-oriented planner schedules agents for. */
    static final String PLAN_READER = "caller:the goal-oriented planner";
    @Override
    public Set<String> triggers() {
        return Set.of("com.google.adk");
    }

    private record Built(String id, String className, CallChain chain, Location location, String name) {
    }

    @Override
    public void read(ParsedSource source, HandoffGraph.Builder graph) {
        CompilationUnit unit = source.unit();
        if (!SideEffectVerbs.importsPackage(unit, "com.google.adk")) return;
        Imports imports = Imports.of(unit);
        Map<String, Built> bySymbol = new HashMap<>();
        List<Built> built = new ArrayList<>();
        for (MethodCallExpr root : unit.findAll(MethodCallExpr.class)) {
            if (!root.getNameAsString().equals("builder") || !(root.getScope().orElse(null) instanceof NameExpr n)) continue;
            String cls = n.getNameAsString();
            if (!cls.equals("LlmAgent") && !WORKFLOWS.contains(cls) && !cls.equals(PLANNER)) continue;
            if (!imports.refersTo(cls, "com.google.adk.agents." + cls)) continue;
            CallChain chain = CallChain.startingAt(root);
            Optional<String> name = chain.argument("name").flatMap(Literals::string);
            Location loc = Locations.of(source, root);
            String id = PREFIX + name.orElse(source.path() + ":" + loc.line());
            Built b = new Built(id, cls, chain, loc, name.orElse(cls));
            built.add(b);
            symbolOf(chain.last()).ifPresent(s -> bySymbol.put(s, b));
        }
        for (Built b : built) {
            if (b.className().equals(PLANNER)) readPlanner(source, imports, b, bySymbol, graph);
            else readAgent(source, imports, b, bySymbol, graph);
        }
        readAgentMetadata(source, unit, imports, graph);
        readStateAccess(source, unit, graph);
        readToolContexts(source, unit, graph);
        readInitialState(source, unit, graph);
    }

    /**
     * Keys seeded when a session is created ({@code createSession(app, user, state, id)}): literal keys
     * are writes; a state map the source does not spell out writes keys nobody can name, so reads of
     * unknown keys are no longer certain to be unwired.
     */
    private void readInitialState(ParsedSource source, CompilationUnit unit, HandoffGraph.Builder graph) {
        for (MethodCallExpr c : unit.findAll(MethodCallExpr.class, m -> SEEDING.contains(m.getNameAsString()))) {
            Expression state = seededState(c);
            if (state == null) continue;
            String agent = "adk-session:" + source.path();
            List<KeyAccess> keys = new ArrayList<>();
            boolean complete = seededKeys(source, state, agent, keys, 0);
            keys.forEach(graph::fact);
            if (!complete) {
                graph.fact(new KeyAccess(Locations.of(source, state), NAMESPACE, OPEN_KEY, KeyAccess.Access.WRITE, agent));
            }
        }
    }

    private static final Set<String> SEEDING = Set.of("createSession", "runAsync", "stateDelta");

    /**
     * The state map a call puts into the session before an agent runs: {@code createSession(app, user, state, id)},
     * {@code createSession(sessionKey, state)}, {@code runAsync(user, session, message, runConfig, stateDelta)},
     * {@code runAsync(sessionKey, message, runConfig, stateDelta)}, {@code EventActions.builder().stateDelta(map)};
     * null for the overloads without one ({@code createSession(app, user)}, {@code runAsync(user, session, message, runConfig)}).
     */
    private static Expression seededState(MethodCallExpr c) {
        int n = c.getArguments().size();
        return switch (c.getNameAsString()) {
            case "createSession" -> n == 4 ? c.getArgument(2) : n == 2 && looksLikeMap(c.getArgument(1)) ? c.getArgument(1) : null;
            case "runAsync" -> n == 5 ? c.getArgument(4) : n == 4 && looksLikeMap(c.getArgument(3)) ? c.getArgument(3) : null;
            case "stateDelta" -> n == 1 && c.getScope().isPresent() && looksLikeMap(c.getArgument(0)) ? c.getArgument(0) : null;
            default -> null;
        };
    }

    /** A map literal, a new map, or a local declared as a map (not a user id or a run config). */
    private static boolean looksLikeMap(Expression e) {
        if (e instanceof NullLiteralExpr) return false;
        if (e instanceof ObjectCreationExpr o) return o.getType().getNameAsString().endsWith("Map");
        if (e instanceof MethodCallExpr m) {
            return Set.of("of", "ofEntries", "copyOf").contains(m.getNameAsString())
                    && m.getScope().map(x -> x.toString().endsWith("Map")).orElse(false);
        }
        if (e instanceof NameExpr n) {
            Optional<LocalTypes.Declaration> d = LocalTypes.of(n);
            return d.isPresent() && d.get().type() != null && Imports.simpleName(d.get().type().replaceAll("<.*", "")).endsWith("Map");
        }
        return false;
    }

    /** The handoff-unwired rule's key for "writes keys the source does not show". */
    private static final String OPEN_KEY = "*";

    private static boolean seededKeys(ParsedSource source, Expression state, String agent, List<KeyAccess> out, int depth) {
        if (depth > 3) return false;
        if (state instanceof NullLiteralExpr) return true;
        if (state instanceof ObjectCreationExpr o) {
            if (o.getArguments().isEmpty()) return putsOn(source, o, agent, out);
            return o.getArguments().size() == 1 && seededKeys(source, o.getArgument(0), agent, out, depth + 1) && putsOn(source, o, agent, out);
        }
        if (state instanceof MethodCallExpr m && m.getNameAsString().equals("of") && m.getArguments().size() % 2 == 0) {
            for (int i = 0; i < m.getArguments().size(); i += 2) {
                Optional<String> key = Literals.string(m.getArgument(i));
                if (key.isEmpty()) return false;
                out.add(new KeyAccess(Locations.of(source, m.getArgument(i)), NAMESPACE, key.get(), KeyAccess.Access.WRITE, agent));
            }
            return true;
        }
        if (state instanceof NameExpr n) {
            Optional<LocalTypes.Declaration> d = LocalTypes.of(n);
            if (d.isEmpty() || d.get().initializer() == null) return false;
            return seededKeys(source, d.get().initializer(), agent, out, depth + 1);
        }
        return false;
    }

    /** {@code map.put("k", v)} on the local a new map was assigned to, within its method. */
    private static boolean putsOn(ParsedSource source, ObjectCreationExpr creation, String agent, List<KeyAccess> out) {
        if (!(creation.getParentNode().orElse(null) instanceof VariableDeclarator v)) return true;
        Optional<MethodDeclaration> method = v.findAncestor(MethodDeclaration.class);
        if (method.isEmpty()) return false;
        boolean complete = true;
        for (MethodCallExpr put : method.get().findAll(MethodCallExpr.class, c -> c.getScope().map(s -> s.toString().equals(v.getNameAsString())).orElse(false))) {
            if (!put.getNameAsString().equals("put") && !put.getNameAsString().equals("putIfAbsent")) {
                if (put.getNameAsString().startsWith("put")) complete = false; // putAll(..): keys we cannot name
                continue;
            }
            Optional<String> key = put.getArguments().isEmpty() ? Optional.empty() : Literals.string(put.getArgument(0));
            if (key.isEmpty()) {
                complete = false;
                continue;
            }
            out.add(new KeyAccess(Locations.of(source, put.getArgument(0)), NAMESPACE, key.get(), KeyAccess.Access.WRITE, agent));
        }
        return complete;
    }

    /** The variable, field or method a built agent is stored in or returned from. */
    private static Optional<String> symbolOf(MethodCallExpr build) {
        Node n = build;
        while (n.getParentNode().isPresent()) {
            Node p = n.getParentNode().get();
            if (p instanceof VariableDeclarator v) return Optional.of(scopeOf(v) + v.getNameAsString());
            if (p instanceof ReturnStmt) return p.findAncestor(MethodDeclaration.class).map(m -> m.getNameAsString() + "()");
            if (!(p instanceof CastExpr || p instanceof EnclosedExpr)) return Optional.empty();
            n = p;
        }
        return Optional.empty();
    }

    /** Locals are keyed by their method, so two methods may both call their agent {@code critic}. */
    private static String scopeOf(Node n) {
        return n.findAncestor(MethodDeclaration.class).map(m -> m.getNameAsString() + ":").orElse("");
    }

    private static Optional<String> resolve(Expression e, Map<String, Built> bySymbol) {
        if (e instanceof NameExpr n) {
            Built local = bySymbol.get(scopeOf(n) + n.getNameAsString());
            if (local == null) local = bySymbol.get(n.getNameAsString());
            // a Spring @Bean parameter named after the @Bean method that builds the agent
            if (local == null) local = bySymbol.get(n.getNameAsString() + "()");
            if (local != null) return Optional.of(local.id());
        }
        if (e instanceof MethodCallExpr m && m.getScope().isEmpty() && bySymbol.containsKey(m.getNameAsString() + "()")) {
            return Optional.of(bySymbol.get(m.getNameAsString() + "()").id());
        }
        if (e instanceof MethodCallExpr m && m.getNameAsString().equals("build")) {
            Expression x = m;
            while (x instanceof MethodCallExpr c && c.getScope().isPresent()) {
                if (c.getNameAsString().equals("name") && c.getArguments().size() == 1) {
                    Optional<String> s = Literals.string(c.getArgument(0));
                    if (s.isPresent()) return Optional.of(PREFIX + s.get());
                }
                x = c.getScope().get();
            }
        }
        return Optional.empty();
    }

    private void readAgent(ParsedSource source, Imports imports, Built b, Map<String, Built> bySymbol, HandoffGraph.Builder graph) {
        CallChain chain = b.chain();
        boolean workflow = WORKFLOWS.contains(b.className());
        boolean schema = chain.has("outputSchema");
        String outputType = workflow ? null : schema ? "Map<String,Object>" : "String";
        graph.agent(new AgentNode(b.id(), b.name(), Framework.GOOGLE_ADK, workflow ? AgentNode.Kind.COMPOSITE : AgentNode.Kind.LLM,
                outputType, b.location()));

        chain.first("outputKey").filter(c -> c.getArguments().size() == 1).ifPresent(c -> Literals.string(c.getArgument(0))
                .ifPresent(key -> graph.fact(new KeyAccess(Locations.of(source, c.getArgument(0)), NAMESPACE, key,
                        KeyAccess.Access.WRITE, b.id()))));
        chain.first("instruction").filter(c -> c.getArguments().size() == 1).ifPresent(c -> {
            StringBuilder all = new StringBuilder();
            boolean injected = !isInstructionProvider(c.getArgument(0));
            for (TextPart part : textParts(c.getArgument(0))) {
                all.append(part.text()).append('\n');
                if (injected) stateReads(source, part, b.id(), graph);
            }
            graph.fact(new InstructionText(Locations.of(source, c.getName()), b.id(), all.toString(),
                    StructureRequest.asked(all), schema));
        });
        // a root agent's global instruction is injected the same way, for it and every agent below it
        chain.first("globalInstruction").filter(c -> c.getArguments().size() == 1 && !isInstructionProvider(c.getArgument(0)))
                .ifPresent(c -> textParts(c.getArgument(0)).forEach(part -> stateReads(source, part, b.id(), graph)));
        if (schema) {
            boolean checked = chain.has("afterAgentCallback") || chain.has("afterAgentCallbackSync");
            MethodCallExpr c = chain.first("outputSchema").get();
            graph.fact(new ReceiveSite(Locations.of(source, c.getName()), null, b.id(), "LlmAgent.outputSchema", "Map<String,Object>",
                    checked, null));
        }
        List<String> members = subAgents(chain, bySymbol);
        if (!workflow && !members.isEmpty()) {
            // an LlmAgent's sub-agents are transfer targets: the one the model hands over to answers the caller itself
            graph.fact(new Composition(b.location(), b.id(), "LlmAgent", members));
        }
        if (workflow) {
            graph.fact(new Composition(b.location(), b.id(), b.className(), members));
            graph.chain(new Chain(b.id(), b.name(), Framework.GOOGLE_ADK, List.copyOf(members), b.location()));
            if (b.className().equals("ParallelAgent")) graph.fact(new ParallelGroup(b.location(), b.id(), List.copyOf(members)));
            if (b.className().equals("LoopAgent")) {
                Optional<MethodCallExpr> max = chain.first("maxIterations");
                OptionalInt bound = max.filter(m -> m.getArguments().size() == 1).flatMap(m -> Literals.integer(m.getArgument(0)))
                        .map(OptionalInt::of).orElse(OptionalInt.empty());
                graph.fact(new RetrySite(b.location(), b.id(), "LoopAgent", bound, max.isPresent()));
            }
        }
        for (MethodCallExpr cb : chain.calls()) {
            String n = cb.getNameAsString();
            if ((n.startsWith("onModelErrorCallback") || n.startsWith("onToolErrorCallback")) && cb.getArguments().size() == 1) {
                graph.fact(new ErrorHandlerSite(Locations.of(source, cb.getName()), b.id(), n.replace("Sync", ""),
                        CallbackOutcome.of(cb.getArgument(0))));
            }
        }
        for (MethodCallExpr t : chain.all("tools")) {
            for (Expression arg : t.getArguments()) readTool(source, imports, arg, b.id(), bySymbol, graph, 0);
        }
    }

    /**
     * {@code instruction(Instruction.Provider)} or a lambda: ADK passes the text it returns to the model as it is
     * ({@code bypassStateInjection}), so braces in it are no placeholders. A String instruction (a literal, a
     * concatenation, a {@code String.format}) is an {@code Instruction.Static} and is injected.
     */
    private static boolean isInstructionProvider(Expression e) {
        if (e instanceof LambdaExpr || e instanceof MethodReferenceExpr) return true;
        if (e instanceof ObjectCreationExpr o) return o.getType().getNameAsString().equals("Provider");
        if (e instanceof NameExpr n) {
            Optional<LocalTypes.Declaration> d = LocalTypes.of(n);
            if (d.isPresent() && d.get().type() != null && Imports.simpleName(d.get().type()).matches("Instruction|Provider|Instruction\\.Provider")) {
                return true;
            }
            return d.isPresent() && d.get().initializer() != null && isInstructionProvider(d.get().initializer());
        }
        return false;
    }

    /**
     * The session-state keys an instruction's text reads, as ADK injects them. A required {@code {key}}
     * is a read (missing, it fails the model call); an optional {@code {key?}} and a key of the
     * {@code app:}/{@code user:} scopes (state earlier sessions may have written) are soft reads: they count
     * as reading what is written, but their absence is no error.
     */
    private static void stateReads(ParsedSource source, TextPart part, String agent, HandoffGraph.Builder graph) {
        for (Placeholders.StatePlaceholder p : Placeholders.adkState(part.text())) {
            Location at = part.locationOf(source, p.offset());
            if (p.optional() || p.crossSession()) graph.fact(new SoftRead(at, agent, p.name()));
            else graph.fact(new KeyAccess(at, NAMESPACE, p.name(), KeyAccess.Access.READ, agent));
        }
    }

    private static List<String> subAgents(CallChain chain, Map<String, Built> bySymbol) {
        List<String> members = new ArrayList<>();
        for (MethodCallExpr s : chain.all("subAgents")) {
            for (Expression a : s.getArguments()) {
                if (a instanceof MethodCallExpr list && Set.of("of", "asList", "copyOf").contains(list.getNameAsString())) {
                    for (Expression x : list.getArguments()) resolve(x, bySymbol).ifPresent(members::add);
                } else {
                    resolve(a, bySymbol).ifPresent(members::add);
                }
            }
        }
        return members;
    }

    /**
     * {@code PlannerAgent.builder().planner(p).subAgents(..)} (google-adk-planners): the planner decides which
     * sub-agent runs. A {@code GoalOrientedPlanner(goal, metadata)} runs only the agents whose output key the
     * goal needs, so the goal, when a literal, is read by the planner's caller.
     */
    private void readPlanner(ParsedSource source, Imports imports, Built b, Map<String, Built> bySymbol, HandoffGraph.Builder graph) {
        List<String> members = subAgents(b.chain(), bySymbol);
        Optional<ObjectCreationExpr> goap = b.chain().first("planner").filter(c -> c.getArguments().size() == 1)
                .map(c -> c.getArgument(0)).filter(ObjectCreationExpr.class::isInstance).map(ObjectCreationExpr.class::cast)
                .filter(o -> o.getType().getNameAsString().equals("GoalOrientedPlanner"));
        graph.fact(new Composition(b.location(), b.id(), goap.isPresent() ? "GoalOrientedPlanner" : PLANNER, members));
        // a goal no AgentMetadata produces fails the planning ("Cannot resolve dependency"); one that is produced
        // is already read through its metadata entry
        Set<String> produced = new java.util.HashSet<>();
        source.unit().findAll(ObjectCreationExpr.class, x -> x.getType().getNameAsString().equals("AgentMetadata") && x.getArguments().size() >= 3)
                .forEach(x -> Literals.string(x.getArgument(2)).ifPresent(produced::add));
        goap.filter(o -> !o.getArguments().isEmpty()).flatMap(o -> Literals.string(o.getArgument(0)).filter(goal -> !produced.contains(goal))
                        .map(goal -> new KeyAccess(Locations.of(source, o.getArgument(0)), NAMESPACE, goal, KeyAccess.Access.READ, PLAN_READER)))
                .ifPresent(graph::fact);
    }

    /**
     * {@code new AgentMetadata(agent, inputKeys, outputKey)}: the goal-oriented planner runs {@code agent} after
     * the agents writing its input keys, and only when its output key is the goal or another agent's input.
     * The input keys are that agent's reads; the output key is read by the planner (an agent nobody needs is
     * never run, so its write is never lost).
     */
    private void readAgentMetadata(ParsedSource source, CompilationUnit unit, Imports imports, HandoffGraph.Builder graph) {
        for (ObjectCreationExpr o : unit.findAll(ObjectCreationExpr.class, x -> x.getType().getNameAsString().equals("AgentMetadata")
                && x.getArguments().size() >= 3)) {
            if (!imports.refersTo("AgentMetadata", "com.google.adk.planner.goap.AgentMetadata")) continue;
            Optional<String> agent = Literals.string(o.getArgument(0));
            if (agent.isEmpty()) continue;
            String id = PREFIX + agent.get();
            for (Expression key : listElements(o.getArgument(1), 0)) {
                Literals.string(key).ifPresent(k -> {
                    Location at = Locations.of(source, key);
                    graph.fact(new KeyAccess(at, NAMESPACE, k, KeyAccess.Access.READ, id));
                    graph.fact(new PlannedRead(at, id, k));
                });
            }
            Literals.string(o.getArgument(2)).ifPresent(k -> graph.fact(new KeyAccess(Locations.of(source, o.getArgument(2)),
                    NAMESPACE, k, KeyAccess.Access.READ, PLAN_READER)));
        }
    }

    private static List<Expression> listElements(Expression e, int depth) {
        if (depth > 2) return List.of();
        if (e instanceof MethodCallExpr m && Set.of("of", "asList", "copyOf").contains(m.getNameAsString())) return m.getArguments();
        if (e instanceof NameExpr n) {
            return LocalTypes.of(n).map(LocalTypes.Declaration::initializer).filter(i -> i != null)
                    .map(i -> listElements(i, depth + 1)).orElse(List.of());
        }
        return List.of();
    }

    private void readTool(ParsedSource source, Imports imports, Expression arg, String agent, Map<String, Built> bySymbol,
                          HandoffGraph.Builder graph, int depth) {
        if (depth > 3) return;
        if (arg instanceof NameExpr n) {
            LocalTypes.of(n).map(LocalTypes.Declaration::initializer).ifPresent(init ->
                    readTool(source, imports, init, agent, bySymbol, graph, depth + 1));
            return;
        }
        if (arg instanceof MethodCallExpr list && Set.of("of", "asList", "copyOf").contains(list.getNameAsString())) {
            // ImmutableList.of(tool, tool), List.of(..), Arrays.asList(..)
            for (Expression a : list.getArguments()) readTool(source, imports, a, agent, bySymbol, graph, depth + 1);
            return;
        }
        if (arg instanceof MethodCallExpr helper && helper.getScope().isEmpty() && !helper.getNameAsString().equals("create")) {
            // tools(buildTools()): the tools a helper method of the same class creates
            helper.findAncestor(TypeDeclaration.class).ifPresent(t -> {
                for (MethodDeclaration md : ((TypeDeclaration<?>) t).getMethodsByName(helper.getNameAsString())) {
                    md.getBody().ifPresent(b -> b.findAll(MethodCallExpr.class, c -> c.getNameAsString().equals("create")
                            && c.getScope().isPresent()).forEach(c -> readTool(source, imports, c, agent, bySymbol, graph, depth + 1)));
                }
            });
            return;
        }
        if (!(arg instanceof MethodCallExpr m) || !m.getNameAsString().equals("create") || m.getScope().isEmpty()) return;
        String factory = m.getScope().get().toString();
        Location loc = Locations.of(source, m);
        if (factory.equals("AgentTool") && m.getArguments().size() >= 1) {
            // AgentTool runs the agent in a session seeded with the caller's state, copies its state changes back,
            // and returns its final text to the calling model as the tool result (the edge is made in link, once
            // the wrapped agent's outputSchema is known)
            resolve(m.getArgument(0), bySymbol).ifPresent(sub -> graph.fact(new Composition(loc, agent, "AgentTool", List.of(sub))));
            return;
        }
        boolean longRunning = factory.equals("LongRunningFunctionTool");
        if (!longRunning && !factory.equals("FunctionTool")) return;
        if (m.getArguments().size() < 2) return;
        Optional<String> method = Literals.string(m.getArgument(1));
        if (method.isEmpty()) return;
        boolean confirm = m.getArguments().size() >= 3 && m.getArgument(2) instanceof BooleanLiteralExpr bl && bl.getValue();
        String owner = ownerType(m.getArgument(0), m);
        String toolId = "adk-tool:" + (owner == null ? "?" : owner) + "#" + method.get();
        String returns = owner == null ? null : findMethod(source.unit(), owner, method.get()).map(d -> d.getType().asString()).orElse(null);
        graph.agent(new AgentNode(toolId, method.get(), Framework.GOOGLE_ADK, AgentNode.Kind.TOOL, returns, loc));
        // a tool result is the Java method's return value, which ADK serialises into the function response: code's
        // output, typed by the method's signature, not a model's prose that can drift
        graph.edge(new Edge(toolId + "->" + agent, toolId, agent, Edge.Channel.TOOL, null, PayloadKind.TYPED,
                new ContractRef(returns, null, loc), null, Set.of(Edge.Use.INTERPOLATED), loc));
        if (confirm || longRunning) {
            // ADK pauses the invocation durably and resumes it with the client's answer: no thread waits
            graph.fact(new HumanStep(loc, agent, confirm ? "requireConfirmation" : "LongRunningFunctionTool", true, false,
                    true, false));
        }
        Optional<MethodDeclaration> body = owner == null ? Optional.empty() : findMethod(source.unit(), owner, method.get());
        if (SideEffectVerbs.isSideEffecting(method.get(), body.map(d -> d.getParameters().size()).orElse(1))
                || body.flatMap(dev.baton.linter.frontend.javasyntax.SideEffects::of).isPresent()) {
            boolean guarded = body.map(SideEffectVerbs::guarded).orElse(false);
            // attributed to the agent that calls the tool: that agent is what chains, loops and retries contain
            graph.fact(new SideEffect(body.map(d -> Locations.of(source, d.getName())).orElse(loc), agent, method.get(), guarded));
        }
    }

    private static String ownerType(Expression e, Node at) {
        if (e instanceof ClassExpr c) return c.getTypeAsString();
        if (e instanceof ObjectCreationExpr o) return o.getTypeAsString();
        if (e instanceof ThisExpr) return at.findAncestor(TypeDeclaration.class).map(t -> t.getNameAsString()).orElse(null);
        return LocalTypes.of(e).map(LocalTypes.Declaration::type).orElse(null);
    }

    private static Optional<MethodDeclaration> findMethod(CompilationUnit unit, String type, String name) {
        String simple = Imports.simpleName(type);
        for (TypeDeclaration<?> t : unit.findAll(TypeDeclaration.class)) {
            if (!t.getNameAsString().equals(simple)) continue;
            for (MethodDeclaration m : t.getMethodsByName(name)) return Optional.of(m);
        }
        return Optional.empty();
    }

    /** Reads and writes of session state in code: {@code state().get("k")}, {@code state().put("k", v)}. */
    private void readStateAccess(ParsedSource source, CompilationUnit unit, HandoffGraph.Builder graph) {
        for (MethodDeclaration method : unit.findAll(MethodDeclaration.class)) {
            if (method.getBody().isEmpty()) continue;
            String agent = codeAgent(method);
            boolean any = false;
            for (MethodCallExpr c : method.getBody().get().findAll(MethodCallExpr.class)) {
                Optional<String> key = stateKey(c, "get");
                if (key.isPresent()) {
                    graph.fact(new KeyAccess(Locations.of(source, c), NAMESPACE, key.get(), KeyAccess.Access.READ, agent));
                    any = true;
                }
                Optional<String> put = stateKey(c, "put");
                if (put.isPresent()) {
                    graph.fact(new KeyAccess(Locations.of(source, c), NAMESPACE, put.get(), KeyAccess.Access.WRITE, agent));
                }
                if (readWhole(c)) graph.fact(new KeyAccess(Locations.of(source, c), NAMESPACE, OPEN_KEY, KeyAccess.Access.READ, agent));
                if (c.getNameAsString().equals("putAll") && c.getArguments().size() == 1
                        && c.getScope().orElse(null) instanceof MethodCallExpr s && isStateMap(s)) {
                    // state().putAll(map): the map's keys when the source spells them out, else keys nobody can name
                    List<KeyAccess> keys = new ArrayList<>();
                    boolean complete = seededKeys(source, c.getArgument(0), agent, keys, 0);
                    keys.forEach(graph::fact);
                    if (!complete) graph.fact(new KeyAccess(Locations.of(source, c), NAMESPACE, OPEN_KEY, KeyAccess.Access.WRITE, agent));
                }
            }
            if (!any) continue;
            OutputFlow.Result flow = OutputFlow.analyze(method.getBody().get(), new OutputFlow.Resolver() {
                @Override
                public Optional<OutputFlow.Producer> producerOf(Expression e) {
                    return e instanceof MethodCallExpr c ? stateKey(c, "get").map(k -> new OutputFlow.Producer("key:" + k, "Object"))
                            : Optional.empty();
                }

                @Override
                public Optional<String> consumerOf(MethodCallExpr call) {
                    return Optional.empty();
                }
            });
            for (OutputFlow.Decision d : flow.decisions()) {
                graph.fact(new OutputDecision(Locations.of(source, d.node()), d.producer().agent(), d.producer().javaType(),
                        d.operation(), d.node().toString()));
            }
        }
    }

    private static String codeAgent(MethodDeclaration method) {
        Optional<TypeDeclaration> owner = method.findAncestor(TypeDeclaration.class);
        String type = owner.isPresent() ? owner.get().getFullyQualifiedName().map(Object::toString).orElse("?").toString() : "?";
        return "adk-code:" + type + "#" + method.getNameAsString();
    }

    private static Optional<String> stateKey(MethodCallExpr c, String op) {
        if (!c.getNameAsString().equals(op) || c.getArguments().isEmpty()) return Optional.empty();
        if (!(c.getScope().orElse(null) instanceof MethodCallExpr s) || !isStateMap(s)) return Optional.empty();
        return Literals.string(c.getArgument(0));
    }

    /** {@code x.state()} or {@code x.stateDelta()}: the session state, or one event's changes to it. */
    private static boolean isStateMap(MethodCallExpr s) {
        return (s.getNameAsString().equals("state") || s.getNameAsString().equals("stateDelta")) && s.getArguments().isEmpty();
    }

    /**
     * State read whole: iterated ({@code entrySet()}, {@code keySet()}, {@code values()}, {@code forEach}) or copied,
     * typically to show a run's results in a UI or return them to a caller. Any key may be read there.
     */
    private static boolean readWhole(MethodCallExpr s) {
        if (!isStateMap(s)) return false;
        Node parent = s.getParentNode().orElse(null);
        if (parent instanceof MethodCallExpr p && p.getScope().map(x -> x == s).orElse(false)) {
            return Set.of("entrySet", "keySet", "values", "forEach").contains(p.getNameAsString());
        }
        if (parent instanceof MethodCallExpr p && p.getArguments().contains(s)) {
            return Set.of("putAll", "copyOf", "writeValueAsString", "valueToTree", "convertValue").contains(p.getNameAsString());
        }
        if (parent instanceof ObjectCreationExpr) return true;
        return parent instanceof ReturnStmt;
    }

    /** {@code toolContext.requestConfirmation(..)} inside a tool, and how the human's payload is used. */
    private void readToolContexts(ParsedSource source, CompilationUnit unit, HandoffGraph.Builder graph) {
        for (MethodDeclaration method : unit.findAll(MethodDeclaration.class)) {
            if (method.getBody().isEmpty()) continue;
            List<MethodCallExpr> requests = method.getBody().get().findAll(MethodCallExpr.class,
                    c -> c.getNameAsString().equals("requestConfirmation"));
            if (requests.isEmpty()) continue;
            boolean payloadUnchecked = method.getBody().get().findAll(MethodCallExpr.class,
                    c -> c.getNameAsString().equals("payload") && c.getArguments().isEmpty()).stream().anyMatch(AdkFrontend::usedUnchecked);
            String type = method.findAncestor(TypeDeclaration.class).map(t -> t.getNameAsString()).orElse("?");
            for (MethodCallExpr r : requests) {
                // requestConfirmation only records a request in the event's actions and returns: unlike a
                // signal that is thrown, a catch-all around it swallows nothing of the human step
                graph.fact(new HumanStep(Locations.of(source, r), "adk-tool:" + type + "#" + method.getNameAsString(),
                        "requestConfirmation", true, false, !payloadUnchecked, false));
            }
        }
    }

    /** A confirmation payload ({@code Object}) cast or passed on with no {@code instanceof} or validation before it. */
    private static boolean usedUnchecked(MethodCallExpr payload) {
        MethodDeclaration m = payload.findAncestor(MethodDeclaration.class).orElse(null);
        if (m == null) return false;
        String body = SideEffectVerbs.code(m);
        if (body.contains("instanceof") || body.contains("validate") || body.contains("receive(") || body.contains("receiveOrThrow(")) {
            return false;
        }
        return payload.getParentNode().orElse(null) instanceof CastExpr
                || payload.getParentNode().orElse(null) instanceof MethodCallExpr
                || payload.getParentNode().orElse(null) instanceof VariableDeclarator;
    }

    @Override
    public void link(List<ParsedSource> sources, HandoffGraph.Builder graph) {
        List<KeyAccess> accesses = new ArrayList<>();
        Map<String, InstructionText> instructions = new LinkedHashMap<>();
        Set<String> decided = new java.util.HashSet<>();
        List<SoftRead> soft = new ArrayList<>();
        List<Composition> compositions = new ArrayList<>();
        Set<String> planned = new java.util.HashSet<>();
        for (var f : graph.facts()) {
            if (f instanceof KeyAccess k && k.namespace().equals(NAMESPACE)) accesses.add(k);
            if (f instanceof InstructionText t) instructions.put(t.agent(), t);
            if (f instanceof OutputDecision d && d.producer().startsWith("key:")) decided.add(d.producer().substring(4));
            if (f instanceof SoftRead r) soft.add(r);
            if (f instanceof Composition c) compositions.add(c);
            if (f instanceof PlannedRead r) planned.add(r.location() + "|" + r.key());
        }
        Set<String> written = new java.util.HashSet<>();
        for (KeyAccess k : accesses) if (k.access() == KeyAccess.Access.WRITE && !k.key().equals(OPEN_KEY)) written.add(k.key());
        List<KeyAccess> added = new ArrayList<>();
        for (SoftRead r : soft) {
            // an optional or cross-session key read where the key (or a near miss of it) is written: wired, or misspelt
            if (written.contains(r.key()) || written.stream().anyMatch(w -> KeyNames.nearMiss(w, r.key()))) {
                added.add(new KeyAccess(r.location(), NAMESPACE, r.key(), KeyAccess.Access.READ, r.agent()));
            }
        }
        Set<String> returned = Compositions.returnedToCaller(compositions, accesses);
        for (KeyAccess w : accesses) {
            if (w.access() == KeyAccess.Access.WRITE && returned.contains(w.agent()) && !w.key().equals(OPEN_KEY)) {
                added.add(new KeyAccess(w.location(), NAMESPACE, w.key(), KeyAccess.Access.READ, RESULT_READER));
            }
        }
        added.forEach(graph::fact);
        accesses.addAll(added);
        for (Composition c : compositions) {
            if (!c.kind().equals("AgentTool")) continue;
            String sub = c.members().get(0);
            // with an outputSchema the reply is validated against it and returned as its map; else {"result": text}
            boolean schema = graph.agent(sub).map(a -> "Map<String,Object>".equals(a.outputType())).orElse(false);
            graph.edge(new Edge(sub + "->" + c.parent(), sub, c.parent(), Edge.Channel.TOOL, null,
                    schema ? PayloadKind.TYPED : PayloadKind.PROSE, schema ? new ContractRef("Schema", null, c.location()) : null,
                    null, Set.of(Edge.Use.INTERPOLATED), c.location()));
        }
        Map<String, Edge> edges = new LinkedHashMap<>();
        for (KeyAccess w : accesses) {
            if (w.access() != KeyAccess.Access.WRITE || !w.agent().startsWith(PREFIX)) continue;
            InstructionText wi = instructions.get(w.agent());
            boolean schema = graph.agent(w.agent()).map(a -> "Map<String,Object>".equals(a.outputType())).orElse(false);
            for (KeyAccess r : accesses) {
                if (r.access() != KeyAccess.Access.READ || !r.key().equals(w.key()) || r.agent().equals(w.agent())) continue;
                // code that reads state (a custom agent) is not an edge: its decisions are OutputDecision facts;
                // a planner's dependency declaration orders agents, it puts nothing into a prompt
                boolean placeholder = r.agent().startsWith(PREFIX) && !planned.contains(r.location() + "|" + r.key());
                if (!placeholder) continue;
                EnumSet<Edge.Use> uses = EnumSet.noneOf(Edge.Use.class);
                if (placeholder) uses.add(Edge.Use.INTERPOLATED);
                if (wi != null && wi.asksForStructure()) uses.add(Edge.Use.STRUCTURE_REQUESTED);
                InstructionText ri = instructions.get(r.agent());
                if (decided.contains(w.key()) || (ri != null && branchesOn(ri.text(), w.key()))) uses.add(Edge.Use.BRANCHED);
                PayloadKind payload = schema ? PayloadKind.TYPED : PayloadKind.PROSE;
                ContractRef contract = schema ? new ContractRef("Schema", null, w.location()) : null;
                String id = w.agent() + "->" + r.agent() + ":" + w.key();
                edges.putIfAbsent(id, new Edge(id, w.agent(), r.agent(),
                        placeholder ? Edge.Channel.PROMPT_PLACEHOLDER : Edge.Channel.STATE_KEY, w.key(), payload, contract,
                        null, Set.copyOf(uses), r.location()));
            }
        }
        edges.values().forEach(graph::edge);
    }

    /** An instruction that decides on a placeholder's text: "if {verdict} is 'approved'", "when {status} equals". */
    static boolean branchesOn(String instruction, String key) {
        String k = Pattern.quote(key);
        return Pattern.compile("(?i)\\b(if|when|unless)\\b[^.\\n]{0,40}\\{\\{?" + k + "}}?\\s*(is|equals|==|says|contains|starts)")
                .matcher(instruction).find()
                || Pattern.compile("(?i)\\{\\{?" + k + "}}?\\s*(is|equals)\\s*(exactly\\s*)?['\"]").matcher(instruction).find();
    }

    /** A literal piece of instruction text and where it starts in the file. */
    private record TextPart(String text, Node node, boolean block) {
        Location locationOf(ParsedSource source, int offset) {
            Location start = Locations.of(source, node);
            int lines = 0;
            for (int i = 0; i < offset && i < text.length(); i++) if (text.charAt(i) == '\n') lines++;
            if (block) return new Location(start.file(), start.line() + 1 + lines, 1);
            return new Location(start.file(), start.line(), start.column());
        }
    }

    private static List<TextPart> textParts(Expression e) {
        List<TextPart> out = new ArrayList<>();
        if (e instanceof NameExpr n) {
            LocalTypes.of(n).map(LocalTypes.Declaration::initializer).ifPresent(init -> out.addAll(textParts(init)));
            return out;
        }
        e.walk(Expression.class, x -> {
            if (x instanceof StringLiteralExpr s) out.add(new TextPart(s.asString(), s, false));
            if (x instanceof TextBlockLiteralExpr t) out.add(new TextPart(t.asString(), t, true));
        });
        return out;
    }

    /** An optional {@code {key?}} or an {@code app:}/{@code user:} key in an instruction: read when written, absent harmlessly. */
    public record SoftRead(Location location, String agent, String key) implements dev.baton.linter.graph.Fact {
    }

    /** A key read declared in a goal-oriented planner's {@code AgentMetadata}: it orders agents, it fills no prompt. */
    public record PlannedRead(Location location, String agent, String key) implements dev.baton.linter.graph.Fact {
    }

    /**
     * How agents are put together: a workflow's or an LlmAgent's sub-agents (kind = the builder's class), a
     * {@code PlannerAgent} ({@code GoalOrientedPlanner} or another planner), an agent a model calls as a tool
     * ({@code AgentTool}: parent is the calling agent).
     */
    public record Composition(Location location, String parent, String kind, List<String> members)
            implements dev.baton.linter.graph.Fact {
    }

    /**
     * Per-agent instruction text, kept in the graph so that {@link #link} can pair writers and
     * readers without re-reading sources.
     *
     * @param asksForStructure whether the instruction asks for a format, fields or a verdict
     * @param outputSchema     whether the agent declares an {@code outputSchema}
     */
    public record InstructionText(Location location, String agent, String text, boolean asksForStructure,
                                  boolean outputSchema) implements dev.baton.linter.graph.Fact {
    }
}
