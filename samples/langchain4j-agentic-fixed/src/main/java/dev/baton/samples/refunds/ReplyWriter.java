package dev.baton.samples.refunds;

import dev.langchain4j.agentic.Agent;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;

public interface ReplyWriter {

    @UserMessage("Write a reply to {{customerName}} about their message: {{message}}. Refund status: {{refundStatus}}")
    @Agent(description = "Writes the reply to the customer", outputKey = "reply")
    String write(@V("customerName") String customerName, @V("message") String message, @V("refundStatus") String refundStatus);
}
