package dev.baton.samples.refunds;

import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;

public interface CustomerNotifier {

    @UserMessage("Tell the customer the outcome of their refund request, with the reasons: {{decision}}")
    String notifyCustomer(@V("decision") RefundDecision decision);
}
