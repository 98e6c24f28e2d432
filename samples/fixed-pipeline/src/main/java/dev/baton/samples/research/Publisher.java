package dev.baton.samples.research;

import dev.baton.runtime.chain.AgentRole;

/** Publishes a validated summary to the CMS. */
@AgentRole("publisher")
public final class Publisher {
    private final Cms cms;

    public Publisher(Cms cms) {
        this.cms = cms;
    }

    /**
     * Publishes a summary that passed the summarizer → publisher boundary. The runtime calls this at most
     * once per idempotency key, after claiming the key.
     */
    public Receipt publish(Summary summary, String idempotencyKey) {
        return cms.publish(summary.headline(), summary.body(), idempotencyKey);
    }
}
