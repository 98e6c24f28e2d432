package dev.baton.runtime.chain;

import dev.baton.runtime.boundary.Boundary;
import dev.baton.runtime.boundary.Limits;
import dev.baton.runtime.contract.Contract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Agents and the handoffs between them, declared in plain Java and checked at start-up by the same
 * rules the linter applies at build time. A chain that has an edge without a contract, an owner or a
 * path to a human does not build.
 *
 * <pre>{@code
 * HandoffChain chain = HandoffChain.builder("research-pipeline")
 *         .agent("researcher")
 *         .agent("summarizer")
 *         .agent("publisher", AgentKind.SIDE_EFFECT)
 *         .handoff(Handoff.from("researcher").to("summarizer")
 *                 .contract(Contract.of(ResearchNotes.class))
 *                 .ownedBy("researcher")
 *                 .recovery(Recovery.repair(2).thenTransport(3))
 *                 .escalateTo(Escalation.toHuman("editorial-desk")))
 *         .build();
 * }</pre>
 */
public final class HandoffChain {

    private final String name;
    private final Map<String, AgentKind> agents;
    private final List<Handoff> handoffs;
    private final Map<String, Boundary<?>> boundaries;

    private HandoffChain(String name, Map<String, AgentKind> agents, List<Handoff> handoffs, Limits limits) {
        this.name = name;
        this.agents = Collections.unmodifiableMap(new LinkedHashMap<>(agents));
        this.handoffs = List.copyOf(handoffs);
        Map<String, Boundary<?>> built = new LinkedHashMap<>();
        for (Handoff handoff : handoffs) {
            built.put(handoff.name(), boundaryOf(handoff, limits));
        }
        this.boundaries = Collections.unmodifiableMap(built);
    }

    private static <T> Boundary<T> boundaryOf(Handoff handoff, Limits limits) {
        @SuppressWarnings("unchecked")
        Contract<T> contract = (Contract<T>) handoff.contract();
        return Boundary.builder(contract).owner(handoff.owner()).limits(limits).build();
    }

    /** @return a builder for a chain named {@code name} */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** @return the chain's name */
    public String name() {
        return name;
    }

    /** @return every agent and its kind, in declaration order */
    public Map<String, AgentKind> agents() {
        return agents;
    }

    /** @return every handoff, in declaration order */
    public List<Handoff> handoffs() {
        return handoffs;
    }

    /** @return the handoff from {@code from} to {@code to}, if declared */
    public Optional<Handoff> handoff(String from, String to) {
        return handoffs.stream().filter(h -> h.from().equals(from) && h.to().equals(to)).findFirst();
    }

    /**
     * The boundary of an edge, with its owner filled in; built once with the chain.
     *
     * @param <T> the edge contract's type (the caller states it; it is not checked at run time)
     * @throws IllegalArgumentException if there is no such edge
     */
    @SuppressWarnings("unchecked")
    public <T> Boundary<T> boundary(String from, String to) {
        Boundary<?> boundary = boundaries.get(from + "->" + to);
        if (boundary == null) {
            throw new IllegalArgumentException("chain '" + name + "' has no handoff " + from + "->" + to
                    + "; declared: " + boundaries.keySet());
        }
        return (Boundary<T>) boundary;
    }

    /** Collects agents and handoffs; {@link #build()} checks them. */
    public static final class Builder {
        private final String name;
        private final Map<String, AgentKind> agents = new LinkedHashMap<>();
        private final List<Handoff> handoffs = new ArrayList<>();
        private Limits limits = Limits.defaults();

        private Builder(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a chain needs a name");
            }
            this.name = name;
        }

        /** Declares an agent of kind {@link AgentKind#MODEL}. */
        public Builder agent(String agent) {
            return agent(agent, AgentKind.MODEL);
        }

        /** Declares an agent of the given kind. */
        public Builder agent(String agent, AgentKind kind) {
            Objects.requireNonNull(agent, "agent");
            agents.put(agent, Objects.requireNonNull(kind, "kind"));
            return this;
        }

        /** Declares a handoff. */
        public Builder handoff(Handoff handoff) {
            handoffs.add(Objects.requireNonNull(handoff, "handoff"));
            return this;
        }

        /** Sets the limits of every boundary of the chain (defaults: {@link Limits#defaults()}). */
        public Builder limits(Limits value) {
            this.limits = Objects.requireNonNull(value, "limits");
            return this;
        }

        /**
         * @return the chain
         * @throws ChainDefinitionException listing every gap with the linter's rule id
         */
        public HandoffChain build() {
            List<ChainViolation> violations = new ArrayList<>();
            boolean sideEffects = agents.containsValue(AgentKind.SIDE_EFFECT);
            for (Handoff handoff : handoffs) {
                String edge = handoff.from() + "->" + handoff.to();
                if (handoff.to() == null) {
                    violations.add(new ChainViolation("handoff-unwired", edge,
                            "the handoff has no consumer; add .to(\"<agent>\")"));
                    continue;
                }
                for (String agent : new String[] {handoff.from(), handoff.to()}) {
                    if (!agents.containsKey(agent)) {
                        violations.add(new ChainViolation("handoff-unwired", edge, "agent '" + agent
                                + "' is not declared in the chain; add .agent(\"" + agent + "\")"));
                    }
                }
                if (handoff.contract() == null) {
                    violations.add(new ChainViolation("untyped-handoff", edge,
                            "no contract: the consumer cannot reject malformed output; add .contract(Contract.of(<Record>.class))"));
                }
                if (handoff.owner() == null || handoff.owner().isBlank()) {
                    violations.add(new ChainViolation("error-unowned", edge,
                            "nobody owns this edge's failures; add .ownedBy(\"<agent or team>\")"));
                }
                if (handoff.escalation() == null && (sideEffects || handoff.recovery() != null)) {
                    violations.add(new ChainViolation("escalation-missing", edge, sideEffects
                            ? "the chain has side effects but this edge has no path to a human; add .escalateTo(Escalation.toHuman(\"<queue>\"))"
                            : "the recovery path ends nowhere when exhausted; add .escalateTo(Escalation.toHuman(\"<queue>\"))"));
                }
            }
            if (!violations.isEmpty()) {
                throw new ChainDefinitionException(name, violations);
            }
            return new HandoffChain(name, agents, handoffs, limits);
        }
    }
}
