package dev.baton.runtime.retry;

import dev.baton.runtime.boundary.Violation;

import java.time.Instant;
import java.util.List;

/**
 * One attempt of a handoff, as kept in an escalation record: nothing about a failure is lost.
 *
 * @param number 1-based attempt number across the whole delivery
 * @param kind why the attempt was made
 * @param at when it started
 * @param outcome {@code ACCEPTED}, {@code REJECTED}, {@code TRANSPORT_FAILURE}, {@code ERROR} or {@code EFFECT_FAILED}
 * @param bucket the rejection bucket, or null
 * @param violations schema violations, if any
 * @param error the rejection message or exception, or null
 * @param rawExcerpt the start of what the producer returned (at most 4096 chars), or null
 */
public record Attempt(int number, AttemptKind kind, Instant at, String outcome, String bucket,
                      List<Violation> violations, String error, String rawExcerpt) {

    /** Longest excerpt of producer output kept per attempt. */
    public static final int MAX_EXCERPT = 4096;

    public Attempt {
        violations = violations == null ? List.of() : List.copyOf(violations);
        if (rawExcerpt != null && rawExcerpt.length() > MAX_EXCERPT) {
            rawExcerpt = rawExcerpt.substring(0, MAX_EXCERPT);
        }
    }
}
