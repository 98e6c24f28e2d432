package com.example.agents;

import dev.langchain4j.agentic.Agent;
import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;

/** The agent lives in its own module; the workflow that runs it lives in another. */
public interface RequestClassifier {

    @SystemMessage("You route customer messages. Reply with exactly one word: REFUND, COMPLAINT or QUESTION.")
    @UserMessage("Customer message: {{message}}")
    @Agent(description = "Routes the customer's message", outputKey = "category")
    String classify(@V("message") String message);
}
