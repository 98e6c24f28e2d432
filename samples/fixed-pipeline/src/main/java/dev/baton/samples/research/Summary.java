package dev.baton.samples.research;

import java.util.List;

/** What the summariser produces for the publisher. */
public record Summary(String headline, String body, List<String> citations) {
}
