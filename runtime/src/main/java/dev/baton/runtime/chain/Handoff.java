package dev.baton.runtime.chain;

import dev.baton.runtime.contract.Contract;

/**
 * One edge of a chain: the producer, the consumer, the contract the consumer enforces, the owner of
 * its failures, its recovery path and its escalation. Immutable; each method returns a new handoff.
 * Missing parts are reported by {@link HandoffChain.Builder#build()}, all at once.
 *
 * @param from producing agent
 * @param to consuming agent
 * @param contract what the consumer accepts (null until given)
 * @param owner who owns this edge's failures (null until given)
 * @param recovery the recovery path (null until given)
 * @param escalation the path to a human (null until given)
 */
public record Handoff(String from, String to, Contract<?> contract, String owner, Recovery recovery,
                      Escalation escalation) {

    /** @return a handoff from {@code agent}, to be completed with {@link #to(String)} and the rest */
    public static Handoff from(String agent) {
        return new Handoff(agent, null, null, null, null, null);
    }

    /** @return this handoff, going to {@code agent} */
    public Handoff to(String agent) {
        return new Handoff(from, agent, contract, owner, recovery, escalation);
    }

    /** @return this handoff with the contract the consumer enforces */
    public Handoff contract(Contract<?> value) {
        return new Handoff(from, to, value, owner, recovery, escalation);
    }

    /** @return this handoff, its failures owned by {@code agent} */
    public Handoff ownedBy(String agent) {
        return new Handoff(from, to, contract, agent, recovery, escalation);
    }

    /** @return this handoff with its recovery path */
    public Handoff recovery(Recovery value) {
        return new Handoff(from, to, contract, owner, value, escalation);
    }

    /** @return this handoff with its path to a human */
    public Handoff escalateTo(Escalation value) {
        return new Handoff(from, to, contract, owner, recovery, value);
    }

    /** @return {@code from->to}, the name used in violations and records */
    public String name() {
        return from + "->" + to;
    }
}
