package dev.baton.samples.research;

import dev.baton.runtime.boundary.Boundary;
import dev.baton.runtime.chain.AgentRole;

/** Turns validated research notes into a summary, asked of the model as JSON. */
@AgentRole("summarizer")
public final class Summarizer {
    static final String SYSTEM_PROMPT = """
            Summarise the findings. Answer ONLY with JSON of the form
            {"headline": "...", "body": "...", "citations": ["..."]}
            """;

    private final ChatModel model;
    private final Boundary<ResearchNotes> inbox;

    /** @param inbox the receiving side of the researcher -> summarizer handoff */
    public Summarizer(ChatModel model, Boundary<ResearchNotes> inbox) {
        this.model = model;
        this.inbox = inbox;
    }

    /**
     * Validates the researcher's raw output at the boundary and returns the model's raw summary.
     *
     * @throws dev.baton.runtime.boundary.RejectedHandoffException when the notes break their contract
     */
    public String summarize(String rawNotes) {
        ResearchNotes notes = inbox.receiveOrThrow(rawNotes);
        StringBuilder prompt = new StringBuilder("Findings on ").append(notes.topic()).append(":\n");
        for (ResearchNotes.Note note : notes.notes()) {
            prompt.append("- ").append(note.claim()).append(" (evidence: ").append(note.evidence()).append(")\n");
        }
        return model.chat(SYSTEM_PROMPT, prompt.toString());
    }
}
