package dev.baton.samples.research;

/** The one call the agents make to a language model. */
public interface ChatModel {
    String chat(String systemPrompt, String userMessage);
}
