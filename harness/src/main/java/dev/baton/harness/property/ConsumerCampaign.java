package dev.baton.harness.property;

import dev.baton.harness.ConsumerSpec;
import dev.baton.harness.Delivery;
import dev.baton.harness.ObservedEscalation;
import dev.baton.harness.RecoveryPath;
import dev.baton.harness.campaign.FailureStore;
import dev.baton.harness.campaign.Search;
import dev.baton.harness.campaign.Verdict;
import dev.baton.harness.choice.ChoiceSequence;
import dev.baton.harness.choice.Choices;
import dev.baton.harness.choice.Gen;
import dev.baton.harness.generate.SchemaGenerator;
import dev.baton.harness.operator.MalformedOperator;
import dev.baton.harness.operator.OperatorCatalogue;
import dev.baton.harness.operator.OperatorContext;
import dev.baton.harness.operator.Rendering;
import dev.baton.harness.schema.SchemaOracle;
import dev.baton.runtime.boundary.Rejection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import tools.jackson.databind.JsonNode;

/**
 * Runs the four properties against one consumer: valid input accepted, malformed input rejected
 * per operator, replay idempotent, exhausted recovery escalates once. Each property is one
 * {@link Search}: seeded, stored on failure, shrunk on its choices.
 */
public final class ConsumerCampaign {

    /** Property ids, used in unique ids, failure-store keys and reports. */
    public static final String VALID = "valid-accepted";
    public static final String REPLAY = "replay-idempotent";
    public static final String ESCALATION = "escalates-once";

    private static final int CONCURRENT_DELIVERIES = 4;
    private static final int MAX_ATTEMPTS = 50;
    private static final AtomicLong IDS = new AtomicLong();

    private final ConsumerSpec<?> spec;
    private final CampaignSettings settings;
    private final FailureStore store;
    private final SchemaOracle oracle;
    private final SchemaGenerator valid;
    private final OperatorContext operatorContext;
    private final long deadlineNanos;
    private final String runNonce = Long.toHexString(System.nanoTime());

    /**
     * @param spec     the consumer under test
     * @param settings tries, seed and budget
     * @param store    where failing sequences are kept
     */
    public ConsumerCampaign(ConsumerSpec<?> spec, CampaignSettings settings, FailureStore store) {
        this.spec = spec;
        this.settings = settings;
        this.store = store;
        this.oracle = SchemaOracle.of(spec.contract());
        this.valid = SchemaGenerator.of(oracle);
        this.operatorContext = new OperatorContext(oracle, spec.limits());
        this.deadlineNanos = System.nanoTime() + settings.timeBudget().toNanos();
        this.consumer = delivery -> within(() -> spec.consumer().accept(delivery));
    }

