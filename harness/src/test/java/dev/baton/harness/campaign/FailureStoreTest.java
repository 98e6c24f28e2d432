package dev.baton.harness.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.harness.choice.ChoiceSequence;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailureStoreTest {

    @TempDir
    Path dir;

    @Test
    void savesLoadsAndClears() throws Exception {
        FailureStore store = new FailureStore(dir.resolve("failures"));
        String key = "dev.x.Test.consumer.lexical/trailing comma";
        store.save(key, 42, ChoiceSequence.of(1, 2, 3));
        assertTrue(Files.readString(store.file(key)).contains("seed=42"));
        assertEquals(List.of(ChoiceSequence.of(1, 2, 3)), store.load(key));
        store.clear(key);
        assertEquals(List.of(), store.load(key));
    }

    @Test
    void corruptFileIsIgnored() throws Exception {
        FailureStore store = new FailureStore(dir);
        Files.writeString(store.file("k"), "choices=1 two 3\n");
        assertEquals(List.of(), store.load("k"));
    }
}
