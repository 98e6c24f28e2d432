package dev.baton.runtime.retry;

import dev.baton.runtime.boundary.Accepted;
import dev.baton.runtime.boundary.Boundary;
import dev.baton.runtime.boundary.Received;
import dev.baton.runtime.boundary.Rejected;
import dev.baton.runtime.boundary.Rejection;
import dev.baton.runtime.chain.Recovery;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeoutException;

/**
 * Calls a producer until the receiving boundary accepts its output, within the recovery path's two
 * separate budgets: repair retries re-ask the producer with the receiver's errors, transport retries
 * repeat the same request after a backoff. At most {@code 1 + repairs + transportRetries} calls; when a
 * budget runs out the result is {@link RetryOutcome.Exhausted}, never the last bad value.
 *
 * @param <T> the contract's type
 */
public final class RetryLoop<T> {

    private final Boundary<T> boundary;
    private final Recovery recovery;
    private final Clock clock;
    private final Sleeper sleeper;

    private RetryLoop(Boundary<T> boundary, Recovery recovery, Clock clock, Sleeper sleeper) {
        this.boundary = Objects.requireNonNull(boundary, "boundary");
        this.recovery = Objects.requireNonNull(recovery, "recovery");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** @return a loop over {@code boundary} with {@code recovery}'s budgets, the clock and the sleeper given */
    public static <T> RetryLoop<T> of(Boundary<T> boundary, Recovery recovery, Clock clock, Sleeper sleeper) {
        return new RetryLoop<>(boundary, recovery, clock, sleeper);
    }

    /** Runs the producer until its output is accepted or a budget is spent. */
    public RetryOutcome<T> run(Producer producer) {
        List<Attempt> attempts = new ArrayList<>();
        int repairsLeft = recovery.repairs();
        int transportLeft = recovery.transportRetries();
        int transportUsed = 0;
        AttemptKind kind = AttemptKind.FIRST;
        Rejection previousRejection = null;
        String previousOutput = null;
        String lastRaw = null;
        for (int number = 1; ; number++) {
            var at = clock.instant();
            String raw;
            try {
                raw = producer.produce(new AttemptRequest(number, kind, previousRejection, previousOutput));
            } catch (TransportFailure | IOException | TimeoutException e) {
                attempts.add(new Attempt(number, kind, at, "TRANSPORT_FAILURE", null, null, e.toString(), null));
                if (transportLeft == 0) {
                    return new RetryOutcome.Exhausted<>("transport retries exhausted (" + recovery.transportRetries()
                            + " allowed): " + e, lastRaw, previousRejection, attempts);
                }
                transportLeft--;
                transportUsed++;
                try {
                    sleeper.sleep(recovery.backoffBefore(transportUsed));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return new RetryOutcome.Exhausted<>("interrupted while backing off", lastRaw, previousRejection,
                            attempts);
                }
                kind = AttemptKind.TRANSPORT;
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                attempts.add(new Attempt(number, kind, at, "ERROR", null, null, e.toString(), null));
                return new RetryOutcome.Exhausted<>("interrupted", lastRaw, previousRejection, attempts);
            } catch (Exception e) {
                attempts.add(new Attempt(number, kind, at, "ERROR", null, null, e.toString(), null));
                return new RetryOutcome.Exhausted<>("the producer failed with a non-retryable error: " + e, lastRaw,
                        previousRejection, attempts);
            }
            lastRaw = raw;
            Received<T> received = boundary.receive(raw);
            if (received instanceof Accepted<T> accepted) {
                attempts.add(new Attempt(number, kind, at, "ACCEPTED", null, null, null, raw));
                return new RetryOutcome.Delivered<>(accepted.value(), raw, attempts);
            }
            Rejection rejection = ((Rejected<T>) received).rejection();
            attempts.add(new Attempt(number, kind, at, "REJECTED", rejection.bucket().name(),
                    rejection instanceof Rejection.SchemaViolation v ? v.violations() : List.of(),
                    rejection.message(), raw));
            if (repairsLeft == 0) {
                return new RetryOutcome.Exhausted<>("repair retries exhausted (" + recovery.repairs()
                        + " allowed); last rejection " + rejection.bucket(), raw, rejection, attempts);
            }
            repairsLeft--;
            kind = AttemptKind.REPAIR;
            previousRejection = rejection;
            previousOutput = raw;
        }
    }
}
