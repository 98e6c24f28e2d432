package dev.baton.harness.choice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.harness.campaign.Search;
import dev.baton.harness.campaign.Verdict;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ShrinkerTest {

    private static <T> Search.Failure<T> falsify(Gen<T> gen, java.util.function.Predicate<T> holds) {
        Search.Result<T> result = Search.run(gen, v -> holds.test(v) ? Verdict.pass() : Verdict.fail("broken", "x"),
                new Search.Limits(7, 1000, 10_000, 10_000), List.of());
        assertFalse(result.passed(), "the property must be falsified");
        return result.failure();
    }

    @Test
    void integerShrinksToTheExactBoundary() {
        // the smallest int >= 1000 is 1000: provably minimal, and binary search must find it exactly
        Search.Failure<Integer> failure = falsify(Gen.ints(0, 1_000_000), n -> n < 1000);
        assertEquals(1000, failure.value());
    }

    @Test
    void listShrinksToOneMinimalElement() {
        // the minimal list whose sum reaches 100 under shortlex is [100]
        Search.Failure<List<Integer>> failure = falsify(Gen.lists(Gen.ints(0, 1000), 0, 20),
                list -> list.stream().mapToInt(Integer::intValue).sum() < 100);
        assertEquals(List.of(100), failure.value());
    }

    @Test
    void userWrittenGeneratorShrinksWithoutAShrinker() {
        // a user's generator: a string of lowercase letters; failing when it contains 'q'
        Gen<String> words = c -> {
            StringBuilder out = new StringBuilder();
            for (String letter : Gen.lists(Gen.oneOf("a", "b", "q", "z"), 0, 30).generate(c)) {
                out.append(letter);
            }
            return out.toString();
        };
        Search.Failure<String> failure = falsify(words, s -> !s.contains("q"));
        assertEquals("q", failure.value());
    }

    @Test
    void sameSeedReplaysTheSameValues() {
        Gen<List<Integer>> gen = Gen.lists(Gen.ints(-50, 50), 0, 10);
        for (long seed = 0; seed < 20; seed++) {
            Recorder a = Recorder.random(new SplittableRandom(seed), 1000);
            Recorder b = Recorder.random(new SplittableRandom(seed), 1000);
            assertEquals(gen.generate(a), gen.generate(b));
            // and the recorded sequence alone regenerates the value
            Recorder c = Recorder.random(new SplittableRandom(seed), 1000);
            List<Integer> value = gen.generate(c);
            assertEquals(value, gen.generate(Recorder.replay(c.sequence(), 1000)));
        }
    }

    @Test
    void replayClampsEditedChoicesToTheirBounds() {
        Recorder r = Recorder.replay(ChoiceSequence.of(99, 5), 10);
        assertEquals(3, r.draw(3));
        assertEquals(5, r.draw(10));
        assertEquals(0, r.draw(10), "beyond the recorded choices every draw is the simplest");
    }

    @Test
    void storedFailureIsReplayedFirst() {
        Gen<Integer> gen = Gen.ints(0, 1_000_000);
        // this property fails only for exactly 777_777: random search with 50 tries will not find it
        Search.Result<Integer> fresh = Search.run(gen, n -> n == 777_777 ? Verdict.fail("k", "o") : Verdict.pass(),
                new Search.Limits(1, 50, 5_000, 100), List.of());
        assertTrue(fresh.passed());
        Search.Result<Integer> replayed = Search.run(gen, n -> n == 777_777 ? Verdict.fail("k", "o") : Verdict.pass(),
                new Search.Limits(1, 50, 5_000, 100), List.of(ChoiceSequence.of(777_777)));
        assertNotNull(replayed.failure());
        assertEquals(0, replayed.failure().foundAtTry());
        assertEquals(777_777, replayed.failure().value());
    }

    @Test
    void choiceSequenceRoundTripsThroughItsTextForm() {
        ChoiceSequence s = ChoiceSequence.of(0, 5, 1_000_000_000_000L);
        assertEquals(s, ChoiceSequence.decode(s.encode()));
        assertTrue(ChoiceSequence.of(1, 2).compareTo(ChoiceSequence.of(0, 0, 0)) < 0, "shorter is simpler");
    }
}
