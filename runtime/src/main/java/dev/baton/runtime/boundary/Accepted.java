package dev.baton.runtime.boundary;

import java.util.Objects;

/**
 * The handoff was parsed, validated and bound.
 *
 * @param value the bound value, never null
 * @param <T> the contract's type
 */
public record Accepted<T>(T value) implements Received<T> {
    public Accepted {
        Objects.requireNonNull(value, "value");
    }
}
