package dev.baton.linter.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The centre of the linter: every frontend contributes to it, every rule reads it. Immutable once
 * built; build one with {@link Builder}, which is safe to fill from several threads.
 */
public final class HandoffGraph {
    private final Map<String, AgentNode> agents;
    private final List<Edge> edges;
    private final List<Chain> chains;
    private final List<Fact> facts;
    /** {@link #facts(Class)} by kind, computed on first use: rules ask for a kind once per edge or agent. */
    private final Map<Class<?>, List<? extends Fact>> factsByKind = new java.util.concurrent.ConcurrentHashMap<>();

    private HandoffGraph(Builder b) {
        this.agents = Collections.unmodifiableMap(new LinkedHashMap<>(b.agents));
        this.edges = List.copyOf(b.edges);
        this.chains = List.copyOf(b.chains);
        this.facts = List.copyOf(b.facts);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Map<String, AgentNode> agents() {
        return agents;
    }

    public Optional<AgentNode> agent(String id) {
        return Optional.ofNullable(agents.get(id));
    }

    public List<Edge> edges() {
        return edges;
    }

    public List<Chain> chains() {
        return chains;
    }

    public List<Fact> facts() {
        return facts;
    }

    /** The facts of a kind (and its subtypes), in the order they were added; unmodifiable. */
    @SuppressWarnings("unchecked")
    public <F extends Fact> List<F> facts(Class<F> kind) {
        return (List<F>) factsByKind.computeIfAbsent(kind, k -> {
            List<F> out = new ArrayList<>();
            for (Fact f : facts) if (kind.isInstance(f)) out.add(kind.cast(f));
            return Collections.unmodifiableList(out);
        });
    }

    public List<Edge> edgesInto(String consumer) {
        return edges.stream().filter(e -> consumer.equals(e.consumer())).toList();
    }

    public List<Edge> edgesOutOf(String producer) {
        return edges.stream().filter(e -> producer.equals(e.producer())).toList();
    }

    public static final class Builder {
        private final Map<String, AgentNode> agents = new LinkedHashMap<>();
        private final List<Edge> edges = new ArrayList<>();
        private final List<Chain> chains = new ArrayList<>();
        private final List<Fact> facts = new ArrayList<>();

        public synchronized Builder agent(AgentNode agent) {
            agents.putIfAbsent(agent.id(), agent);
            return this;
        }

        public synchronized Builder edge(Edge edge) {
            edges.add(edge);
            return this;
        }

        public synchronized Builder chain(Chain chain) {
            chains.add(chain);
            return this;
        }

        public synchronized Builder fact(Fact fact) {
            facts.add(fact);
            return this;
        }

        public synchronized Optional<AgentNode> agent(String id) {
            return Optional.ofNullable(agents.get(id));
        }

        public synchronized List<Fact> facts() {
            return List.copyOf(facts);
        }

        public synchronized HandoffGraph build() {
            return new HandoffGraph(this);
        }
    }
}
