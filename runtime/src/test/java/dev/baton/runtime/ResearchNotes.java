package dev.baton.runtime;

import java.net.URI;
import java.util.List;

/** Test contract type shared by the runtime's tests. */
public record ResearchNotes(String topic, List<Finding> findings, Status status) {

    /** One finding. */
    public record Finding(String claim, double confidence, URI source) {
    }

    /** Notes status. */
    public enum Status { DRAFT, FINAL }
}
