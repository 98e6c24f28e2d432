package dev.baton.samples.research;

import dev.baton.runtime.chain.AgentRole;

/** Posts the summary to the CMS. */
@AgentRole("publisher")
public final class Publisher {
    private final Cms cms;

    public Publisher(Cms cms) {
        this.cms = cms;
    }

    /** Splits the summariser's text into headline and body and publishes it. */
    public String publish(String summaryText) {
        String[] parts = summaryText.split("\n", 2);
        String body = parts.length > 1 ? parts[1].strip() : "";
        return cms.publish(parts[0].strip(), body);
    }
}
