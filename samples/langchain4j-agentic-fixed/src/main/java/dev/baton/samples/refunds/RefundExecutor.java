package dev.baton.samples.refunds;

import dev.langchain4j.agentic.Agent;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;

public interface RefundExecutor {

    @UserMessage("Issue the refund decided here for order {{orderId}} if the clerk approved it ({{approval}}): {{decision}}")
    @Agent(description = "Issues approved refunds", outputKey = "refundStatus")
    String execute(@V("orderId") String orderId, @V("decision") RefundDecision decision, @V("approval") Approval approval);
}
