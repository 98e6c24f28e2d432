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

    /** The raw model output: supposed to be JSON research notes. */
    public String research(String topic) {
        return model.chat(SYSTEM_PROMPT, "Research this topic: " + topic);
    }
}
