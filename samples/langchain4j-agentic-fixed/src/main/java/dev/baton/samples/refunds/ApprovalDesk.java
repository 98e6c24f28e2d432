package dev.baton.samples.refunds;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Where a person approves refunds. A clerk who does not answer in time rejects: money never moves by
 * default.
 */
public final class ApprovalDesk {
    private final Function<RefundDecision, CompletableFuture<Approval>> clerks;
    private final Duration deadline;

    public ApprovalDesk(Function<RefundDecision, CompletableFuture<Approval>> clerks, Duration deadline) {
        this.clerks = clerks;
        this.deadline = deadline;
    }

    public Approval review(RefundDecision decision) {
        try {
            return clerks.apply(decision).get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return new Approval(false, "deadline");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a clerk", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the approval desk failed", e.getCause());
        }
    }
}
