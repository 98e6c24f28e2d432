package dev.baton.harness.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.harness.choice.ChoiceSequence;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
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
        assertEquals(Optional.of(new FailureStore.Stored(42, ChoiceSequence.of(1, 2, 3))), store.load(key));
        store.clear(key);
        assertEquals(Optional.empty(), store.load(key));
    }

    @Test
    void storedInputIsEscapedSoTheFileIsPlainUtf8() throws Exception {
        FailureStore store = new FailureStore(dir);
        store.save("k", 7, ChoiceSequence.of(0), "{\"a\":\"x\uD800y\u0000\"}");
        byte[] bytes = Files.readAllBytes(store.file("k"));
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(text.contains("# input: {\"a\":\"x\\uD800y\\u0000\"}"), text);
        assertTrue(java.nio.charset.StandardCharsets.US_ASCII.newEncoder().canEncode(text), "only ASCII: " + text);
        assertEquals(Optional.of(new FailureStore.Stored(7, ChoiceSequence.of(0))), store.load("k"));
    }

    @Test
    void corruptFileIsIgnored() throws Exception {
        FailureStore store = new FailureStore(dir);
        Files.writeString(store.file("k"), "choices=1 two 3\n");
        assertEquals(Optional.empty(), store.load("k"));
    }
}
