package dev.baton.linter.frontend.agentic;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.baton.linter.frontend.ParsedSource;
import dev.baton.linter.frontend.javasyntax.AgentPrompt;
import dev.baton.linter.frontend.javasyntax.Imports;
import dev.baton.linter.frontend.javasyntax.KeyNames;
import dev.baton.linter.frontend.javasyntax.Literals;
import dev.baton.linter.frontend.javasyntax.LocalTypes;
import dev.baton.linter.frontend.javasyntax.Locations;
import dev.baton.linter.frontend.javasyntax.OutputDecision;
import dev.baton.linter.frontend.javasyntax.OutputFlow;
import dev.baton.linter.graph.AgentNode;
import dev.baton.linter.graph.ContractRef;
import dev.baton.linter.graph.Edge;
import dev.baton.linter.graph.Fact;
import dev.baton.linter.graph.Framework;
import dev.baton.linter.graph.HandoffGraph;
import dev.baton.linter.graph.Location;
import dev.baton.linter.graph.PayloadKind;
import dev.baton.linter.graph.facts.KeyAccess;
import dev.baton.linter.graph.facts.ReceiveSite;
import dev.baton.linter.graph.facts.SwallowedFailure;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Cross-file work of the agentic frontend: keys written by whoever invokes an agent or agentic
 * system, decisions code takes on scope values, and the {@code STATE_KEY} edges between writers and
 * readers of each key.
 */
final class AgenticLinks {
    private AgenticLinks() {
    }

    static void link(List<ParsedSource> sources, HandoffGraph.Builder graph) {
        List<Fact> facts = graph.facts();
        List<AgenticKeyUse> raw = new ArrayList<>();
        for (Fact f : facts) if (f instanceof AgenticKeyUse u) raw.add(u);
        if (raw.isEmpty() && facts.stream().noneMatch(f -> f instanceof AgenticComposite)) return;
        TypedKeys typedKeys = TypedKeys.of(sources);
        List<AgenticKeyUse> uses = new ArrayList<>();
        for (AgenticKeyUse u : raw) {
            String key = typedKeys.keyOf(u);
            uses.add(key.equals(u.key()) ? u : new AgenticKeyUse(u.location(), key, u.access(), u.agent(), u.javaType(),
                    u.origin(), u.keyType(), u.instance()));
        }
        Programs programs = Programs.of(sources);
        templates(graph, facts, uses, programs);
        List<DecisionSpan> spans = new ArrayList<>();
        List<SwallowedFailure> swallowed = new ArrayList<>();
        List<OutputDecision> decisions = scopeDecisions(sources, graph, uses, typedKeys, MemberTypes.of(sources), spans, swallowed);
        decisions.forEach(graph::fact);
        swallowed.forEach(graph::fact);
        Scopes scopes = new Scopes(graph, facts, uses, programs, sources);
        scopes.build();
        edges(graph, scopes, spans, facts, programs);
        typedReturns(graph, facts, scopes, programs, sources);
    }

    private static final Set<String> TEXT_RESULTS = Set.of("String", "CharSequence", "void", "Void", "Object", "AiMessage",
            "boolean", "Boolean",
            "TokenStream", "Result", "ResultWithAgenticScope", "Response", "Flux", "Multi", "Uni", "Stream", "UserMessage",
            "ChatResponse", "Map", "JsonNode");

    /**
     * A model agent whose method returns a type (a record, a number, an enum) is a binding site: the framework
     * parses the reply into it. Unless the model is asked for a JSON-schema response format, only the prompt
     * (or an {@code @Description}) tells the model the shape, and the parse fills what is missing with
     * defaults. Reported where another agent or a condition of the scope acts on the value; a value handed
     * straight back to the caller is the caller's to check.
     */
    private static void typedReturns(HandoffGraph.Builder graph, List<Fact> facts, Scopes scopes, Programs programs,
                                     List<ParsedSource> sources) {
        Map<String, List<AgenticDeclaration>> declarations = new LinkedHashMap<>();
        for (Fact f : facts) if (f instanceof AgenticDeclaration d) declarations.computeIfAbsent(d.agent(), k -> new ArrayList<>()).add(d);
        Set<String> schemaModules = schemaModules(sources, programs);
        Map<String, List<ScopedUse>> byScope = new LinkedHashMap<>();
        for (ScopedUse u : scopes.scoped) byScope.computeIfAbsent(u.scope(), k -> new ArrayList<>()).add(u);
        Set<String> done = new HashSet<>();
        for (List<ScopedUse> inScope : byScope.values()) {
            for (ScopedUse w : inScope) {
                if (w.access() != KeyAccess.Access.WRITE || w.agent().startsWith("caller:")
                        || w.use().origin() != AgenticKeyUse.Origin.OUTPUT_KEY) continue;
                Optional<AgentNode> agent = graph.agent(w.agent());
                if (agent.isEmpty() || agent.get().kind() != AgentNode.Kind.LLM || !bound(agent.get().outputType())) continue;
                boolean actedOn = inScope.stream().anyMatch(r -> r.access() == KeyAccess.Access.READ && r.use().key().equals(w.use().key())
                        && !r.agent().equals(w.agent()) && !r.agent().startsWith("caller:") && !r.agent().startsWith("code:")

                        && r.use().origin() != AgenticKeyUse.Origin.COMPOSITE_OUTPUT && r.use().origin() != AgenticKeyUse.Origin.PLACEHOLDER
                        // a read with a default (readState(key, fallback)) expects the value may be anything or nothing
                        && r.use().origin() != AgenticKeyUse.Origin.STATE_WITH_DEFAULT);
                // a person reviewing the value in the same run is its receiving-side check
                boolean reviewed = inScope.stream().anyMatch(r -> r.access() == KeyAccess.Access.READ && r.use().key().equals(w.use().key())
                        && graph.agent(r.agent()).map(a -> a.kind() == AgentNode.Kind.HUMAN).orElse(false));
                if (!actedOn || reviewed) continue;
                String module = programs.module(w.use().location().file());
                AgenticDeclaration d = null;
                for (AgenticDeclaration x : declarations.getOrDefault(w.agent(), List.of())) {
                    String m = programs.module(x.location().file());
                    if (m.equals(module) || d == null && programs.visible(module).contains(m)) d = x;
                }
                if (d == null) continue;
                String declModule = programs.module(d.location().file());
                boolean schema = schemaModules.contains(declModule) || programs.visible(module).stream().anyMatch(schemaModules::contains);
                if (!done.add(d.location().toString())) continue;
                graph.fact(new ReceiveSite(d.location(), w.agent(), w.agent(), schema ? "@Agent return (JSON-schema response format)"
                        : "@Agent return (format asked in the prompt only)", agent.get().outputType(), schema, null));
            }
        }
    }

