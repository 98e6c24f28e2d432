package dev.baton.samples.research;

/** The content system the publisher posts to: a side effect on the world. */
public interface Cms {
    /**
     * Publishes an article.
     *
     * @param idempotencyKey forwarded so that the CMS can deduplicate a retried call on its side too
     */
    Receipt publish(String headline, String body, String idempotencyKey);
}
