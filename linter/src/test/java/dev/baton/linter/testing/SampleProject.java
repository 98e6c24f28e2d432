package dev.baton.linter.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small projects into a temporary directory for engine and report tests. */
public final class SampleProject {
    private final Path root;

    public SampleProject(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** Writes {@code text} to {@code relative} under the project root, creating directories. */
    public SampleProject file(String relative, String text) {
        try {
            Path p = root.resolve(relative);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Baton chain with one untyped, unowned edge in {@code src/main/java/com/acme/Chain.java}: two findings on line 10. */
    public SampleProject chainWithGaps() {
        return file("src/main/java/com/acme/Chain.java", """
                package com.acme;

                import dev.baton.runtime.chain.Handoff;
                import dev.baton.runtime.chain.HandoffChain;

                final class Chain {
                    static HandoffChain chain() {
                        return HandoffChain.builder("demo")
                                .agent("writer").agent("editor")
                                .handoff(Handoff.from("writer").to("editor"))
                                .build();
                    }
                }
                """);
    }
}
