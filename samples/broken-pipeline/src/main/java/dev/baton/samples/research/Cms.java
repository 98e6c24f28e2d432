package dev.baton.samples.research;

/** The content system the publisher posts to: a side effect on the world. */
public interface Cms {
    /** Publishes an article and returns its public id. */
    String publish(String headline, String body);
}
