package dev.baton.samples.research;

import dev.baton.runtime.boundary.Boundary;
import dev.baton.runtime.chain.AgentRole;

/** Publishes a validated summary to the CMS. */
@AgentRole("publisher")
public final class Publisher {
    private final Cms cms;
    private final Boundary<Summary> inbox;

    /** @param inbox the receiving side of the summarizer -> publisher handoff */
    public Publisher(Cms cms, Boundary<Summary> inbox) {
        this.cms = cms;
        this.inbox = inbox;
    }

    /**
     * Validates the summariser's raw output at the boundary, then publishes it.
     *
     * @throws dev.baton.runtime.boundary.RejectedHandoffException when the summary breaks its contract
     */
    public String publish(String rawSummary) {
        Summary summary = inbox.receiveOrThrow(rawSummary);
        return cms.publish(summary.headline(), summary.body());
    }
}
