package dev.baton.harness.operator;

import static dev.baton.runtime.boundary.Bucket.EMPTY;
import static dev.baton.runtime.boundary.Bucket.MULTIPLE_VALUES;
import static dev.baton.runtime.boundary.Bucket.NOT_JSON;
import static dev.baton.runtime.boundary.Bucket.REFUSAL;

import dev.baton.harness.choice.Choices;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Operators that wrap or replace the JSON: what a model says around, or instead of, its answer. */
final class EnvelopeOperators {

    private EnvelopeOperators() {
    }

    static String text(JsonNode valid, Choices choices) {
        return Rendering.of(valid, choices.drawBoolean(0.5)).text();
    }

    private static String oneOf(Choices choices, List<String> options) {
        return options.get(choices.pick(options.size()));
    }

    static List<MalformedOperator> all() {
        return List.of(
                new MalformedOperator("markdown-fence", Family.ENVELOPE, "#1",
                        "a ```json fence around the JSON", Set.of(NOT_JSON),
                        (v, ctx, c) -> "```json\n" + text(v, c) + "\n```"),
                new MalformedOperator("fence-variant", Family.ENVELOPE, "#2",
                        "single-line fence, no language tag, ```JSON, or an opening fence only", Set.of(NOT_JSON),
                        (v, ctx, c) -> {
                            String t = text(v, c);
                            return switch (c.pick(5)) {
                                case 0 -> "```" + t + "```";
                                case 1 -> "```\n" + t + "\n```";
                                case 2 -> "```JSON\n" + t + "\n```";
                                case 3 -> "```json\n" + t;
                                default -> "\n```json\n\n" + t + "\n```\n";
                            };
                        }),
                new MalformedOperator("prose-preamble", Family.ENVELOPE, "#3",
                        "a sentence of prose before the JSON", Set.of(NOT_JSON),
                        (v, ctx, c) -> oneOf(c, List.of(
                                "Here are the results\n",
                                "I'll analyze and evaluate that for you. Here are the results\n",
                                "Sure! Here is the JSON you asked for:\n\n",
                                "Result: ")) + text(v, c)),
                new MalformedOperator("prose-postamble", Family.ENVELOPE, "#3",
                        "prose after the JSON", Set.of(NOT_JSON),
                        (v, ctx, c) -> text(v, c) + oneOf(c, List.of(
                                " Hope this helps!",
                                "\n\nLet me know if you need anything else.",
                                "\nNote: the values above are estimates."))),
                new MalformedOperator("prose-only", Family.ENVELOPE, "#4",
                        "no JSON at all, only prose", Set.of(NOT_JSON),
                        (v, ctx, c) -> oneOf(c, List.of(
                                "PASS",
                                "The appropriate output will be as follows:\n-",
                                "Based on the input, the answer is positive."))),
                new MalformedOperator("thinking-tags", Family.ENVELOPE, "#18",
                        "<think>/<thinking> reasoning before the JSON", Set.of(NOT_JSON),
                        (v, ctx, c) -> oneOf(c, List.of(
                                "<think>\n\n</think>\n",
                                "<thinking>The user wants structured output.</thinking>\n",
                                "<think>Let me check the schema first.</think>")) + text(v, c)),
                new MalformedOperator("xml-wrapper", Family.ENVELOPE, "#19",
                        "tool-call or output tags around or after the JSON", Set.of(NOT_JSON),
                        (v, ctx, c) -> {
                            String t = text(v, c);
                            return switch (c.pick(3)) {
                                case 0 -> "<output>" + t + "</output>";
                                case 1 -> t + "</action_output>".repeat(1 + c.drawInt(0, 3));
                                default -> "<tool_call><function=answer><parameter=result>" + t
                                        + "</parameter></function></tool_call>";
                            };
                        }),
                new MalformedOperator("refusal", Family.ENVELOPE, "#32",
                        "a refusal instead of data", Set.of(REFUSAL),
                        (v, ctx, c) -> oneOf(c, List.of(
                                "I'm sorry, but I can't help with that.",
                                "I cannot provide that information.",
                                "As an AI language model, I must decline this request.",
                                "\"I'm sorry, but I can't assist with that request.\""))),
                new MalformedOperator("empty-output", Family.ENVELOPE, "#33",
                        "empty content", Set.of(EMPTY),
                        (v, ctx, c) -> ""),
                new MalformedOperator("whitespace-only", Family.ENVELOPE, "#33",
                        "whitespace-only content", Set.of(EMPTY),
                        (v, ctx, c) -> oneOf(c, List.of(" ", "\n", "\n\n  \t", "   \r\n"))),
                new MalformedOperator("null-literal", Family.ENVELOPE, "#33",
                        "the literal null as the whole answer", Set.of(EMPTY),
                        (v, ctx, c) -> oneOf(c, List.of("null", " null\n"))),
                new MalformedOperator("multiple-values", Family.ENVELOPE, "#17",
                        "two JSON values, e.g. a duplicated block", Set.of(MULTIPLE_VALUES),
                        (v, ctx, c) -> {
                            String t = text(v, c);
                            return t + oneOf(c, List.of("\n", "", "\n\n")) + (c.drawBoolean(0.5) ? "{\"count\": 2}" : t);
                        }));
    }
}
