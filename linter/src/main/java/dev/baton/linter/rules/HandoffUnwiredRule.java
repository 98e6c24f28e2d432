package dev.baton.linter.rules;

import dev.baton.linter.frontend.javasyntax.KeyNames;
import dev.baton.linter.graph.HandoffGraph;
import dev.baton.linter.graph.facts.KeyAccess;
import dev.baton.linter.rule.FindingSink;
import dev.baton.linter.rule.LintContext;
import dev.baton.linter.rule.Principle;
import dev.baton.linter.rule.Rule;
import dev.baton.linter.rule.RuleInfo;
import dev.baton.linter.rule.Severity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads only {@link KeyAccess} facts, so any frontend that records key writes and reads gets it:
 * LangChain4j agentic scope keys and prompt variables, ADK {@code {key}} placeholders. Keys match
 * within one namespace. A write of the key {@code *} means "inputs the source does not show" (a
 * map built elsewhere): then only near-misses are reported, since any exact key may arrive there. A
 * read of {@code *} means "reads keys the source does not name" (state iterated or handed whole to a UI
 * or a caller): then no write in the namespace is reported as unread.
 */
@RuleInfo(id = "handoff-unwired", severity = Severity.ERROR, principle = Principle.P1_EXPLICIT_SCHEMAS,
        summary = "An agent reads a key no agent writes, or a key is written that nothing reads",
        description = "Agents wired through named keys (an outputKey and a @V parameter, an output key and a {key} "
                + "placeholder) break silently when the names differ: the reader gets nothing, a default, or a "
                + "MissingArgumentException at run time, often only on the path that rarely runs. A near-miss such as "
                + "{{sithName}} against the key SithName is the commonest form. A key written that nothing reads is "
                + "work whose result is lost.",
        fix = "Make the reader's key and the writer's key the same string (better: one constant or a TypedKey class "
                + "shared by both), or remove the write nobody reads.")
public final class HandoffUnwiredRule implements Rule {
    /** The key a write of "inputs the source does not show" uses. */
    public static final String OPEN_KEY = KeyNames.OPEN_KEY;
    /** Prefix of namespaces holding one prompt template's variables: only the method's parameters write there. */
    public static final String TEMPLATE_NAMESPACE = KeyNames.TEMPLATE_NAMESPACE;

    @Override
    public void check(LintContext context, FindingSink findings) {
        HandoffGraph g = context.graph();
        Map<String, List<KeyAccess>> byNamespace = new LinkedHashMap<>();
        for (KeyAccess k : g.facts(KeyAccess.class)) byNamespace.computeIfAbsent(k.namespace(), n -> new ArrayList<>()).add(k);
        // one finding per read: a read seen from two namespaces (a scope key and a template variable)
        // reports once, the near-miss explanation preferred
        Map<String, Candidate> reads = new LinkedHashMap<>();
        // a write is lost only when no scope it is made in reads it (an agent reused in several composites
        // writes its key in each; one of them reading it is enough)
        Map<String, KeyAccess> unreadWrites = new LinkedHashMap<>();
        Set<String> readWrites = new HashSet<>();
        byNamespace.forEach((ns, accesses) -> check(g, ns, accesses, reads, unreadWrites, readWrites));
        for (Candidate c : reads.values()) {
            findings.report(Severity.ERROR, c.read().location(), c.message(), List.of(c.read().agent()), null,
                    "read:" + c.read().key() + "@" + c.read().agent());
        }
        Set<String> done = new HashSet<>();
        unreadWrites.forEach((at, write) -> {
            if (readWrites.contains(at) || reads.containsKey(at) || !done.add(at)) return;
            String key = write.key();
            findings.report(Severity.WARNING, write.location(), "'" + Edges.name(g, write.agent()) + "' writes key '" + key
                            + "' but nothing reads it: its output is lost. Read it downstream (an agent parameter, the "
                            + "composite's outputKey) or stop writing it.",
                    List.of(write.agent()), null, "write:" + key + "@" + write.agent());
        });
    }

    private record Candidate(KeyAccess read, String message, boolean nearMiss) {
    }

    private void check(HandoffGraph g, String namespace, List<KeyAccess> accesses, Map<String, Candidate> reads,
                       Map<String, KeyAccess> unreadWrites, Set<String> readWrites) {
        boolean template = namespace.startsWith(TEMPLATE_NAMESPACE);
        Map<String, List<KeyAccess>> writers = new LinkedHashMap<>();
        Map<String, List<KeyAccess>> readers = new LinkedHashMap<>();
        boolean open = false;
        for (KeyAccess k : accesses) {
            if (k.access() == KeyAccess.Access.WRITE) {
                if (OPEN_KEY.equals(k.key())) open = true;
                else writers.computeIfAbsent(k.key(), x -> new ArrayList<>()).add(k);
            } else {
                readers.computeIfAbsent(k.key(), x -> new ArrayList<>()).add(k);
            }
        }
        Set<String> reported = new HashSet<>();
        Set<String> nearMissed = new HashSet<>();
        // a read of "*" takes the state whole (iterated, copied, returned to a caller or a UI): any key is read there
        boolean readWhole = readers.remove(OPEN_KEY) != null;
        for (Map.Entry<String, List<KeyAccess>> r : readers.entrySet()) {
            String key = r.getKey();
            if (writers.containsKey(key)) continue;
            List<String> near = writers.keySet().stream().filter(w -> nearMiss(w, key)).sorted().toList();
            nearMissed.addAll(near);
            if (near.isEmpty() && open) continue;
            for (KeyAccess read : r.getValue()) {
                String reader = Edges.name(g, read.agent());
                String message;
                if (template) {
                    message = "the prompt of '" + reader + "' uses the template variable {{" + key + "}} but no parameter "
                            + "binds it" + (near.isEmpty() ? "" : " (the parameter '" + near.get(0) + "' differs only in spelling)")
                            + ": every call fails with 'Value for the variable is missing'. Add a parameter @V(\"" + key
                            + "\") or use the name a parameter binds.";
                } else if (!near.isEmpty()) {
                    String w = near.get(0);
                    String by = Edges.name(g, writers.get(w).get(0).agent());
                    message = "'" + reader + "' reads key '" + key + "' but no agent writes it; '" + w + "' (written by '"
                            + by + "') differs only in spelling: use the same key on both sides, ideally one shared "
                            + "constant or TypedKey.";
                } else {
                    message = "'" + reader + "' reads key '" + key + "' but no agent in the graph writes it: it will be "
                            + "missing at run time. Write it with an outputKey upstream, or fix the key name.";
                }
                String at = read.location() + "|" + key;
                Candidate c = new Candidate(read, message, !near.isEmpty() && !template);
                Candidate old = reads.get(at);
                if (old == null || (c.nearMiss() && !old.nearMiss())) reads.put(at, c);
                reported.add(at);
            }
        }
        for (Map.Entry<String, List<KeyAccess>> w : writers.entrySet()) {
            String key = w.getKey();
            boolean read = readWhole || readers.containsKey(key) || nearMissed.contains(key);
            for (KeyAccess write : w.getValue()) {
                if (write.agent() != null && write.agent().startsWith("caller:")) continue;
                String at = write.location() + "|" + key;
                if (read) readWrites.add(at);
                else unreadWrites.putIfAbsent(at, write);
            }
        }
    }

    /** @see KeyNames#nearMiss */
    public static boolean nearMiss(String a, String b) {
        return KeyNames.nearMiss(a, b);
    }
}