    /** Whether the framework must parse the model's reply into this return type. */
    private static boolean bound(String type) {
        if (type == null) return false;
        String t = type.trim();
        String outer = Imports.simpleName(t.contains("<") ? t.substring(0, t.indexOf('<')) : t);
        if (TEXT_RESULTS.contains(outer)) return false;
        // a list of strings is split from the text, not bound
        if (t.contains("<") && Imports.simpleName(t.substring(t.indexOf('<') + 1, t.lastIndexOf('>') < 0 ? t.length() : t.lastIndexOf('>')).trim()).equals("String")) {
            return false;
        }
        return true;
    }

    /**
     * Modules that ask a chat model for a JSON-schema response format ({@code supportedCapabilities(RESPONSE_FORMAT_JSON_SCHEMA)},
     * {@code responseFormat("json_schema")}, {@code strictJsonSchema(true)}): there the model's reply is held to the
     * schema of the return type.
     */
    private static Set<String> schemaModules(List<ParsedSource> sources, Programs programs) {
        Set<String> out = new HashSet<>();
        for (ParsedSource s : sources) {
            for (MethodCallExpr m : s.unit().findAll(MethodCallExpr.class)) {
                String n = m.getNameAsString();
                if (!n.equals("supportedCapabilities") && !n.equals("responseFormat") && !n.equals("strictJsonSchema")) continue;
                String args = m.getArguments().toString().toLowerCase(java.util.Locale.ROOT);
                if (args.contains("json_schema") || n.equals("strictJsonSchema") && args.contains("true")) {
                    out.add(programs.module(s.path()));
                }
            }
        }
        return out;
    }

    /**
     * Template variables are filled from the agent method's arguments only, never straight from the
     * scope: a variable no parameter binds fails every run. Recorded in the method's own template
     * namespace, where only its parameters (by the names the framework gives them) write.
     */
    private static void templates(HandoffGraph.Builder graph, List<Fact> facts, List<AgenticKeyUse> uses, Programs programs) {
        // an agent's own parameters, by agent: looked up once per declaration, not searched for in every use
        Map<String, List<AgenticKeyUse>> parameters = new HashMap<>();
        for (AgenticKeyUse u : uses) {
            if (u.origin() == AgenticKeyUse.Origin.PARAMETER && u.instance() == null) {
                parameters.computeIfAbsent(u.agent(), k -> new ArrayList<>()).add(u);
            }
        }
        for (Fact f : facts) {
            if (!(f instanceof AgenticDeclaration d) || d.templateAnchor() == null || d.variables().isEmpty()) continue;
            Set<String> bound = new LinkedHashSet<>();
            for (AgenticKeyUse u : parameters.getOrDefault(d.agent(), List.of())) {
                if (u.location().file().equals(d.location().file())) bound.add(u.key());
            }
            String ns = AgenticFrontend.TEMPLATE_NAMESPACE + d.agent() + "@" + programs.module(d.location().file());
            Set<String> unbound = new LinkedHashSet<>();
            for (int i = 0; i < d.variables().size(); i++) {
                String v = d.variables().get(i);
                if (bound.contains(v)) continue;
                unbound.add(v);
                Location at = i < d.variableAt().size() ? d.variableAt().get(i) : d.templateAnchor();
                graph.fact(new KeyAccess(at, ns, v, KeyAccess.Access.READ, d.agent()));
            }
            for (String b : bound) {
                if (unbound.stream().anyMatch(u -> KeyNames.nearMiss(b, u))) {
                    graph.fact(new KeyAccess(d.templateAnchor(), ns, b, KeyAccess.Access.WRITE, "caller:" + d.agent()));
                }
            }
        }
    }

    /** One key access inside one scope: what the scoped KeyAccess facts and the edges are made of. */
    record ScopedUse(String scope, AgenticKeyUse use, KeyAccess.Access access, String agent) {
    }

    /**
     * The scopes of a program: each root composite (one no other composite runs) with every agent and
     * composite nested in it shares one AgenticScope at run time. Keys match only inside one scope;
     * agents no composite runs (built and called on their own, or never built) take their inputs from
     * their caller and hand their output back to it, so they are in no scope.
     */
    static final class Scopes {
        private final HandoffGraph.Builder graph;
        private final List<Fact> facts;
        private final List<AgenticKeyUse> uses;
        private final Programs programs;
        private final List<ParsedSource> sources;
        /** node = module|id */
        private final Map<String, AgenticComposite> composites = new LinkedHashMap<>();
        private final Map<String, Set<String>> declaredModules = new HashMap<>();
        private final Map<String, List<AgenticKeyUse>> typeUses = new HashMap<>();
        private final Map<String, List<AgenticKeyUse>> instanceUses = new HashMap<>();
        private final Map<String, List<String>> faceOf = new HashMap<>();
        final List<ScopedUse> scoped = new ArrayList<>();

