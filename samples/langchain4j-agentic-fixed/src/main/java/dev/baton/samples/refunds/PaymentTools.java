package dev.baton.samples.refunds;

import dev.langchain4j.agent.tool.Tool;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The payment provider, as the refund executor's tools. A refund is claimed by its idempotency key first. */
public class PaymentTools {
    private final Map<String, String> claimed = new ConcurrentHashMap<>();
    private final List<String> refunds = new ArrayList<>();

    @Tool("Issues a refund to the card the order was paid with; the idempotency key is the order id")
    public String issueRefund(String idempotencyKey, String orderId, long amountCents) {
        if (claimed.putIfAbsent(idempotencyKey, orderId) != null) return "already refunded " + orderId;
        synchronized (refunds) {
            refunds.add(orderId + ":" + amountCents);
        }
        return "refunded " + amountCents + " cents for " + orderId;
    }

    @Tool("Looks up the payment of an order")
    public String paymentOf(String orderId) {
        return "card ending 4242";
    }

    public List<String> refunds() {
        synchronized (refunds) {
            return List.copyOf(refunds);
        }
    }
}
