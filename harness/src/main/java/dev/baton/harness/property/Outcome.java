package dev.baton.harness.property;

import dev.baton.harness.ConsumerSpec;
import dev.baton.harness.Delivery;
import dev.baton.harness.HandoffConsumer;
import dev.baton.harness.report.Printable;
import dev.baton.runtime.boundary.Bucket;
import dev.baton.runtime.boundary.Received;
import dev.baton.runtime.boundary.RejectedHandoffException;
import dev.baton.runtime.boundary.Rejection;
import java.util.Optional;

/** What the consumer under test did with one delivery. */
public sealed interface Outcome {

    /** It returned normally (or returned an {@code Accepted}). */
    record Accepted(Object value) implements Outcome {
    }

    /**
     * It rejected with a typed, owned error: the runtime's rejection (thrown or returned), or the
     * consumer's own rejection type mapped to a bucket with {@link ConsumerSpec#rejections}.
     *
     * @param own whether the rejection is the consumer's own type, mapped by the spec
     */
    record Rejected(Bucket bucket, String owner, String message, boolean own) implements Outcome {

        static Rejected of(Rejection rejection) {
            return new Rejected(rejection.bucket(), rejection.owner(), rejection.message(), false);
        }
    }

    /** It threw something that is not a typed rejection. */
    record Threw(Throwable error) implements Outcome {

        /**
         * Whether the consumer crashed rather than threw: an {@link Error} (a stack overflow, a failed
         * assertion, a linkage error…) or another non-exception throwable.
         */
        public boolean crashed() {
            return !(error instanceof Exception);
        }
    }

    /**
     * Whether {@code e} means the VM itself is failing (out of memory, an internal error): then no
     * verdict is trustworthy and the run must stop. A stack overflow is the consumer's own recursion
     * on its own thread; the VM is fine, so it is a crash to report like any other.
     */
    static boolean fatal(Throwable e) {
        return e instanceof VirtualMachineError && !(e instanceof StackOverflowError);
    }

    /** Delivers and classifies; never throws (errors are outcomes, except a failing VM). */
    static Outcome deliver(HandoffConsumer consumer, Delivery delivery, ConsumerSpec<?> spec) {
        try {
            Object result = consumer.accept(delivery);
            if (result instanceof Received<?> received) {
                if (received instanceof dev.baton.runtime.boundary.Rejected<?> rejected) {
                    return Rejected.of(rejected.rejection());
                }
                return new Accepted(((dev.baton.runtime.boundary.Accepted<?>) received).value());
            }
            return new Accepted(result);
        } catch (RejectedHandoffException e) {
            return Rejected.of(e.rejection());
        } catch (Throwable e) {
            if (fatal(e)) {
                throw (VirtualMachineError) e;
            }
            Optional<ConsumerSpec.OwnRejection> own = spec.ownRejection(e);
            if (own.isPresent()) {
                return new Rejected(own.get().bucket(), own.get().owner(), String.valueOf(e.getMessage()), true);
            }
            return new Threw(e);
        }
    }

    /** One line for reports, every non-printable character escaped. */
    default String describe() {
        if (this instanceof Accepted a) {
            return "accepted silently, returned " + abbreviate(String.valueOf(a.value()));
        }
        if (this instanceof Rejected r) {
            return "rejected: " + r.bucket() + " owned by " + r.owner() + (r.own() ? " (the consumer's own rejection, "
                    + "mapped by ConsumerSpec.rejections)" : "") + " (" + abbreviate(r.message()) + ")";
        }
        Threw threw = (Threw) this;
        Throwable t = threw.error();
        return (threw.crashed() ? "crashed with " : "threw ") + t.getClass().getName() + ": "
                + abbreviate(String.valueOf(t.getMessage()));
    }

    /** Shortens long values for one-line reports and escapes what would not print. */
    static String abbreviate(String text) {
        return Printable.escape(Printable.abbreviate(text, 240));
    }
}
