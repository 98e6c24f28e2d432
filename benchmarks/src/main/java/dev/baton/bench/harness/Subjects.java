package dev.baton.bench.harness;

import dev.baton.harness.ConsumerSpec;
import dev.baton.harness.RawConsumer;
import java.util.ArrayList;
import java.util.List;

/** The benchmark's consumers: defects first, then the correct twins. */
final class Subjects {

    private Subjects() {
    }

    private static Subject raw(String name, String pattern, String defect, boolean defective, RawConsumer consumer) {
        return new Subject(name, defect, defective, () -> ConsumerSpec.of(FormatConsumers.CONTRACT, consumer), pattern);
    }

    private static Subject desk(String name, String pattern, String defect, Dispatcher.Mode mode) {
        return new Subject(name, defect, mode != Dispatcher.Mode.CORRECT, () -> {
            Dispatcher dispatcher = new Dispatcher(mode);
            return ConsumerSpec.ofDeliveries(FormatConsumers.CONTRACT, dispatcher::accept)
                    .owner("triage-agent")
                    .sideEffects(dispatcher::assignments)
                    .escalation(dispatcher::process, dispatcher::outbox);
        }, pattern);
    }

    static List<Subject> all() {
        List<Subject> out = new ArrayList<>();
        out.add(raw("scalar-coercion", "number-as-string", "lenient binding coerces \"42\"→42, 1.9→1, 5→\"5\"", true,
                FormatConsumers::scalarCoercion));
        out.add(raw("first-object-wins", "multiple-values", "reads the first JSON value, ignores the rest", true,
                FormatConsumers::firstObjectWins));
        out.add(raw("fence-stripping", "markdown-fence", "strips ``` fences; single-line fences lose the content", true,
                FormatConsumers::fenceStripping));
        out.add(raw("catch-return-default", "prose-only", "swallows rejections, returns a default verdict", true,
                FormatConsumers::catchAndReturnDefault));
        out.add(raw("refusal-as-content", "refusal", "non-JSON text (a refusal) becomes the summary", true,
                FormatConsumers::refusalAsContent));
        out.add(raw("unknown-fields-dropped", "extra-field", "drops unknown fields before validating", true,
                FormatConsumers::unknownFieldsDropped));
        out.add(raw("truncation-repair", "truncation", "closes brackets of truncated output and goes on", true,
                FormatConsumers::truncationRepair));
        out.add(raw("syntax-repair", "single-quotes", "rewrites quotes, Python literals, trailing commas", true,
                FormatConsumers::syntaxRepair));
        out.add(raw("case-insensitive-enum", "enum-case-drift", "upper-cases the enum before validating", true,
                FormatConsumers::caseInsensitiveEnum));
        out.add(raw("null-to-default", "null-field", "fills null fields with defaults", true, FormatConsumers::nullToDefault));
        out.add(raw("unowned-exception", "trailing-comma", "lets the mapper's exceptions escape, untyped and unowned", true,
                FormatConsumers::unownedException));
        out.add(raw("bucket-collapse", "truncation", "reports every rejection as NOT_JSON", true, FormatConsumers::bucketCollapse));
        out.add(raw("double-decoding", "double-encoded-document", "decodes a JSON string payload a second time", true,
                FormatConsumers::doubleDecoding));
        out.add(raw("wrapper-unwrapping", "wrapper-key", "unwraps a single-key wrapper object", true,
                FormatConsumers::wrapperUnwrapping));
        out.add(raw("duplicate-keys-last-wins", "duplicate-keys", "parses duplicate keys, the last one wins", true,
                FormatConsumers::duplicateKeysLastWins));
        out.add(desk("retry-repeats-effect", "replay-idempotent", "assigns on every delivery: a retry assigns twice",
                Dispatcher.Mode.NO_IDEMPOTENCY));
        out.add(desk("check-then-act", "replay-idempotent", "non-atomic idempotency check: concurrent duplicates both assign",
                Dispatcher.Mode.CHECK_THEN_ACT));
        out.add(desk("escalation-drops-envelope", "escalates-once", "escalates without message id and key",
                Dispatcher.Mode.ESCALATION_DROPS_ENVELOPE));
        out.add(desk("escalation-last-attempt", "escalates-once", "escalates with the last attempt only",
                Dispatcher.Mode.ESCALATION_KEEPS_LAST_ATTEMPT));
        out.add(desk("gives-up-silently", "escalates-once", "stops after 3 attempts, escalates nothing",
                Dispatcher.Mode.GIVES_UP_SILENTLY));
        out.add(desk("retries-forever", "escalates-once", "retries until the producer behaves", Dispatcher.Mode.RETRIES_FOREVER));
        out.add(desk("escalates-every-attempt", "escalates-once", "escalates once per failed attempt",
                Dispatcher.Mode.ESCALATES_EVERY_ATTEMPT));
        // correct twins
        out.add(raw("twin:strict-boundary", "", "receives through the Boundary, rejection propagates", false,
                FormatConsumers::strict));
        out.add(raw("twin:returns-received", "", "returns the Boundary's Received", false,
                FormatConsumers::returnsReceived));
        out.add(raw("twin:logs-and-rethrows", "", "fixed catch-return-default: logs, rethrows", false,
                FormatConsumers::logsAndRethrows));
        out.add(raw("twin:keeps-bucket", "", "fixed bucket-collapse: rewraps with the same rejection", false,
                FormatConsumers::keepsBucketWhenWrapping));
        out.add(desk("twin:dispatcher", "", "atomic idempotency claim, one escalation with envelope and attempts",
                Dispatcher.Mode.CORRECT));
        return out;
    }
}
