package dev.baton.harness.property;

import dev.baton.harness.Delivery;
import dev.baton.harness.HandoffConsumer;
import dev.baton.runtime.boundary.Received;
import dev.baton.runtime.boundary.RejectedHandoffException;
import dev.baton.runtime.boundary.Rejection;

/** What the consumer under test did with one delivery. */
public sealed interface Outcome {

    /** It returned normally (or returned an {@code Accepted}). */
    record Accepted(Object value) implements Outcome {
    }

    /** It rejected with a typed, owned error (thrown or returned). */
    record Rejected(Rejection rejection) implements Outcome {
    }

    /** It threw something that is not a typed rejection. */
    record Threw(Throwable error) implements Outcome {
    }

    /** Delivers and classifies; never throws (errors are outcomes, except JVM errors). */
    static Outcome deliver(HandoffConsumer consumer, Delivery delivery) {
        try {
            Object result = consumer.accept(delivery);
            if (result instanceof Received<?> received) {
                if (received instanceof dev.baton.runtime.boundary.Rejected<?> rejected) {
                    return new Rejected(rejected.rejection());
                }
                return new Accepted(((dev.baton.runtime.boundary.Accepted<?>) received).value());
            }
            return new Accepted(result);
        } catch (RejectedHandoffException e) {
            return new Rejected(e.rejection());
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            return new Threw(e);
        }
    }

    /** One line for reports. */
    default String describe() {
        if (this instanceof Accepted a) {
            return "accepted silently, returned " + abbreviate(String.valueOf(a.value()));
        }
        if (this instanceof Rejected r) {
            return "rejected: " + r.rejection().bucket() + " owned by " + r.rejection().owner() + " ("
                    + abbreviate(r.rejection().message()) + ")";
        }
        Throwable t = ((Threw) this).error();
        return "threw " + t.getClass().getName() + ": " + abbreviate(String.valueOf(t.getMessage()));
    }

    /** Shortens long values for one-line reports. */
    static String abbreviate(String text) {
        return text.length() > 240 ? text.substring(0, 240) + "… (" + text.length() + " chars)" : text;
    }
}