    /** Daemon threads: a consumer that never returns is abandoned, not waited for. */
    private static final ExecutorService CALLS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "baton-consumer-call");
        t.setDaemon(true);
        return t;
    });

    /** The consumer under test, guarded so that a hanging call fails its property instead of the build. */
    private final dev.baton.harness.HandoffConsumer consumer;

    private volatile boolean hung;

    private <V> V within(java.util.concurrent.Callable<V> call) throws Exception {
        if (hung) {
            // one hang per consumer is enough: waiting out the budget again would stall the whole run
            throw new ConsumerHung(settings.timeBudget());
        }
        Future<V> future = CALLS.submit(call);
        try {
            return future.get(settings.timeBudget().toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            future.cancel(true);
            hung = true;
            throw new ConsumerHung(settings.timeBudget());
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** The operators this campaign runs, after {@code baton.operators.exclude}. */
    public static List<MalformedOperator> operators(CampaignSettings settings) {
        return OperatorCatalogue.all().stream().filter(o -> !settings.excludedOperators().contains(o.name())).toList();
    }

    /**
     * Runs every property in the engine's order (valid, each operator, replay, escalation), for use
     * without JUnit (benchmarks, tools).
     *
     * @param keyPrefix prefix of the failure-store keys
     * @return property label → result, in run order
     */
    public Map<String, PropertyResult> runAll(String keyPrefix) {
        List<MalformedOperator> ops = operators(settings);
        Map<String, PropertyResult> out = new LinkedHashMap<>();
        int left = ops.size() + 3;
        out.put(VALID, valid(keyPrefix + "." + VALID, left--));
        for (MalformedOperator op : ops) {
            out.put(op.name(), malformed(op, keyPrefix + "." + op.name(), left--));
        }
        out.put(REPLAY, replay(keyPrefix + "." + REPLAY, left--));
        out.put(ESCALATION, escalation(keyPrefix + "." + ESCALATION, left));
        return out;
    }

    /** Property 1: every generated valid value is accepted. */
    public PropertyResult valid(String key, int propertiesLeft) {
        Gen<String> gen = c -> Rendering.of(valid.generate(c), c.drawBoolean(0.5)).text();
        PropertyResult result = run(key, "valid input is accepted", null, gen, raw -> {
            Outcome outcome = Outcome.deliver(consumer, delivery(raw));
            if (outcome instanceof Outcome.Accepted) {
                return Verdict.pass();
            }
            if (outcome instanceof Outcome.Threw t && t.error() instanceof ConsumerHung) {
                return Verdict.failWithoutShrinking("consumer hung", outcome.describe());
            }
            return Verdict.fail(outcome instanceof Outcome.Rejected r ? "valid input rejected as " + r.rejection().bucket()
                    : "valid input made the consumer throw", outcome.describe());
        }, settings.validTries(), propertiesLeft);
        if (result.status() == PropertyResult.Status.NOT_APPLICABLE) {
            // without valid values nothing else can be tested either: that is a failure, not a skip
            return new PropertyResult(PropertyResult.Status.FAILED, result.tries(), result.discards(),
                    "cannot generate valid values from the contract " + spec.contract().id() + ": "
                            + result.message(), result.entries(), 0, 0);
        }
        return result;
    }

    /** Property 2, for one operator: its output is rejected with a typed, owned error of its bucket. */
    public PropertyResult malformed(MalformedOperator operator, String key, int propertiesLeft) {
        Gen<String> gen = c -> operator.mutation().apply(valid.generate(c), operatorContext, c);
        int tries = operator.family() == dev.baton.harness.operator.Family.RESOURCE
                ? Math.min(2, settings.tries()) : settings.tries();
        // resource inputs are as large as the limit they break: there is little to shrink, and each replay is costly
        int shrinkReplays = operator.family() == dev.baton.harness.operator.Family.RESOURCE ? 2 : 1_000;
        return run(key, "malformed input is rejected: " + operator.label(), operator, gen, raw -> {
            String notNegative = notNegative(operator, raw);
            if (notNegative != null) {
                return Verdict.discard(notNegative);
            }
            Outcome outcome = Outcome.deliver(consumer, delivery(raw));
            return judgeRejection(operator, outcome);
        }, tries, propertiesLeft, shrinkReplays);
    }

    private String notNegative(MalformedOperator operator, String raw) {
        return operator.notNegative(raw, oracle);
    }

    private Verdict judgeRejection(MalformedOperator operator, Outcome outcome) {
        if (outcome instanceof Outcome.Accepted) {
            return Verdict.fail("silent acceptance", outcome.describe());
        }
        if (outcome instanceof Outcome.Threw threw && threw.error() instanceof ConsumerHung) {
            return Verdict.failWithoutShrinking("consumer hung", outcome.describe());
        }
        if (outcome instanceof Outcome.Threw threw) {
            return Verdict.fail("unowned exception " + threw.error().getClass().getName(), outcome.describe());
        }
        Rejection rejection = ((Outcome.Rejected) outcome).rejection();
        if (!operator.expected().contains(rejection.bucket())) {
            return Verdict.fail("wrong bucket " + rejection.bucket(), outcome.describe() + "; expected "
                    + operator.expected());
        }
        String owner = rejection.owner();
        if (owner == null || owner.isBlank()) {
            return Verdict.fail("unowned rejection", outcome.describe());
        }
        if (spec.owner().isPresent() && !spec.owner().get().equals(owner)) {
            return Verdict.fail("wrong owner " + owner, outcome.describe() + "; expected owner " + spec.owner().get());
        }
        return Verdict.pass();
    }

    /** Property 3: one handoff delivered twice, and concurrently, causes exactly one side effect. */
    public PropertyResult replay(String key, int propertiesLeft) {
        if (spec.sideEffects().isEmpty()) {
            return notApplicable("the consumer declares no side effects (ConsumerSpec.sideEffects)");
        }
        LongSupplier effects = spec.sideEffects().get();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        boolean keyed = spec.keyed();
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT_DELIVERIES);
        try {
            Gen<List<String>> gen = c -> List.of(Rendering.of(valid.generate(c), false).text(),
                    Rendering.of(valid.generate(c), false).text());
            return run(key, "replay is idempotent", null, gen, raws -> {
                Delivery first = delivery(raws.get(0));
                long expectFirst = keyed || seen.add(first.raw()) ? 1 : 0;
                long before = effects.getAsLong();
                Outcome outcome = Outcome.deliver(consumer, first);
                if (!(outcome instanceof Outcome.Accepted)) {
                    return Verdict.fail("valid handoff not accepted", outcome.describe());
                }
                Outcome.deliver(consumer, retry(first));
                long sequential = effects.getAsLong() - before;
                if (sequential != expectFirst) {
                    return Verdict.fail(sequential > expectFirst ? "redelivery repeated the side effect"
                            : "side effect lost", "delivered twice with idempotency key " + first.idempotencyKey()
                            + ": " + sequential + " side effects, expected " + expectFirst);
                }
                Delivery second = delivery(raws.get(1));
                long expectSecond = keyed || seen.add(second.raw()) ? 1 : 0;
                long beforeConcurrent = effects.getAsLong();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Outcome>> futures = new ArrayList<>();
                for (int i = 0; i < CONCURRENT_DELIVERIES; i++) {
                    Delivery d = i == 0 ? second : new Delivery(second.raw(), second.messageId(),
                            second.idempotencyKey(), i + 1);
                    futures.add(pool.submit(() -> {
                        start.await();
                        return Outcome.deliver(consumer, d);
                    }));
                }
                start.countDown();
                for (Future<Outcome> f : futures) {
                    try {
                        f.get(30, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        return Verdict.fail("concurrent delivery hung or failed", e.toString());
                    }
                }
                long concurrent = effects.getAsLong() - beforeConcurrent;
                if (concurrent != expectSecond) {
                    return Verdict.fail(concurrent > expectSecond ? "concurrent redelivery repeated the side effect"
                            : "side effect lost", CONCURRENT_DELIVERIES + " concurrent deliveries of one handoff: "
                            + concurrent + " side effects, expected " + expectSecond);
                }
                return Verdict.pass();
            }, settings.tries(), propertiesLeft);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Property 4: when every attempt is malformed, recovery ends in exactly one complete escalation. */
    public PropertyResult escalation(String key, int propertiesLeft) {
        if (spec.recovery().isEmpty()) {
            return notApplicable("the consumer declares no recovery path (ConsumerSpec.escalation)");
        }
        RecoveryPath path = spec.recovery().get();
        List<MalformedOperator> always = List.of("markdown-fence", "prose-only", "refusal", "empty-output",
                "thinking-tags", "truncation").stream().map(n -> OperatorCatalogue.named(n).orElseThrow()).toList();
        // the script is generated lazily, attempt by attempt, from the same choices: it shrinks too
        Gen<Script> gen = c -> new Script(c, always);
        return run(key, "exhausted recovery escalates once", null, gen, script -> {
            String id = "baton-" + runNonce + "-" + IDS.incrementAndGet();
            List<String> sent = new ArrayList<>();
            List<ObservedEscalation> before = new ArrayList<>(spec.escalations().get().get());
            RecoveryPath.Upstream upstream = new RecoveryPath.Upstream() {
                @Override
                public Delivery next() {
                    if (sent.size() >= MAX_ATTEMPTS) {
                        throw new UnboundedRecovery();
                    }
                    String raw = script.next();
                    sent.add(raw);
                    return new Delivery(raw, id, id, sent.size());
                }

                @Override
                public String messageId() {
                    return id;
                }

                @Override
                public String idempotencyKey() {
                    return id;
                }
            };
            Throwable ended = null;
            try {
                within(() -> {
                    path.run(upstream);
                    return null;
                });
            } catch (ConsumerHung e) {
                return Verdict.failWithoutShrinking("consumer hung", e.getMessage());
            } catch (UnboundedRecovery e) {
                return Verdict.fail("unbounded recovery", "the recovery path asked for more than " + MAX_ATTEMPTS
                        + " attempts without escalating");
            } catch (Throwable e) {
                ended = e;
            }
            // what is new since the run started, whatever order the store lists escalations in
            List<ObservedEscalation> fresh = new ArrayList<>(spec.escalations().get().get());
            for (ObservedEscalation old : before) {
                fresh.remove(old);
            }
            String how = sent.size() + " malformed attempts" + (ended == null ? "" : ", path ended with " + ended);
            if (fresh.isEmpty()) {
                return Verdict.fail("no escalation", how + ", but nothing was escalated");
            }
            if (fresh.size() > 1) {
                return Verdict.fail("escalated more than once", how + ", " + fresh.size() + " escalations");
            }
            ObservedEscalation e = fresh.get(0);
            // the runtime mints its own message ids per attempt: either identity proves the envelope was kept
            if (!id.equals(e.messageId()) && !id.equals(e.idempotencyKey())) {
                return Verdict.fail("escalation lost the envelope", how + "; escalation carries message id "
                        + e.messageId() + " and key " + e.idempotencyKey() + ", expected " + id);
            }
            if (!sameAttempts(e.attempts(), sent)) {
                return Verdict.fail("escalation lost attempts", how + "; escalation carries " + e.attempts().size()
                        + " attempts" + (e.attempts().size() == sent.size() ? " with different content" : ""));
            }
            return Verdict.pass();
        }, Math.max(1, settings.tries() / 2), propertiesLeft);
    }

    /** Equal, allowing a stored excerpt of at least 1 KiB to stand for a longer attempt. */
    private static boolean sameAttempts(List<String> observed, List<String> sent) {
        if (observed.size() != sent.size()) {
            return false;
        }
        for (int i = 0; i < sent.size(); i++) {
            String o = observed.get(i);
            String s = sent.get(i);
            boolean excerpt = o != null && o.length() >= 1024 && s.length() > o.length() && s.startsWith(o);
            if (!s.equals(o) && !excerpt) {
                return false;
            }
        }
        return true;
    }

    /** Lazily generated malformed upstream answers for the escalation property. */
    private final class Script {
        private final Choices choices;
        private final List<MalformedOperator> operators;

        Script(Choices choices, List<MalformedOperator> operators) {
            this.choices = choices;
            this.operators = operators;
        }

        String next() {
            MalformedOperator op = operators.get(choices.pick(operators.size()));
            String raw = op.mutation().apply(valid.generate(choices), operatorContext, choices);
            return notNegative(op, raw) == null ? raw : "";
        }

        @Override
        public String toString() {
            return "malformed answers drawn per attempt from " + operators.stream().map(MalformedOperator::name).toList();
        }
    }

    private static final class UnboundedRecovery extends RuntimeException {
        UnboundedRecovery() {
            super("too many attempts", null, false, false);
        }
    }

    private Delivery delivery(String raw) {
        String id = "baton-" + runNonce + "-" + IDS.incrementAndGet();
        return new Delivery(raw, id, id, 1);
    }

    private static Delivery retry(Delivery d) {
        return new Delivery(d.raw(), d.messageId(), d.idempotencyKey(), d.attempt() + 1);
    }

    private PropertyResult notApplicable(String why) {
        return new PropertyResult(PropertyResult.Status.NOT_APPLICABLE, 0, 0, why, Map.of(), 0, 0);
    }

    private <T> PropertyResult run(String key, String property, MalformedOperator operator, Gen<T> gen,
                                   Function<T, Verdict> check, int tries, int propertiesLeft) {
        return run(key, property, operator, gen, check, tries, propertiesLeft, 1_000);
    }

    private <T> PropertyResult run(String key, String property, MalformedOperator operator, Gen<T> gen,
                                   Function<T, Verdict> check, int tries, int propertiesLeft, int shrinkReplays) {
        long remaining = Math.max(0, deadlineNanos - System.nanoTime()) / 1_000_000L;
        long budget = Math.max(50, remaining / Math.max(1, propertiesLeft));
        long seed = settings.seed() ^ mix(key);
        List<ChoiceSequence> stored = store.load(key);
        long started = System.nanoTime();
        Search.Result<T> result = Search.run(gen, check, new Search.Limits(seed, tries, budget, 200_000,
                shrinkReplays), stored);
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000L;
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("property", property);
        if (operator != null) {
            entries.put("operator", operator.label() + ": " + operator.pattern());
            entries.put("expected", String.valueOf(operator.expected()));
        }
        entries.put("seed", Long.toString(settings.seed()));
        entries.put("tries", Integer.toString(result.tries()));
        entries.put("discarded", Integer.toString(result.discards()));
        entries.put("time", elapsedMillis + "ms");
        if (result.passed()) {
            store.clear(key);
            if (result.tries() > 0 && result.discards() == result.tries()) {
                return new PropertyResult(PropertyResult.Status.NOT_APPLICABLE, result.tries(), result.discards(),
                        "not applicable to this contract: every one of " + result.tries() + " tries was discarded ("
                                + result.lastDiscardReason() + ")", entries, 0, 0);
            }
            return new PropertyResult(PropertyResult.Status.PASSED, result.tries(), result.discards(), "", entries, 0, 0);
        }
        Search.Failure<T> failure = result.failure();
        store.save(key, settings.seed(), failure.choices());
        String input = render(failure.value());
        entries.put("input", input);
        entries.put("outcome", failure.verdict().outcome());
        entries.put("failure", failure.verdict().kind());
        String message = property + " — " + failure.verdict().kind() + "\n"
                + (operator == null ? "" : "  operator: " + operator.label() + ": " + operator.pattern()
                        + "; expected a typed, owned rejection in " + operator.expected() + "\n")
                + "  seed:     " + settings.seed() + " (replay with -Dbaton.seed=" + settings.seed() + ")\n"
                + "  found:    " + (failure.foundAtTry() == 0 ? "replayed from " + store.file(key)
                        : "try " + failure.foundAtTry() + " of " + tries)
                + " (" + size(failure.originalValue()) + " chars), shrunk with " + failure.shrinkReplays()
                + " replays to " + size(failure.value()) + " chars\n"
                + "  input:    " + input + "\n"
                + "  outcome:  " + failure.verdict().outcome() + "\n"
                + "  stored:   " + store.file(key);
        return new PropertyResult(PropertyResult.Status.FAILED, result.tries(), result.discards(), message, entries,
                failure.foundAtTry(), size(failure.value()));
    }

    private static String render(Object value) {
        if (value instanceof String s) {
            return Outcome.abbreviate(SchemaOracle.STRICT.writeValueAsString(
                    tools.jackson.databind.node.JsonNodeFactory.instance.stringNode(s)));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ConsumerCampaign::render).toList().toString();
        }
        return Outcome.abbreviate(String.valueOf(value));
    }

    private static int size(Object value) {
        if (value instanceof String s) {
            return s.length();
        }
        if (value instanceof List<?> list) {
            return list.stream().mapToInt(ConsumerCampaign::size).sum();
        }
        return String.valueOf(value).length();
    }

    private static long mix(String key) {
        long h = 1125899906842597L;
        for (int i = 0; i < key.length(); i++) {
            h = 31 * h + key.charAt(i);
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}
