package dev.baton.harness.campaign;

import dev.baton.harness.choice.ChoiceSequence;
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

    private final Path directory;

    public FailureStore(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    /** The stored failing sequence for {@code key}, if any. Unreadable files are ignored, not fatal. */
    public List<ChoiceSequence> load(String key) {
        Path file = file(key);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            Optional<String> line = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(l -> l.startsWith("choices="))
                    .findFirst();
            return line.map(l -> List.of(ChoiceSequence.decode(l.substring("choices=".length())))).orElse(List.of());
        } catch (IOException | NumberFormatException e) {
            return List.of();
        }
    }

    /** Stores a failing sequence with the seed that found it. */
    public void save(String key, long seed, ChoiceSequence choices) {
        try {
            Files.createDirectories(directory);
            Files.writeString(file(key), "# baton failure: replayed first on the next run\nseed=" + seed
                    + "\nchoices=" + choices.encode() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store failure in " + directory, e);
        }
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
