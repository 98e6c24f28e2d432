package dev.baton.samples.research;

import java.util.List;

/** What the researcher hands to the summariser. */
public record ResearchNotes(String topic, List<Note> notes, List<String> sources) {

    /** One claim with the evidence behind it. */
    public record Note(String claim, String evidence, double confidence) {
    }
}
