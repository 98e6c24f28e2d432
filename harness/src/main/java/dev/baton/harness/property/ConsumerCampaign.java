package dev.baton.harness.property;

import dev.baton.harness.ConsumerSpec;
import dev.baton.harness.Delivery;
import dev.baton.harness.HandoffConsumer;
import dev.baton.harness.ObservedEscalation;
import dev.baton.harness.RecoveryPath;
import dev.baton.harness.campaign.FailureStore;
import dev.baton.harness.campaign.Search;
import dev.baton.harness.campaign.Verdict;
import dev.baton.harness.choice.Choices;
import dev.baton.harness.choice.Gen;
import dev.baton.harness.generate.SchemaGenerator;
import dev.baton.harness.operator.MalformedOperator;
import dev.baton.harness.operator.OperatorCatalogue;
import dev.baton.harness.operator.OperatorContext;
import dev.baton.harness.operator.Rendering;
import dev.baton.harness.report.Printable;
import dev.baton.harness.schema.SchemaOracle;
import dev.baton.runtime.boundary.Bucket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

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

    /**
     * Rounds of concurrent delivery per try of the replay property that must really start together:
     * a fixed number, whatever the machine's load. Each round delivers a fresh handoff to
     * {@link #RACERS} threads released together by a spinning barrier.
     */
    public static final int RACE_ROUNDS = 100;
    /** At most this many rounds per try, together or not, and for at most this long. */
    static final int MAX_RACE_ROUNDS = 20_000;
    static final long MAX_RACE_NANOS = 2_000_000_000L;
    /** Two racers that start their calls within this much of each other ran at the same time. */
    static final long TOGETHER_NANOS = 500;
    /** Threads delivering one handoff at once in a round. */
    static final int RACERS = 4;
    /** How often a stored race is replayed before it counts as fixed (a race does not show every time). */
    static final int RACE_REPLAYS = 8;
    /** Upper bound of a racer's start offset, in spin-wait hints (tens of nanoseconds each). */
    static final int MAX_START_OFFSET = 30;
    private static final int MAX_ATTEMPTS = 50;
    /** Attempts listed in an escalation failure; an unbounded recovery sends {@link #MAX_ATTEMPTS}. */
    private static final int SHOWN_ATTEMPTS = 10;
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
    private final HandoffConsumer consumer;

    private volatile boolean hung;

    private <V> V within(Callable<V> call) throws Exception {
        if (hung) {
            // one hang per consumer is enough: waiting out the budget again would stall the whole run
            throw new ConsumerHung(settings.timeBudget());
        }
        Future<V> future = CALLS.submit(call);
        try {
            return future.get(settings.timeBudget().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            hung = true;
            throw new ConsumerHung(settings.timeBudget());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private Outcome deliver(Delivery delivery) {
        return Outcome.deliver(consumer, delivery, spec);
    }

    /**
     * The operators this campaign runs: every LLM-evidenced operator, plus the opt-in ones named
     * (or whose family is named) in {@code baton.operators.include}, minus {@code baton.operators.exclude}.
     */
    public static List<MalformedOperator> operators(CampaignSettings settings) {
        Set<String> include = new HashSet<>();
        settings.includedOperators().forEach(n -> include.add(n.toLowerCase(Locale.ROOT)));
        return OperatorCatalogue.all().stream()
                .filter(o -> o.llmEvidenced() || include.contains(o.name())
                        || include.contains(o.family().name().toLowerCase(Locale.ROOT)))
                .filter(o -> !settings.excludedOperators().contains(o.name()))
                .toList();
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
            Outcome outcome = deliver(delivery(raw));
            if (outcome instanceof Outcome.Accepted) {
                return Verdict.pass();
            }
            if (outcome instanceof Outcome.Threw t) {
                return threw(t, "valid input made the consumer throw");
            }
            return Verdict.fail("valid input rejected as " + ((Outcome.Rejected) outcome).bucket(), outcome.describe());
        }, settings.validTries(), propertiesLeft);
        if (result.status() == PropertyResult.Status.NOT_APPLICABLE) {
            // without valid values nothing else can be tested either: that is a failure, not a skip
            return new PropertyResult(PropertyResult.Status.FAILED, result.tries(), result.discards(),
                    "cannot generate valid values from the contract " + spec.contract().id() + ": "
                            + result.message(), result.entries(), 0, 0);
        }
        return result;
    }

    /** A hang, a crash (an Error: stack overflow, assertion, linkage…) or, for anything else, {@code kind}. */
    private static Verdict threw(Outcome.Threw threw, String kind) {
        if (threw.error() instanceof ConsumerHung) {
            return Verdict.failWithoutShrinking("consumer hung", threw.describe());
        }
        if (threw.crashed()) {
            return Verdict.fail("consumer crashed with " + threw.error().getClass().getName(), threw.describe());
        }
        return Verdict.fail(kind, threw.describe());
    }

    /** Property 2, for one operator: its output is rejected with a typed, owned error of its bucket. */
    public PropertyResult malformed(MalformedOperator operator, String key, int propertiesLeft) {
        Gen<String> gen = c -> operator.mutation().apply(valid.generate(c), operatorContext, c);
        int tries = operator.costly() ? Math.min(2, settings.tries()) : settings.tries();
        // inputs as large as the limit they break: there is little to shrink, and each replay is costly
        int shrinkReplays = operator.costly() ? 2 : 1_000;
        return run(key, "malformed input is rejected: " + operator.label(), operator, gen, raw -> {
            String notNegative = operator.notNegative(raw, oracle);
            if (notNegative != null) {
                return Verdict.discard(notNegative);
            }
            return judgeRejection(operator, deliver(delivery(raw)));
        }, tries, propertiesLeft, shrinkReplays, 1);
    }

    private Verdict judgeRejection(MalformedOperator operator, Outcome outcome) {
        if (outcome instanceof Outcome.Accepted) {
            return Verdict.fail("silent acceptance", outcome.describe());
        }
        if (outcome instanceof Outcome.Threw threw) {
            return threw(threw, "unowned exception " + threw.error().getClass().getName());
        }
        Outcome.Rejected rejection = (Outcome.Rejected) outcome;
        Set<Bucket> accepted = spec.acceptedBuckets(operator.expected());
        if (!accepted.contains(rejection.bucket())) {
            return Verdict.fail("wrong bucket " + rejection.bucket(), outcome.describe() + "; expected "
                    + operator.expected() + (accepted.equals(operator.expected()) ? ""
                            : " or a declared coarse bucket " + coarseOnly(accepted, operator.expected())));
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

    private static List<Bucket> coarseOnly(Set<Bucket> accepted, Set<Bucket> expected) {
        return accepted.stream().filter(b -> !expected.contains(b)).toList();
    }

    /**
     * What the replay property delivers: one handoff for the sequential redelivery, then, drawn
     * round by round from the same choices, one handoff per round of concurrent delivery and each
     * racer's start offset in it. The offsets are choices like any other, so the schedule that
     * exposed a race is stored and replayed with it. It remembers the rounds drawn, for the report.
     */
    final class ReplayCase {
        private final Choices choices;
        private final String sequential;
        private final List<String> drawn = new ArrayList<>();

        ReplayCase(Choices choices) {
            this.choices = choices;
            this.sequential = Rendering.of(valid.generate(choices), false).text();
        }

        String sequential() {
            return sequential;
        }

        /** The next round: its handoff and each racer's start offset (in spin-wait hints). */
        Round next() {
            String raw = Rendering.of(valid.generate(choices), false).text();
            int[] offsets = new int[RACERS];
            for (int i = 0; i < RACERS; i++) {
                // most racers start at once; some a little late, so that a skew between cores is swept too
                offsets[i] = choices.drawBoolean(0.25) ? choices.drawInt(0, MAX_START_OFFSET) : 0;
            }
            drawn.add(raw);
            return new Round(drawn.size(), raw, offsets);
        }

        int size() {
            return sequential.length() + drawn.stream().mapToInt(String::length).sum();
        }

        @Override
        public String toString() {
            return "sequential " + render(sequential) + (drawn.isEmpty() ? "" : ", then " + drawn.size()
                    + " rounds of " + RACERS + " concurrent deliveries, the last " + render(drawn.get(drawn.size() - 1)));
        }
    }

    /** One round of concurrent delivery. */
    record Round(int number, String raw, int[] offsets) {
    }

    /**
     * Property 3: one handoff delivered twice in a row, and concurrently, causes exactly one side
     * effect. Concurrent deliveries start together: each racer calls the consumer on its own thread
     * right after a spinning barrier releases it (no hand-off to another thread in between, which
     * would stagger the starts by more than any check-then-act window), after its drawn start offset.
     * A try runs rounds until {@link #RACE_ROUNDS} of them really started together (at least two
     * racers within {@link #TOGETHER_NANOS}): on a busy machine the racers are often not running at
     * the same moment, and a round in which they were not proves nothing.
     */
    public PropertyResult replay(String key, int propertiesLeft) {
        if (spec.sideEffects().isEmpty()) {
            return notApplicable("the consumer declares no side effects (ConsumerSpec.sideEffects)");
        }
        LongSupplier effects = spec.sideEffects().get();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        boolean keyed = spec.keyed();
        ExecutorService racers = Executors.newFixedThreadPool(RACERS, r -> {
            Thread t = new Thread(r, "baton-racer");
            t.setDaemon(true);
            return t;
        });
        List<String> shortRaces = new ArrayList<>();
        try {
            Gen<ReplayCase> gen = ReplayCase::new;
            PropertyResult result = run(key, "replay is idempotent", null, gen, replayCase -> {
                Delivery first = delivery(replayCase.sequential());
                long expectFirst = keyed || seen.add(first.raw()) ? 1 : 0;
                long before = effects.getAsLong();
                Outcome outcome = deliver(first);
                if (outcome instanceof Outcome.Threw t) {
                    return threw(t, "valid handoff not accepted");
                }
                if (!(outcome instanceof Outcome.Accepted)) {
                    return Verdict.fail("valid handoff not accepted", outcome.describe());
                }
                Outcome again = deliver(retry(first));
                if (again instanceof Outcome.Threw t && (t.crashed() || t.error() instanceof ConsumerHung)) {
                    return threw(t, "redelivery made the consumer throw");
                }
                long sequential = effects.getAsLong() - before;
                if (sequential != expectFirst) {
                    return Verdict.fail(sequential > expectFirst ? "redelivery repeated the side effect"
                            : "side effect lost", "delivered twice with idempotency key " + first.idempotencyKey()
                            + ": " + sequential + " side effects, expected " + expectFirst);
                }
                return race(replayCase, racers, effects, keyed, seen, shortRaces);
            }, settings.replayTries(), propertiesLeft, 1_000, RACE_REPLAYS);
            if (result.status() == PropertyResult.Status.PASSED && !shortRaces.isEmpty()) {
                // a green replay property on rounds that did not overlap must say so, like a cut budget
                Map<String, String> entries = new LinkedHashMap<>(result.entries());
                String note = (result.message().isEmpty() ? "" : result.message() + "; ") + shortRaces.get(0);
                entries.put("race", shortRaces.get(0));
                return new PropertyResult(result.status(), result.tries(), result.discards(), note, entries, 0, 0);
            }
            return result;
        } finally {
            racers.shutdownNow();
        }
    }

    private Verdict race(ReplayCase replayCase, ExecutorService racers, LongSupplier effects, boolean keyed,
                         Set<String> seen, List<String> shortRaces) {
        if (hung) {
            return Verdict.failWithoutShrinking("consumer hung", new ConsumerHung(settings.timeBudget()).getMessage());
        }
        long raceDeadline = System.nanoTime() + settings.timeBudget().toNanos();
        long stopDrawingAt = System.nanoTime() + Math.min(MAX_RACE_NANOS, Math.max(1, deadlineNanos - System.nanoTime()) / 2);
        SpinBarrier barrier = new SpinBarrier(RACERS, raceDeadline);
        Outcome[] outcomes = new Outcome[RACERS];
        long[] starts = new long[RACERS];
        long[] ends = new long[RACERS];
        // written by racer 0 only, read by the others after a barrier (which orders the accesses)
        Prepared[] current = new Prepared[1];
        Verdict[] verdict = {Verdict.pass()};
        int[] together = new int[1];
        int[] run = new int[1];
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            int racer = i;
            futures.add(racers.submit(() -> {
                long before = 0;
                while (true) {
                    if (racer == 0) {
                        boolean enough = together[0] >= RACE_ROUNDS || run[0] >= MAX_RACE_ROUNDS
                                || System.nanoTime() > stopDrawingAt || verdict[0] instanceof Verdict.Fail;
                        current[0] = null;
                        Round next = null;
                        if (!enough) {
                            try {
                                next = replayCase.next();
                            } catch (Choices.Overrun | Choices.Unsatisfiable e) {
                                // the choice sequence is full after thousands of rounds: enough for this try
                            }
                        }
                        if (next != null) {
                            Delivery handoff = delivery(next.raw());
                            current[0] = new Prepared(next, handoff, keyed || seen.add(handoff.raw()) ? 1 : 0);
                            before = effects.getAsLong();
                        }
                    }
                    barrier.await();
                    Prepared prepared = current[0];
                    if (prepared == null) {
                        return null;
                    }
                    Round round = prepared.round();
                    Delivery handoff = prepared.handoff();
                    for (int s = round.offsets()[racer]; s > 0; s--) {
                        Thread.onSpinWait();
                    }
                    starts[racer] = System.nanoTime();
                    // one handoff: the same ids for every racer, each its own attempt number
                    outcomes[racer] = Outcome.deliver(spec.consumer(), new Delivery(handoff.raw(), handoff.messageId(),
                            handoff.idempotencyKey(), racer + 1), spec);
                    ends[racer] = System.nanoTime();
                    barrier.await();
                    if (racer == 0) {
                        run[0]++;
                        if (startedTogether(starts, ends)) {
                            together[0]++;
                        }
                        verdict[0] = judgeRound(round, outcomes, effects.getAsLong() - before, prepared.expected(),
                                handoff, run[0], together[0]);
                    }
                }
            }));
        }
        for (Future<?> f : futures) {
            try {
                f.get(Math.max(1, (raceDeadline - System.nanoTime()) / 1_000_000L), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                futures.forEach(x -> x.cancel(true));
                hung = true;
                return Verdict.failWithoutShrinking("consumer hung", "concurrent deliveries did not return within "
                        + settings.timeBudget().toMillis() + " ms (baton.timeBudget); they were interrupted");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                futures.forEach(x -> x.cancel(true));
                return Verdict.failWithoutShrinking("interrupted", "the run was interrupted");
            } catch (ExecutionException e) {
                futures.forEach(x -> x.cancel(true));
                Throwable cause = e.getCause();
                if (Outcome.fatal(cause)) {
                    throw (VirtualMachineError) cause;
                }
                return Verdict.fail("concurrent delivery failed", Outcome.abbreviate(String.valueOf(cause)));
            }
        }
        if (!(verdict[0] instanceof Verdict.Fail) && together[0] < RACE_ROUNDS) {
            shortRaces.add("only " + together[0] + " of " + run[0] + " rounds of concurrent delivery started together"
                    + " (" + RACE_ROUNDS + " asked; the machine is busy or the budget short)");
        }
        return verdict[0];
    }

    /**
     * Whether two racers started within {@link #TOGETHER_NANOS} of each other, or within an eighth
     * of their calls' length: a slow call has a wide window, an instant one a narrow window.
     */
    private static boolean startedTogether(long[] starts, long[] ends) {
        for (int i = 0; i < starts.length; i++) {
            for (int j = i + 1; j < starts.length; j++) {
                long shorter = Math.min(ends[i] - starts[i], ends[j] - starts[j]);
                if (Math.abs(starts[i] - starts[j]) <= Math.max(TOGETHER_NANOS, shorter / 8)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A round ready to run: its handoff and the side effects it should cause. */
    private record Prepared(Round round, Delivery handoff, long expected) {
    }

    private Verdict judgeRound(Round round, Outcome[] outcomes, long observed, long expected, Delivery handoff,
                               int run, int together) {
        for (Outcome o : outcomes) {
            if (o instanceof Outcome.Threw t && t.crashed()) {
                return threw(t, "concurrent delivery made the consumer throw");
            }
        }
        if (observed != expected) {
            // not shrunk: a race does not show on every replay, and the schedule that showed it is what is stored
            return Verdict.failWithoutShrinking(observed > expected ? "concurrent redelivery repeated the side effect"
                    : "side effect lost", "round " + round.number() + " (" + together + " of " + run
                    + " rounds so far started together): " + RACERS + " concurrent deliveries of one handoff"
                    + " (idempotency key " + handoff.idempotencyKey() + ", start offsets "
                    + Arrays.toString(round.offsets()) + " spins): " + observed + " side effects, expected " + expected);
        }
        return Verdict.pass();
    }

    /**
     * Releases its parties together: each spins until the last arrives, so they leave within
     * nanoseconds of each other rather than one wake-up after another. Gives up at the deadline.
     */
    private static final class SpinBarrier {
        private final int parties;
        private final long deadlineNanos;
        private final java.util.concurrent.atomic.AtomicInteger arrived = new java.util.concurrent.atomic.AtomicInteger();
        private volatile int generation;

        SpinBarrier(int parties, long deadlineNanos) {
            this.parties = parties;
            this.deadlineNanos = deadlineNanos;
        }

        void await() throws InterruptedException {
            int g = generation;
            if (arrived.incrementAndGet() == parties) {
                arrived.set(0);
                generation = g + 1;
                return;
            }
            long spins = 0;
            while (generation == g) {
                Thread.onSpinWait();
                // with fewer cores than racers, a spinner must let the others run now and then
                if ((++spins & 0x3FF) == 0) {
                    Thread.yield();
                    if (Thread.interrupted()) {
                        throw new InterruptedException();
                    }
                    if (System.nanoTime() > deadlineNanos) {
                        throw new InterruptedException("racers did not meet before the deadline");
                    }
                }
            }
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
                if (Outcome.fatal(e)) {
                    throw (VirtualMachineError) e;
                }
                if (!(e instanceof Exception)) {
                    return threw(new Outcome.Threw(e), "");
                }
                ended = e;
            }
            // what is new since the run started, whatever order the store lists escalations in
            List<ObservedEscalation> fresh = new ArrayList<>(spec.escalations().get().get());
            for (ObservedEscalation old : before) {
                fresh.remove(old);
            }
            String how = sent.size() + " malformed attempts" + (ended == null ? ""
                    : ", path ended with " + Outcome.abbreviate(ended.toString()));
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
                        + Outcome.abbreviate(String.valueOf(e.messageId())) + " and key "
                        + Outcome.abbreviate(String.valueOf(e.idempotencyKey())) + ", expected " + id);
            }
            if (!sameAttempts(e.attempts(), sent)) {
                return Verdict.fail("escalation lost attempts", how + "; escalation carries " + e.attempts().size()
                        + " attempts" + (e.attempts().size() == sent.size() ? " with different content" : ""));
            }
            return Verdict.pass();
        }, settings.escalationTries(), propertiesLeft);
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

    /**
     * Lazily generated malformed upstream answers for the escalation property; it remembers what it
     * sent, so a failure reports the attempts themselves.
     */
    private final class Script {
        private final Choices choices;
        private final List<MalformedOperator> operators;
        private final List<String> sent = new ArrayList<>();
        private int chars;

        Script(Choices choices, List<MalformedOperator> operators) {
            this.choices = choices;
            this.operators = operators;
        }

        String next() {
            MalformedOperator op = operators.get(choices.pick(operators.size()));
            String raw = op.mutation().apply(valid.generate(choices), operatorContext, choices);
            String answer = op.notNegative(raw, oracle) == null ? raw : "";
            sent.add(op.name() + " " + render(answer));
            chars += answer.length();
            return answer;
        }

        @Override
        public String toString() {
            if (sent.isEmpty()) {
                return "no attempt was asked for";
            }
            StringBuilder out = new StringBuilder(sent.size() + " attempt" + (sent.size() == 1 ? "" : "s") + " sent:");
            int shown = Math.min(sent.size(), SHOWN_ATTEMPTS);
            for (int i = 0; i < shown; i++) {
                out.append(i == 0 ? " " : "; ").append(i + 1).append(". ").append(sent.get(i));
            }
            if (shown < sent.size()) {
                out.append("; … and ").append(sent.size() - shown).append(" more");
            }
            return out.toString();
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
        return run(key, property, operator, gen, check, tries, propertiesLeft, 1_000, 1);
    }

    private <T> PropertyResult run(String key, String property, MalformedOperator operator, Gen<T> gen,
                                   Function<T, Verdict> check, int tries, int propertiesLeft, int shrinkReplays,
                                   int storedReplays) {
        long remaining = Math.max(0, deadlineNanos - System.nanoTime()) / 1_000_000L;
        // this property's share of what is left, in proportion to its tries (valid input gets 4×); what an
        // earlier property did not use flows to the later ones
        long weightLeft = tries + (long) Math.max(0, propertiesLeft - 1) * settings.tries();
        long budget = Math.max(50, remaining * tries / Math.max(1, weightLeft));
        long seed = settings.seed() ^ mix(key);
        Optional<FailureStore.Stored> stored = store.load(key);
        long started = System.nanoTime();
        Search.Result<T> result = Search.run(gen, check, new Search.Limits(seed, tries, budget, 200_000,
                shrinkReplays, storedReplays), stored.map(s -> List.of(s.choices())).orElse(List.of()));
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
                                + Printable.escape(String.valueOf(result.lastDiscardReason())) + ")", entries, 0, 0);
            }
            String note = "";
            if (result.tries() < tries) {
                // the budget, not the property, ended the search: a green result on fewer tries must say so
                note = "ran " + result.tries() + " of " + tries + " tries within the " + seconds(settings.timeBudget())
                        + " budget (baton.timeBudget; " + budget + " ms of it for this property)";
                entries.put("tries-asked", Integer.toString(tries));
                entries.put("budget", note);
            }
            return new PropertyResult(PropertyResult.Status.PASSED, result.tries(), result.discards(), note, entries,
                    0, 0);
        }
        Search.Failure<T> failure = result.failure();
        boolean replayed = failure.foundAtTry() == 0 && stored.isPresent();
        long foundWith = replayed ? stored.get().seed() : settings.seed();
        String input = render(failure.value());
        store.save(key, foundWith, failure.choices(), input);
        entries.put("input", input);
        entries.put("outcome", failure.verdict().outcome());
        entries.put("failure", failure.verdict().kind());
        if (replayed) {
            entries.put("found-with-seed", Long.toString(foundWith));
        }
        String seedLine = replayed
                ? "  seed:     " + settings.seed() + " (this run); the failure was found with seed " + foundWith
                        + " (replay that search with -Dbaton.seed=" + foundWith + ")\n"
                : "  seed:     " + settings.seed() + " (replay with -Dbaton.seed=" + settings.seed() + ")\n";
        String message = property + " — " + failure.verdict().kind() + "\n"
                + (operator == null ? "" : "  operator: " + operator.label() + ": " + operator.pattern()
                        + "; expected a typed, owned rejection in " + operator.expected() + "\n")
                + seedLine
                + "  found:    " + (failure.foundAtTry() == 0 ? "replayed from " + store.file(key)
                        : "try " + failure.foundAtTry() + " of " + tries)
                + " (" + size(failure.originalValue()) + " chars), shrunk with " + failure.shrinkReplays()
                + " replays to " + size(failure.value()) + " chars\n"
                + "  input:    " + input + "\n"
                + "  outcome:  " + Printable.escape(failure.verdict().outcome()) + "\n"
                + "  stored:   " + store.file(key);
        return new PropertyResult(PropertyResult.Status.FAILED, result.tries(), result.discards(), message, entries,
                failure.foundAtTry(), size(failure.value()));
    }

    private static String seconds(Duration d) {
        long millis = d.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    /** One line: strings as JSON string literals, then every non-printable character escaped. */
    private static String render(Object value) {
        if (value instanceof String s) {
            String quoted = SchemaOracle.STRICT.writeValueAsString(
                    tools.jackson.databind.node.JsonNodeFactory.instance.stringNode(s));
            return Printable.escape(Printable.abbreviate(quoted, 240));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ConsumerCampaign::render).toList().toString();
        }
        if (value instanceof Script || value instanceof ReplayCase) {
            // built from rendered parts, each already cut and escaped
            return value.toString();
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
        if (value instanceof ReplayCase rc) {
            return rc.size();
        }
        if (value instanceof Script script) {
            return script.chars;
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
