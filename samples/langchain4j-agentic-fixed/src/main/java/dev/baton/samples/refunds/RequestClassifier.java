package dev.baton.samples.refunds;

import dev.langchain4j.agentic.Agent;
import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;

public interface RequestClassifier {

    @SystemMessage("You route customer messages.")
    @UserMessage("Customer message: {{message}}")
    @Agent(description = "Routes the customer's message", outputKey = "category")
    Category classify(@V("message") String message);
}