        Scopes(HandoffGraph.Builder graph, List<Fact> facts, List<AgenticKeyUse> uses, Programs programs, List<ParsedSource> sources) {
            this.graph = graph;
            this.facts = facts;
            this.uses = uses;
            this.programs = programs;
            this.sources = sources;
        }

        private String module(dev.baton.linter.graph.Location l) {
            return programs.module(l.file());
        }

        /** The node an id names from a module: its declaration there, else in a module it uses. */
        private String node(String module, String id) {
            Set<String> declared = declaredModules.getOrDefault(id, Set.of());
            if (declared.contains(module)) return module + "|" + id;
            for (String m : programs.visible(module)) if (declared.contains(m)) return m + "|" + id;
            return module + "|" + id;
        }

        private static String idOf(String node) {
            return node.substring(node.indexOf('|') + 1);
        }

        void build() {
            for (Fact f : facts) {
                if (f instanceof AgenticDeclaration d) declaredModules.computeIfAbsent(d.agent(), k -> new LinkedHashSet<>()).add(module(d.location()));
            }
            for (Fact f : facts) {
                if (f instanceof AgenticComposite c) {
                    String n = module(c.location()) + "|" + c.id();
                    composites.putIfAbsent(n, c);
                    if (c.face() != null && !c.face().equals(c.id())) faceOf.computeIfAbsent(n, k -> new ArrayList<>()).add(node(module(c.location()), c.face()));
                }
            }
            for (AgenticKeyUse u : uses) {
                if (u.agent().startsWith("caller:") || u.agent().startsWith("code:")) continue;
                String module = module(u.location());
                if (u.instance() != null) {
                    instanceUses.computeIfAbsent(node(module, u.agent()) + "@" + u.instance(), k -> new ArrayList<>()).add(u);
                } else {
                    String agent = u.agent();
                    int hash = agent.indexOf('#');
                    // a condition or @Output method of a declarative composite belongs to it
                    String owner = hash > 0 && agent.startsWith("lc4j:") ? agent.substring(0, hash) : agent;
                    // a class's @HumanInTheLoop method is the agent its class names as a sub-agent
                    if (hash > 0 && agent.startsWith("lc4j-human:")) owner = "lc4j:" + agent.substring("lc4j-human:".length(), hash);
                    typeUses.computeIfAbsent(node(module, owner), k -> new ArrayList<>()).add(u);
                }
            }
            Set<String> children = new HashSet<>();
            for (Map.Entry<String, AgenticComposite> e : composites.entrySet()) {
                String module = e.getKey().substring(0, e.getKey().indexOf('|'));
                for (String ref : e.getValue().subAgents()) children.add(node(module, ref(ref)));
            }
            Set<String> referenced = referencedTypes();
            for (Map.Entry<String, AgenticComposite> e : composites.entrySet()) {
                if (children.contains(e.getKey())) continue;
                AgenticComposite c = e.getValue();
                boolean declarative = c.id().equals(c.face());
                // a declarative composite nothing creates, injects or names is never run
                if (declarative && !referenced.contains(Imports.simpleName(c.id().substring("lc4j:".length())))) continue;
                root(e.getKey(), c);
            }
        }

        private static String ref(String ref) {
            int at = ref.indexOf('@');
            return at < 0 ? ref : ref.substring(0, at);
        }

        /** Simple names of the types some code names (a field, a parameter, a class literal) outside their own declaration. */
        private Set<String> referencedTypes() {
            Set<String> out = new HashSet<>();
            for (ParsedSource s : sources) {
                for (com.github.javaparser.ast.type.ClassOrInterfaceType t : s.unit().findAll(com.github.javaparser.ast.type.ClassOrInterfaceType.class)) {
                    String n = t.getNameAsString();
                    boolean inOwn = t.findAncestor(com.github.javaparser.ast.body.TypeDeclaration.class)
                            .map(d -> d.getNameAsString().equals(n)).orElse(false);
                    if (!inOwn) out.add(n);
                }
            }
            return out;
        }

        private List<AgenticKeyUse> callerUses;

        /** The uses by callers of a root and by plain code, in order: every root looks through them. */
        private List<AgenticKeyUse> callerUses() {
            if (callerUses == null) {
                callerUses = new ArrayList<>();
                for (AgenticKeyUse u : uses) {
                    if (u.agent().startsWith("caller:") || u.agent().startsWith("code:")) callerUses.add(u);
                }
            }
            return callerUses;
        }

