package dev.baton.harness.operator;

import dev.baton.harness.choice.Choices;
import dev.baton.harness.schema.SchemaOracle;
import dev.baton.runtime.boundary.Bucket;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * One real failure pattern of upstream LLM output, turned into a mutation of a valid value.
 *
 * @param name      kebab-case name after the pattern ("markdown-fence")
 * @param family    the layer it breaks
 * @param catalogue where the pattern is documented: a row of {@code reference/malformed-llm-output.md}
 *                  ("#1") or a section of it ("§3.3 INVALID_FORMAT")
 * @param pattern   one line describing what the upstream sends
 * @param expected  the rejection bucket(s) a correct boundary answers with
 * @param mutation  produces the malformed text from a valid value; draws only from {@link Choices}
 */
public record MalformedOperator(String name, Family family, String catalogue, String pattern,
                                Set<Bucket> expected, Judge judge, Mutation mutation) {

    public MalformedOperator {
        expected = Set.copyOf(expected);
    }

    /** An operator judged the default way for its family. */
    public MalformedOperator(String name, Family family, String catalogue, String pattern, Set<Bucket> expected,
                             Mutation mutation) {
        this(name, family, catalogue, pattern, expected, Judge.forFamily(family), mutation);
    }

    /**
     * How the harness makes sure an output really is a negative before blaming the consumer.
     */
    public enum Judge {
        /** The output must not be one strictly parsed JSON document the schema accepts. */
        SCHEMA,
        /** The output must not strictly parse at all: a lexical edit that leaves valid JSON did nothing. */
        TEXT,
        /** The output breaks a limit or the encoding, which no schema can see; the operator guarantees it. */
        LIMITS;

        static Judge forFamily(Family family) {
            return switch (family) {
                case LEXICAL -> TEXT;
                case RESOURCE -> LIMITS;
                default -> SCHEMA;
            };
        }
    }

    /** Produces malformed upstream output from a valid value. */
    @FunctionalInterface
    public interface Mutation {
        /**
         * @param valid   a value valid against the contract (do not modify it; copy first)
         * @param context the schema and limits
         * @param choices the only source of randomness, so the result shrinks and replays
         * @return the raw text the consumer receives
         */
        String apply(JsonNode valid, OperatorContext context, Choices choices);
    }

    /**
     * Why {@code raw} is not a usable negative, or {@code null} when it is: an output the schema
     * accepts, or a lexical edit that left well-formed JSON, is discarded rather than blamed.
     */
    public String notNegative(String raw, SchemaOracle oracle) {
        return switch (judge) {
            case SCHEMA -> oracle.acceptsRaw(raw) ? "accidentally valid: the contract's schema accepts this output" : null;
            case TEXT -> SchemaOracle.parseStrict(raw) != null ? "still well-formed JSON after the edit" : null;
            case LIMITS -> null;
        };
    }

    /**
     * Whether real LLM output has been seen to produce this pattern (a catalogue row with issue
     * evidence): the default campaign runs only these; the {@link Family#SYNTHETIC} family is opt-in.
     */
    public boolean llmEvidenced() {
        return family != Family.SYNTHETIC;
    }

    /**
     * Whether each input is as large as the limit it breaks (a size or depth limit): such operators
     * get few tries and almost no shrinking, since every replay is costly and there is little to cut.
     */
    public boolean costly() {
        return judge == Judge.LIMITS && !expected.isEmpty()
                && expected.stream().allMatch(b -> b == Bucket.TOO_DEEP || b == Bucket.TOO_LARGE);
    }

    /** Short label for reports: "markdown-fence (#1)". */
    public String label() {
        return name + " (" + catalogue + ")";
    }
}
