package dev.baton.samples.refunds;

import dev.langchain4j.agent.tool.Tool;

import java.util.ArrayList;
import java.util.List;

/** The payment provider, as the refund executor's tools. */
public class PaymentTools {
    private final List<String> refunds = new ArrayList<>();

    @Tool("Issues a refund to the card the order was paid with")
    public String issueRefund(String orderId, long amountCents) {
        refunds.add(orderId + ":" + amountCents);
        return "refunded " + amountCents + " cents for " + orderId;
    }

    @Tool("Looks up the payment of an order")
    public String paymentOf(String orderId) {
        return "card ending 4242";
    }

    public synchronized List<String> refunds() {
        return List.copyOf(refunds);
    }
}
