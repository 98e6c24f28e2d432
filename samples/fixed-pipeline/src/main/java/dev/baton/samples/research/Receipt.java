package dev.baton.samples.research;

/** What the CMS returns for a published article; stored with the step so a replay returns it unchanged. */
public record Receipt(String articleId) {
}
