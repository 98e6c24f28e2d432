package dev.baton.bench.harness;

import java.util.List;

/**
 * The contract of the benchmark's consumers: a triage agent's verdict on a support ticket, handed
 * to a dispatcher agent.
 *
 * @param ticketId      the ticket
 * @param priority      how urgent
 * @param estimateHours the effort estimate
 * @param labels        routing labels
 * @param summary       one sentence for the assignee
 */
public record TriageVerdict(String ticketId, Priority priority, int estimateHours, List<String> labels, String summary) {

    /** Ticket priority. */
    public enum Priority { LOW, NORMAL, URGENT }

    /** What a defective consumer falls back to when it "recovers" silently. */
    static final TriageVerdict DEFAULT = new TriageVerdict("unknown", Priority.NORMAL, 0, List.of(), "");
}
