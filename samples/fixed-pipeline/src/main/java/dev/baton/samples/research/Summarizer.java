package dev.baton.samples.research;

import dev.baton.runtime.chain.AgentRole;

/** Turns validated research notes into a summary, asked of the model as JSON. */
@AgentRole("summarizer")
public final class Summarizer {
    static final String SYSTEM_PROMPT = """
            Summarise the findings. Answer ONLY with JSON of the form
            {"headline": "...", "body": "...", "citations": ["..."]}
            """;

    private final ChatModel model;

    public Summarizer(ChatModel model) {
        this.model = model;
    }

    /**
     * The model's raw summary of notes that already passed the researcher → summarizer boundary; the
     * publisher's boundary checks it in turn.
     *
     * @param repairFeedback empty on the first attempt; on a repair, the publisher's errors to fix
     */
    public String summarize(ResearchNotes notes, String repairFeedback) {
        StringBuilder prompt = new StringBuilder("Findings on ").append(notes.topic()).append(":\n");
        for (ResearchNotes.Note note : notes.notes()) {
            prompt.append("- ").append(note.claim()).append(" (evidence: ").append(note.evidence()).append(")\n");
        }
        return model.chat(SYSTEM_PROMPT, prompt + repairFeedback);
    }
}
