package dev.baton.bench.harness;

import dev.baton.harness.ConsumerSpec;
import dev.baton.harness.Delivery;
import dev.baton.harness.schema.SchemaOracle;
import dev.baton.runtime.boundary.Received;
import dev.baton.runtime.boundary.Rejected;
import dev.baton.runtime.boundary.RejectedHandoffException;
import java.util.SplittableRandom;

/**
 * The baseline: classic random-string fuzzing with the same number of tries. It can see a consumer
 * accept a non-conforming string or throw an untyped exception; it cannot see wrong buckets,
 * repeated side effects or lost escalations.
 */
final class RandomStringFuzzer {

    private static final String TOKENS = "{}[]\":,0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ .-_'\n\t";

    private RandomStringFuzzer() {
    }

    /** @return the 1-based try that found a problem, or 0 */
    static int firstFinding(ConsumerSpec<?> spec, long seed, int tries) {
        SchemaOracle oracle = SchemaOracle.of(spec.contract());
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 1; i <= tries; i++) {
            String raw = next(random);
            if (oracle.acceptsRaw(raw)) {
                continue;
            }
            try {
                Object result = spec.consumer().accept(new Delivery(raw, "fuzz-" + i, "fuzz-" + i, 1));
                if (!(result instanceof Rejected<?>)) {
                    return i;
                }
            } catch (RejectedHandoffException e) {
                // typed and owned: what a correct consumer does
            } catch (Exception e) {
                return i;
            }
        }
        return 0;
    }

    private static String next(SplittableRandom random) {
        int length = random.nextInt(0, 80);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(random.nextInt(4) == 0 ? (char) random.nextInt(32, 127) : TOKENS.charAt(random.nextInt(TOKENS.length())));
        }
        return out.toString();
    }
}