        private void root(String rootNode, AgenticComposite root) {
            String scope = AgenticFrontend.NAMESPACE + "@" + rootNode;
            String rootModule = rootNode.substring(0, rootNode.indexOf('|'));
            List<ScopedUse> out = new ArrayList<>();
            member(scope, rootNode, null, null, true, out, new HashSet<>(), 0);
            // the caller of the root: the keys it passes in, and the code that reads the scope after the run
            for (AgenticKeyUse u : callerUses()) {
                boolean caller = u.agent().startsWith("caller:") && u.origin() == AgenticKeyUse.Origin.CALLER;
                boolean code = u.agent().startsWith("code:");
                if (!caller && !code) continue;
                String m = module(u.location());
                if (!programs.visible(m).contains(rootModule)) continue;
                if (caller && u.instance() != null && !u.instance().equals(root.id())) continue;
                if (code && u.access() == KeyAccess.Access.WRITE) {
                    out.add(new ScopedUse(scope, u, KeyAccess.Access.WRITE, "caller:" + u.location().file()));
                } else if (caller) {
                    out.add(new ScopedUse(scope, u, KeyAccess.Access.WRITE, u.agent()));
                } else {
                    // code reading the scope is a reader of what agents wrote; a key nobody writes is its own default
                    out.add(new ScopedUse(scope, u, KeyAccess.Access.READ, null));
                }
            }
            Set<String> written = new HashSet<>();
            for (ScopedUse x : out) if (x.access() == KeyAccess.Access.WRITE) written.add(x.use().key());
            if (root.observed()) {
                // a listener that takes every agent's output (to a UI, a stream) reads every key written here
                for (String k : written) {
                    out.add(new ScopedUse(scope, new AgenticKeyUse(root.location(), k, KeyAccess.Access.READ, root.id(), null,
                            AgenticKeyUse.Origin.STATE), KeyAccess.Access.READ, "caller:" + root.id()));
                }
            }
            boolean open = written.contains(AgenticFrontend.OPEN_KEY);
            for (ScopedUse x : out) {
                boolean optional = x.agent() == null || x.use().origin() == AgenticKeyUse.Origin.STATE_WITH_DEFAULT;
                if (optional && x.access() == KeyAccess.Access.READ && !written.contains(x.use().key())) continue;
                String agent = x.agent() == null ? x.use().agent() : x.agent();
                graph.fact(new KeyAccess(x.use().location(), scope, x.use().key(), x.access(), agent));
                scoped.add(new ScopedUse(scope, x.use(), x.access(), agent));
            }
        }

        /**
         * The accesses of one member of a scope. {@code parent} is the composite that runs it (null for the
         * root), {@code instance} the builder call it was made by, when known.
         */
        private void member(String scope, String node, String instance, AgenticComposite parent, boolean isRoot,
                            List<ScopedUse> out, Set<String> path, int depth) {
            if (depth > 16 || !path.add(node + "@" + instance)) return;
            String module = node.substring(0, node.indexOf('|'));
            AgenticComposite composite = composites.get(node);
            boolean supervised = parent != null && parent.kind().equals("supervisor");
            boolean mapped = parent != null && parent.kind().equals("parallelMapper");
            List<AgenticKeyUse> own = new ArrayList<>(typeUses.getOrDefault(node, List.of()));
            if (composite != null) for (String face : faceOf.getOrDefault(node, List.of())) own.addAll(typeUses.getOrDefault(face, List.of()));
            List<AgenticKeyUse> built = instance == null ? List.of() : instanceUses.getOrDefault(node + "@" + instance, List.of());
            boolean overridden = built.stream().anyMatch(u -> u.origin() == AgenticKeyUse.Origin.OUTPUT_KEY);
            if (overridden) own.removeIf(u -> u.origin() == AgenticKeyUse.Origin.OUTPUT_KEY);
            own.addAll(built);
            if (instance == null && composite == null) {
                // an agent whose builder call is not known here: any of its builders' keys may be the ones it uses;
                // they answer reads but are not reported unread
                for (Map.Entry<String, List<AgenticKeyUse>> e : instanceUses.entrySet()) {
                    if (!e.getKey().startsWith(node + "@")) continue;
                    for (AgenticKeyUse u : e.getValue()) out.add(new ScopedUse(scope, u, u.access(), "caller:" + u.agent()));
                }
            }
            boolean firstParameter = true;
            for (AgenticKeyUse u : own) {
                switch (u.origin()) {
                    case CALLER -> {
                    }
                    case PLACEHOLDER -> {
                        // a template variable no parameter binds is also a read of the scope key it names, so that a
                        // key written under a near-miss of it is reported once, at the variable
                        boolean bound = own.stream().anyMatch(p -> p.origin() == AgenticKeyUse.Origin.PARAMETER
                                && p.agent().equals(u.agent()) && p.key().equals(u.key()));
                        if (!bound) out.add(new ScopedUse(scope, u, KeyAccess.Access.READ, u.agent()));
                    }
                    case PARAMETER -> {
                        boolean compositeParameter = composite != null && !u.agent().contains("#");
                        if (supervised) {
                            // the supervisor's model chooses the arguments and writes them to the scope
                            out.add(new ScopedUse(scope, u, KeyAccess.Access.WRITE, "caller:" + parent.id()));
                        } else if (mapped && firstParameter && !u.agent().contains("#")) {
                            // the parallel mapper hands each item to the sub-agent's first argument
                        } else if (isRoot && compositeParameter) {
                            // the root's arguments are what its caller passes in
                            out.add(new ScopedUse(scope, u, KeyAccess.Access.WRITE, "caller:" + u.agent()));
                        } else {
                            out.add(new ScopedUse(scope, u, KeyAccess.Access.READ, u.agent()));
                        }
                        if (!u.agent().contains("#")) firstParameter = false;
                    }
                    case OUTPUT_KEY, COMPOSITE_OUTPUT -> {
                        boolean compositeResult = composite != null;
                        if (mapped) {
                            // collected per item into the mapper's own result
                        } else if (compositeResult) {
                            boolean computes = composite.computedOutput() || composite.kind().equals("supervisor")
                                    || composite.kind().equals("planner") || composite.kind().equals("parallelMapper");
                            if (computes) {
                                out.add(new ScopedUse(scope, u, KeyAccess.Access.WRITE, composite.id()));
                                // what invoking the root returns: its caller reads it
                                if (isRoot) out.add(new ScopedUse(scope, u, KeyAccess.Access.READ, "caller:" + composite.location().file()));
                            } else if (isRoot) {
                                // the root returns the key's value to its caller: nothing writing it returns null
                                out.add(new ScopedUse(scope, u, KeyAccess.Access.READ, composite.id()));
                            } else {
                                // a nested composite hands the key's value on to its parent: a reader of what its
                                // agents wrote, never itself a reader nothing serves
                                out.add(new ScopedUse(scope, u, KeyAccess.Access.READ, null));
                            }
                        } else {
                            out.add(new ScopedUse(scope, u, u.access(), u.agent()));
                        }
                    }
                    default -> out.add(new ScopedUse(scope, u, u.access(), u.agent()));
                }
            }
            if (composite == null) return;
            for (String ref : composite.subAgents()) {
                String id = ref(ref);
                String inst = ref.contains("@") ? ref.substring(ref.indexOf('@') + 1) : null;
                String child = node(module, id);
                if (composite.kind().equals("supervisor") || composite.kind().equals("planner")) {
                    // the supervisor's model reads what each sub-agent wrote
                    List<ScopedUse> childOut = new ArrayList<>();
                    member(scope, child, inst, composite, false, childOut, path, depth + 1);
                    out.addAll(childOut);
                    for (ScopedUse w : childOut) {
                        if (w.access() == KeyAccess.Access.WRITE && !w.agent().startsWith("caller:")) {
                            // recorded as what the composite takes in to return: its model reads the text, no agent acts on the value
                            out.add(new ScopedUse(scope, new AgenticKeyUse(composite.location(), w.use().key(), KeyAccess.Access.READ,
                                    composite.id(), null, AgenticKeyUse.Origin.COMPOSITE_OUTPUT), KeyAccess.Access.READ, null));
                        }
                    }
                } else {
                    member(scope, child, inst, composite, false, out, path, depth + 1);
                }
            }
        }
    }

