package dev.baton.samples.refunds;

import dev.langchain4j.agentic.Agent;
import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;

public interface RequestClassifier {

    @SystemMessage("You route customer messages. Reply with exactly one word: REFUND, COMPLAINT or QUESTION.")
    @UserMessage("Customer message: {{message}}")
    @Agent(description = "Routes the customer's message", outputKey = "category")
    String classify(@V("message") String message);
}
