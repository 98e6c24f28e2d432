package dev.baton.samples.research;

import dev.baton.runtime.chain.AgentRole;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Turns the researcher's notes into a short summary for publication. */
@AgentRole("summarizer")
public final class Summarizer {
    private final ChatModel model;
    private final ObjectMapper mapper = JsonMapper.builder().build();

    public Summarizer(ChatModel model) {
        this.model = model;
    }

    /** Reads the researcher's raw output and returns the summary text for the publisher. */
    public String summarize(String rawNotes) {
        ResearchNotes notes = mapper.readValue(rawNotes, ResearchNotes.class);
        StringBuilder prompt = new StringBuilder("Summarise these findings on ").append(notes.topic()).append(":\n");
        for (ResearchNotes.Note note : notes.notes()) {
            prompt.append("- ").append(note.claim()).append('\n');
        }
        return model.chat("Write a headline on the first line, then one paragraph.", prompt.toString());
    }
}
