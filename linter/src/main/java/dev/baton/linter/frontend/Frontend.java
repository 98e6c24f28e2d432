package dev.baton.linter.frontend;

import dev.baton.linter.graph.HandoffGraph;

import java.util.List;
import java.util.Set;

/**
 * Reads one way of writing agents (Baton's own API, a framework) into the handoff graph.
 * Stateless and thread-safe: {@link #read} runs for many files in parallel.
 */
public interface Frontend {
    /**
     * Plain-text tokens (imports, annotation or class names) of which at least one occurs in every
     * file this frontend can learn from. The engine skips parsing files that contain none of any
     * frontend's tokens: the cheapest way to be fast on a large tree.
     */
    Set<String> triggers();

    /** Adds what one file declares: agents, edges, chains, facts. */
    void read(ParsedSource source, HandoffGraph.Builder graph);

    /** Cross-file linking once every file has been read (key writers to key readers, say). */
    default void link(List<ParsedSource> sources, HandoffGraph.Builder graph) {
    }
}
