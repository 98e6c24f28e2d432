package dev.baton.harness;

/**
 * The consumer under test, fed one delivery at a time. Returning normally means "accepted";
 * rejecting must be a {@link dev.baton.runtime.boundary.RejectedHandoffException} (typed and owned),
 * a returned {@link dev.baton.runtime.boundary.Received}, or the consumer's own rejection type
 * declared with {@link ConsumerSpec#rejections}. Any other throwable, an {@link Error} included,
 * fails the property.
 */
@FunctionalInterface
public interface HandoffConsumer {

    /**
     * @param delivery the upstream output and its identity
     * @return whatever the consumer produced (reported on silent acceptance), or a {@code Received}
     * @throws Exception anything the consumer throws is judged: only typed, owned rejections pass
     */
    Object accept(Delivery delivery) throws Exception;
}
