package dev.baton.harness.campaign;

import dev.baton.harness.choice.ChoiceSequence;
import dev.baton.harness.report.Printable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Failing choice sequences kept under the project ({@code .baton/failures/} by default), one file
 * per property, replayed first on the next run. A cache, not a specification: a stored sequence
 * that no longer fails is deleted.
 */
public final class FailureStore {

    /**
     * A stored failure.
     *
     * @param seed    the seed of the run that found it (a replay keeps it)
     * @param choices the failing choice sequence
     */
    public record Stored(long seed, ChoiceSequence choices) {
    }

    private final Path directory;

    public FailureStore(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    /** The stored failure for {@code key}, if any. Unreadable files are ignored, not fatal. */
    public Optional<Stored> load(String key) {
        Path file = file(key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            Optional<ChoiceSequence> choices = value(lines, "choices=").map(ChoiceSequence::decode);
            long seed = value(lines, "seed=").map(s -> Long.parseLong(s.trim())).orElse(0L);
            return choices.map(c -> new Stored(seed, c));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> value(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).findFirst().map(l -> l.substring(prefix.length()));
    }

    /**
     * Stores a failing sequence with the seed that found it and, for people reading the file, the
     * shrunk input with every non-printable character escaped (the file is plain UTF-8 whatever
     * the input held).
     */
    public void save(String key, long seed, ChoiceSequence choices, String input) {
        try {
            Files.createDirectories(directory);
            Files.writeString(file(key), "# baton failure: replayed first on the next run\nseed=" + seed
                    + "\nchoices=" + choices.encode() + "\n"
                    + (input == null ? "" : "# input: " + Printable.escape(input) + "\n"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store failure in " + directory, e);
        }
    }

    /** Stores a failing sequence with the seed that found it. */
    public void save(String key, long seed, ChoiceSequence choices) {
        save(key, seed, choices, null);
    }

    /** Forgets the stored sequence for {@code key} (it passed). */
    public void clear(String key) {
        try {
            Files.deleteIfExists(file(key));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete stored failure " + file(key), e);
        }
    }

    /** The file for {@code key}; keys are sanitised into portable file names. */
    public Path file(String key) {
        return directory.resolve(key.replaceAll("[^A-Za-z0-9._-]", "_") + ".txt");
    }
}
