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

    /**
     * The raw model output; the summariser's boundary decides whether it is valid research notes.
     *
     * @param repairFeedback empty on the first attempt; on a repair, the receiver's errors to fix
     */
    public String research(String topic, String repairFeedback) {
        return model.chat(SYSTEM_PROMPT, "Research this topic: " + topic + repairFeedback);
    }
}