    /**
     * What code consumers decide on scope values: the {@code readState} results and the inputs of non-AI
     * {@code @Agent} methods, {@code agentAction} lambdas, condition lambdas and methods, and
     * {@code @SupervisorRequest} methods. A key that code writes ({@code writeState}) from a piece of a model's
     * text is that text still: a decision on it downstream decides on the model's prose.
     */
    private static List<OutputDecision> scopeDecisions(List<ParsedSource> sources, HandoffGraph.Builder graph,
                                                       List<AgenticKeyUse> uses, TypedKeys typedKeys, MemberTypes members,
                                                       List<DecisionSpan> spans, List<SwallowedFailure> swallowed) {
        Map<String, String> writerTypes = writerTypes(uses, graph);
        Map<String, String> derived = new LinkedHashMap<>();
        // keys only code writes (writeState): their values are what the code computed, whatever a cast says
        Set<String> codeWritten = new HashSet<>();
        Set<String> otherwiseWritten = new HashSet<>();
        for (AgenticKeyUse u : uses) {
            if (u.access() != KeyAccess.Access.WRITE) continue;
            (u.origin() == AgenticKeyUse.Origin.STATE ? codeWritten : otherwiseWritten).add(u.key());
        }
        codeWritten.removeAll(otherwiseWritten);
        List<OutputDecision> out = new ArrayList<>();
        // twice: a key derived from a key derived from prose is followed one step further
        for (int round = 0; round < 3; round++) {
            out.clear();
            spans.clear();
            swallowed.clear();
            Map<String, String> found = new LinkedHashMap<>();
            for (ParsedSource s : sources) {
                Imports imports = Imports.of(s.unit());
                if (!imports.importsFrom(AgenticFrontend.PKG)) continue;
                OutputFlow.Resolver resolver = resolver(imports, writerTypes, derived, codeWritten, typedKeys, members);
                for (var body : s.unit().findAll(com.github.javaparser.ast.body.CallableDeclaration.class)) {
                    if (body.findAncestor(com.github.javaparser.ast.body.CallableDeclaration.class).isPresent()) continue;
                    OutputFlow.Result r = OutputFlow.analyze(body, resolver);
                    for (OutputFlow.Decision d : r.decisions()) {
                        out.add(new OutputDecision(Locations.of(s, d.node()), d.producer().agent(), d.producer().javaType(),
                                d.operation(), d.node().toString()));
                        if (d.producer().agent().startsWith("key:")) spans.add(DecisionSpan.of(s, d.node(), d.producer().agent().substring(4), false));
                    }
                    swallowed.addAll(keptDefaults(s, body, r, uses));
                    for (OutputFlow.Binding b : r.bindings()) {
                        if (b.producer().agent().startsWith("key:")) spans.add(DecisionSpan.of(s, b.call(), b.producer().agent().substring(4), true));
                    }
                    for (OutputFlow.Forward f : r.forwards()) {
                        if (!f.consumer().startsWith(WRITE_PREFIX) || PayloadKind.of(f.producer().javaType()) != PayloadKind.PROSE) continue;
                        String key = f.consumer().substring(WRITE_PREFIX.length());
                        if (!writerTypes.containsKey(key)) found.putIfAbsent(key, f.producer().javaType());
                    }
                }
            }
            if (found.equals(derived)) break;
            derived.clear();
            derived.putAll(found);
        }
        return out;
    }

    private static final String WRITE_PREFIX = "write:";

