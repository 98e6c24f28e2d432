package dev.baton.samples.research;

import dev.baton.runtime.chain.AgentRole;

/** Asks the model for research notes on a topic, as JSON. */
@AgentRole("researcher")
public final class Researcher {
    static final String SYSTEM_PROMPT = """
            You are a research assistant. Answer ONLY with JSON of the form
            {"topic": "...", "notes": [{"claim": "...", "evidence": "...", "confidence": 0.0}], "sources": ["..."]}
            """;

    private final ChatModel model;

    public Researcher(ChatModel model) {
        this.model = model;
    }

    /** The raw model output; the summariser's boundary decides whether it is valid research notes. */
    public String research(String topic) {
        return model.chat(SYSTEM_PROMPT, "Research this topic: " + topic);
    }

    /** Re-asks the model, handing it the receiver's errors (a repair retry). */
    public String repair(String topic, String previousOutput, String errors) {
        return model.chat(SYSTEM_PROMPT, "Research this topic: " + topic
                + "\nYour previous answer was rejected: " + errors + "\nPrevious answer:\n" + previousOutput);
    }
}
