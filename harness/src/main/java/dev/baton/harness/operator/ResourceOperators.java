package dev.baton.harness.operator;

import static dev.baton.runtime.boundary.Bucket.TOO_DEEP;
import static dev.baton.runtime.boundary.Bucket.TOO_LARGE;

import java.util.List;
import java.util.Set;

/** Operators that stay within grammar but exceed the boundary's limits: hostile or runaway output. */
final class ResourceOperators {

    private ResourceOperators() {
    }

    static List<MalformedOperator> all() {
        return List.of(
                new MalformedOperator("deep-nesting", Family.SYNTHETIC, "SPEC bad input",
                        "arrays nested beyond the boundary's depth limit, up to thousands of levels (not LLM-evidenced)",
                        Set.of(TOO_DEEP), MalformedOperator.Judge.LIMITS,
                        (v, ctx, c) -> {
                            // shrinks toward one level past the limit
                            int depth = ctx.limits().maxDepth() + 1 + c.drawInt(0, 10_000);
                            return "[".repeat(depth) + "]".repeat(depth);
                        }),
                new MalformedOperator("oversized-output", Family.RESOURCE, "#7, #8",
                        "output larger than the boundary's byte limit (a repetition loop that never ends)",
                        Set.of(TOO_LARGE),
                        (v, ctx, c) -> {
                            long limit = ctx.limits().maxBytes();
                            String text = Rendering.of(v, false).text();
                            int pad = (int) Math.min(Integer.MAX_VALUE - 16, limit - text.length() + 1 + c.drawInt(0, 64));
                            // valid JSON with a huge string: only the size is wrong, so a lenient consumer accepts it
                            return "{\"padding\":\"" + "a".repeat(Math.max(1, pad)) + "\",\"value\":" + text + "}";
                        }));
    }
}