    /**
     * A value code extracts from a model's text, written to the scope with a default it keeps when the text
     * lacks the expected form: {@code String system = "Unknown"; for (line : text.split("\n")) if
     * (line.startsWith("SYSTEM:")) system = ...; scope.writeState(K, system)}. Every assignment sits under a
     * decision on the prose and nothing ever tests the variable, so a format miss becomes a plausible value
     * the next step takes for the answer. A variable that is tested (compared with its default, checked
     * before a throw) is the code's own handling and is not reported.
     */
    private static List<SwallowedFailure> keptDefaults(ParsedSource s, com.github.javaparser.ast.Node body, OutputFlow.Result r,
                                                       List<AgenticKeyUse> uses) {
        List<SwallowedFailure> out = new ArrayList<>();
        java.util.Map<com.github.javaparser.ast.Node, OutputFlow.Decision> prose = new java.util.IdentityHashMap<>();
        for (OutputFlow.Decision d : r.decisions()) if (PayloadKind.of(d.producer().javaType()) == PayloadKind.PROSE) prose.put(d.node(), d);
        if (prose.isEmpty()) return out;
        Set<com.github.javaparser.ast.Node> done = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (MethodCallExpr w : body.findAll(MethodCallExpr.class)) {
            String n = w.getNameAsString();
            if (!(n.equals("writeState") || n.equals("writeStateIfAbsent")) || w.getArguments().size() != 2 || w.getScope().isEmpty()) continue;
            if (!(w.getArgument(1) instanceof com.github.javaparser.ast.expr.NameExpr v)) continue;
            Optional<LocalTypes.Declaration> decl = LocalTypes.of(v);
            if (decl.isEmpty() || !(decl.get().declaration() instanceof com.github.javaparser.ast.body.VariableDeclarator declarator)) continue;
            Expression init = decl.get().initializer();
            if (!(init instanceof com.github.javaparser.ast.expr.StringLiteralExpr) && !(init instanceof com.github.javaparser.ast.expr.NullLiteralExpr)) continue;
            if (!done.add(declarator)) continue;
            List<com.github.javaparser.ast.expr.AssignExpr> assigns = new ArrayList<>();
            boolean tested = false;
            OutputFlow.Decision under = null;
            for (com.github.javaparser.ast.expr.NameExpr ref : body.findAll(com.github.javaparser.ast.expr.NameExpr.class)) {
                if (!ref.getNameAsString().equals(v.getNameAsString())) continue;
                Optional<LocalTypes.Declaration> rd = LocalTypes.of(ref);
                if (rd.isEmpty() || rd.get().declaration() != declarator) continue;
                if (ref.getParentNode().orElse(null) instanceof com.github.javaparser.ast.expr.AssignExpr a && a.getTarget() == ref) {
                    assigns.add(a);
                    continue;
                }
                // any test of the variable (an if, a ternary, a loop condition, a comparison) is the code's own check
                com.github.javaparser.ast.Node parent = ref.getParentNode().orElse(null);
                if (parent instanceof com.github.javaparser.ast.expr.BinaryExpr b
                        && (b.getOperator() == com.github.javaparser.ast.expr.BinaryExpr.Operator.EQUALS
                        || b.getOperator() == com.github.javaparser.ast.expr.BinaryExpr.Operator.NOT_EQUALS)
                        || parent instanceof MethodCallExpr m && TESTS.contains(m.getNameAsString())
                        || parent instanceof com.github.javaparser.ast.expr.UnaryExpr
                        || parent instanceof com.github.javaparser.ast.stmt.SwitchStmt
                        || parent instanceof com.github.javaparser.ast.expr.SwitchExpr
                        || parent instanceof com.github.javaparser.ast.expr.ConditionalExpr c && c.getCondition() == ref) {
                    tested = true;
                }
            }
            if (tested || assigns.isEmpty()) continue;
            boolean allGuarded = true;
            for (com.github.javaparser.ast.expr.AssignExpr a : assigns) {
                OutputFlow.Decision guard = null;
                Optional<com.github.javaparser.ast.stmt.IfStmt> ifs = a.findAncestor(com.github.javaparser.ast.stmt.IfStmt.class);
                while (ifs.isPresent() && guard == null) {
                    for (MethodCallExpr c : ifs.get().getCondition().findAll(MethodCallExpr.class)) {
                        if (prose.containsKey(c)) guard = prose.get(c);
                    }
                    ifs = ifs.get().findAncestor(com.github.javaparser.ast.stmt.IfStmt.class);
                }
                if (guard == null) allGuarded = false;
                else under = guard;
            }
            if (!allGuarded || under == null) continue;
            String producerKey = under.producer().agent().startsWith("key:") ? under.producer().agent().substring(4) : null;
            String agent = producerKey == null ? under.producer().agent() : uses.stream()
                    .filter(u -> u.key().equals(producerKey) && u.access() == KeyAccess.Access.WRITE && u.origin() == AgenticKeyUse.Origin.OUTPUT_KEY)
                    .map(AgenticKeyUse::agent).findFirst().orElse(under.producer().agent());
            String def = init instanceof com.github.javaparser.ast.expr.NullLiteralExpr ? "null" : init.toString();
            String target = w.getArgument(0).toString();
            out.add(new SwallowedFailure(Locations.of(s, declarator), agent, "'" + v.getNameAsString() + "' is only set when the model's "
                    + "text has the expected form (" + under.node() + ") and otherwise keeps its default " + def + ", which is written to "
                    + "the scope (" + target + ") as if it were the answer: fail or escalate when the field is missing, or have the "
                    + "agent return a record so a format miss is rejected where the output is received.",
                    "kept-default:" + v.getNameAsString() + ":" + target));
        }
        return out;
    }

    /** Calls on (or with) a variable that test its value. */
    private static final Set<String> TESTS = Set.of("equals", "equalsIgnoreCase", "isEmpty", "isBlank", "contains", "startsWith",
            "endsWith", "matches", "requireNonNull", "isNull", "nonNull");

    /** The code body (the nearest lambda or method) in which a decision on a scope key is taken. */
    record DecisionSpan(String key, String file, int begin, int end, boolean binds) {
        static DecisionSpan of(ParsedSource s, com.github.javaparser.ast.Node decision, String key, boolean binds) {
            com.github.javaparser.ast.Node body = decision.findAncestor(n -> n instanceof com.github.javaparser.ast.expr.LambdaExpr
                    || n instanceof com.github.javaparser.ast.body.CallableDeclaration, com.github.javaparser.ast.Node.class).orElse(decision);
            Location at = Locations.of(s, body);
            int end = body.getEnd().map(p -> p.line).orElse(at.line());
            return new DecisionSpan(key, at.file(), body.getBegin().map(p -> p.line).orElse(at.line()), end, binds);
        }

