package dev.baton.samples.refunds;

import dev.langchain4j.agentic.Agent;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;

public interface RefundAssessor {

    @UserMessage("Decide whether order {{orderId}} qualifies for a refund under the 14-day policy. The customer wrote: {{message}}")
    @Agent(description = "Decides on refunds", outputKey = "decision")
    RefundDecision assess(@V("orderId") String orderId, @V("message") String message);
}
