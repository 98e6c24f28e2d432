package com.example.app;

import com.example.agents.RequestClassifier;
import dev.langchain4j.agentic.AgenticServices;
import dev.langchain4j.agentic.UntypedAgent;
import dev.langchain4j.model.chat.ChatModel;

import java.util.Map;

/**
 * Runs the classifier of the other module, handing it the customer's message under the key 'text';
 * the classifier's prompt reads 'message'. Only a scan that sees both modules can tell.
 */
public class Desk {
    private final UntypedAgent desk;

    public Desk(ChatModel model) {
        RequestClassifier classifier = AgenticServices.agentBuilder(RequestClassifier.class).chatModel(model).build();
        this.desk = AgenticServices.sequenceBuilder()
                .name("desk")
                .subAgents(classifier)
                .outputKey("category")
                .build();
    }

    public String route(String text) {
        return (String) desk.invoke(Map.of("text", text));
    }
}