        boolean contains(Location l) {
            return l.file().equals(file) && l.line() >= begin && l.line() <= end;
        }
    }

    private static OutputFlow.Resolver resolver(Imports imports, Map<String, String> writerTypes, Map<String, String> derived,
                                                Set<String> codeWritten, TypedKeys typedKeys, MemberTypes members) {
        return new OutputFlow.Resolver() {
            @Override
            public Optional<OutputFlow.Producer> producerOf(Expression e) {
                Expression inner = e;
                while (inner instanceof com.github.javaparser.ast.expr.CastExpr c) inner = c.getExpression();
                if (inner != e && inner instanceof MethodCallExpr m && m.getNameAsString().equals("readState") && !m.getArguments().isEmpty()) {
                    Optional<String> key = key(m.getArgument(0));
                    if (key.isPresent() && codeWritten.contains(key.get()) && !derived.containsKey(key.get())) {
                        return Optional.of(new OutputFlow.Producer("key:" + key.get(), null));
                    }
                }
                if (e instanceof MethodCallExpr m && m.getNameAsString().equals("readState") && m.getScope().isPresent()
                        && (m.getArguments().size() == 1 || m.getArguments().size() == 2)) {
                    // readState(key, "") tells the value's type by its default when no writer does
                    String fallback = m.getArguments().size() == 2 && m.getArgument(1).isStringLiteralExpr() ? "String" : null;
                    Optional<String> key = key(m.getArgument(0));
                    if (key.isEmpty()) return Optional.empty();
                    if (codeWritten.contains(key.get()) && !derived.containsKey(key.get())) fallback = null;
                    String type = writerTypes.getOrDefault(key.get(), derived.getOrDefault(key.get(), fallback));
                    return Optional.of(new OutputFlow.Producer("key:" + key.get(), type));
                }
                return Optional.empty();
            }

            private Optional<String> key(Expression a) {
                if (a instanceof com.github.javaparser.ast.expr.ClassExpr c) {
                    return Optional.of(typedKeys.keyOf(imports.resolve(c.getTypeAsString()).orElse(c.getTypeAsString())));
                }
                return Literals.string(a);
            }

            @Override
            public Optional<String> consumerOf(MethodCallExpr call) {
                // writeState(key, value): the value handed to the scope, followed to see whether it is a model's text
                if ((call.getNameAsString().equals("writeState") || call.getNameAsString().equals("writeStateIfAbsent"))
                        && call.getArguments().size() == 2 && call.getScope().isPresent()) {
                    return key(call.getArgument(0)).map(k -> WRITE_PREFIX + k);
                }
                return Optional.empty();
            }

            @Override
            public Optional<String> memberType(String ownerType, String member) {
                return members.of(ownerType, member);
            }

            @Override
            public Optional<OutputFlow.Producer> parameter(Parameter p) {
                if (!(p.getParentNode().orElse(null) instanceof MethodDeclaration m)) return Optional.empty();
                boolean reads = false;
                for (AnnotationExpr a : m.getAnnotations()) {
                    String n = a.getNameAsString();
                    if (imports.refersTo(n, AgenticFrontend.PKG + ".Agent") || imports.refersTo(n, AgenticFrontend.DECL + ".ExitCondition")
                            || imports.refersTo(n, AgenticFrontend.DECL + ".ActivationCondition")
                            || imports.refersTo(n, AgenticFrontend.DECL + ".SupervisorRequest")) {
                        reads = true;
                    }
                }
                if (!reads || m.getBody().isEmpty()) return Optional.empty();
                String key = p.getNameAsString();
                for (AnnotationExpr a : p.getAnnotations()) {
                    if (imports.refersTo(a.getNameAsString(), "dev.langchain4j.service.V")) key = Literals.stringAttribute(a, "value").orElse(key);
                    if (imports.refersTo(a.getNameAsString(), AgenticFrontend.DECL + ".K")) {
                        List<String> k = Literals.classAttribute(a, "value");
                        if (k.size() == 1) key = typedKeys.keyOf(imports.resolve(k.get(0)).orElse(k.get(0)));
                    }
                }
                return Optional.of(new OutputFlow.Producer("key:" + key, p.getTypeAsString()));
            }
        };
    }

    private static Map<String, String> writerTypes(List<AgenticKeyUse> uses, HandoffGraph.Builder graph) {
        Map<String, Set<String>> types = new LinkedHashMap<>();
        for (AgenticKeyUse u : uses) {
            if (u.access() != KeyAccess.Access.WRITE || u.origin() == AgenticKeyUse.Origin.CALLER) continue;
            // what code writes with writeState has the type of what it computed, not its agent's return type:
            // only a piece of a model's text it passes on is known (derived in scopeDecisions)
            if (u.origin() == AgenticKeyUse.Origin.STATE) continue;
            String t = writerType(u, graph);
            types.computeIfAbsent(u.key(), k -> new HashSet<>()).add(t == null ? "?" : t);
        }
        Map<String, String> out = new LinkedHashMap<>();
        types.forEach((k, v) -> {
            if (v.size() == 1 && !v.contains("?")) out.put(k, v.iterator().next());
        });
        return out;
    }

    private static String writerType(AgenticKeyUse u, HandoffGraph.Builder graph) {
        if (u.javaType() != null) return u.javaType();
        return graph.agent(u.agent()).map(AgentNode::outputType).orElse(null);
    }

