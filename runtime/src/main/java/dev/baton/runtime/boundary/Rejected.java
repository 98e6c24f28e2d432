package dev.baton.runtime.boundary;

import java.util.Objects;

/**
 * The handoff was rejected at the boundary.
 *
 * @param rejection why, with its bucket and owner
 * @param <T> the contract's type
 */
public record Rejected<T>(Rejection rejection) implements Received<T> {
    public Rejected {
        Objects.requireNonNull(rejection, "rejection");
    }
}