    private static void edges(HandoffGraph.Builder graph, Scopes scopes, List<DecisionSpan> spans, List<Fact> facts,
                              Programs programs) {
        // per module: the same agent class in two workshop steps may ask for JSON in one and prose in the other
        Map<String, Boolean> structure = new LinkedHashMap<>();
        for (Fact f : facts) {
            if (f instanceof AgentPrompt p) structure.merge(programs.module(p.location().file()) + "|" + p.agent(), p.asksForStructure(), Boolean::logicalOr);
        }
        Set<String> interpolated = new HashSet<>();
        for (Fact f : facts) {
            if (f instanceof AgenticKeyUse u && u.origin() == AgenticKeyUse.Origin.PLACEHOLDER) interpolated.add(u.agent() + "\n" + u.key());
        }
        Map<String, List<ScopedUse>> byScope = new LinkedHashMap<>();
        for (ScopedUse u : scopes.scoped) byScope.computeIfAbsent(u.scope(), k -> new ArrayList<>()).add(u);
        Set<String> made = new HashSet<>();
        for (List<ScopedUse> inScope : byScope.values()) {
            for (ScopedUse ws : inScope) {
                AgenticKeyUse w = ws.use();
                if (ws.access() != KeyAccess.Access.WRITE || ws.agent().startsWith("caller:") || w.key().equals(AgenticFrontend.OPEN_KEY)) continue;
                // what a code agent computes and writes with writeState is no model output: its contract is the code
                if (w.origin() == AgenticKeyUse.Origin.STATE
                        && graph.agent(ws.agent()).map(a -> a.kind() == AgentNode.Kind.CODE).orElse(false)) continue;
                String wType = writerType(w, graph);
                PayloadKind payload = PayloadKind.of(wType);
                for (ScopedUse rs : inScope) {
                    AgenticKeyUse r = rs.use();
                    if (rs.access() != KeyAccess.Access.READ || !r.key().equals(w.key()) || rs.agent().equals(ws.agent())) continue;
                    // a composite's own @Output or condition method reading what the composite collected is its own code
                    if (rs.agent().startsWith(ws.agent() + "#")) continue;
                    // edges join agents; the result a composite returns and reads in application code are not handoffs
                    if (rs.agent().startsWith("caller:") || rs.agent().startsWith("code:")) continue;
                    if (r.origin() == AgenticKeyUse.Origin.COMPOSITE_OUTPUT || r.origin() == AgenticKeyUse.Origin.OUTPUT_KEY) continue;
                    // readState in code is a handoff only into a code agent (an agentAction, a non-AI @Agent method):
                    // elsewhere it is a composite's own output or condition
                    boolean codeReader = graph.agent(rs.agent()).map(a -> a.kind() == AgentNode.Kind.CODE).orElse(false);
                    if ((r.origin() == AgenticKeyUse.Origin.STATE || r.origin() == AgenticKeyUse.Origin.STATE_WITH_DEFAULT) && !codeReader) continue;
                    Set<Edge.Use> edgeUses = EnumSet.noneOf(Edge.Use.class);
                    PayloadKind readKind = PayloadKind.of(r.javaType());
                    if (payload == PayloadKind.PROSE && readKind == PayloadKind.TYPED && !isTextual(r.javaType())) edgeUses.add(Edge.Use.PARSED);
                    // the reader decides on the value where it reads it (a condition, a non-AI agent's body)
                    if (spans.stream().anyMatch(sp -> !sp.binds() && sp.key().equals(r.key()) && sp.contains(r.location()))) {
                        edgeUses.add(Edge.Use.BRANCHED);
                    }
                    if (spans.stream().anyMatch(sp -> sp.binds() && sp.key().equals(r.key()) && sp.contains(r.location()))) {
                        edgeUses.add(Edge.Use.PARSED);
                    }
                    // code that only passes the text on (formats, logs, stores it) asks nothing of its shape
                    if ((r.origin() == AgenticKeyUse.Origin.STATE || r.origin() == AgenticKeyUse.Origin.STATE_WITH_DEFAULT)
                            && !edgeUses.contains(Edge.Use.BRANCHED) && !edgeUses.contains(Edge.Use.PARSED)) continue;
                    if (interpolated.contains(rs.agent() + "\n" + r.key())) edgeUses.add(Edge.Use.INTERPOLATED);
                    if (programs.visible(programs.module(w.location().file())).stream()
                            .anyMatch(m -> structure.getOrDefault(m + "|" + ws.agent(), false))) edgeUses.add(Edge.Use.STRUCTURE_REQUESTED);
                    ContractRef contract = payload == PayloadKind.TYPED ? new ContractRef(wType, null, w.location()) : null;
                    PayloadKind edgePayload = payload;
                    if ((payload == PayloadKind.UNKNOWN || wType != null && Imports.simpleName(wType).equals("Object"))
                            && readKind == PayloadKind.TYPED) {
                        // an Object-typed writer (a human step, an untyped agent) handing to a typed parameter: the
                        // reader's type is the contract the framework binds to
                        edgePayload = PayloadKind.UNKNOWN;
                        contract = new ContractRef(r.javaType(), null, r.location());
                    }
                    String id = "lc4j-key:" + w.key() + ":" + ws.agent() + "->" + rs.agent();
                    if (!made.add(id + "|" + r.location() + "|" + w.location())) continue;
                    graph.edge(new Edge(id, ws.agent(), rs.agent(), Edge.Channel.STATE_KEY, w.key(), edgePayload, contract, null,
                            Set.copyOf(edgeUses), r.location()));
                }
            }
        }
    }

    private static boolean isTextual(String type) {
        String s = Imports.simpleName(type);
        return s.equals("Object") || s.equals("String");
    }
}
