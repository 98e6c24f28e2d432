package dev.baton.samples.research;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Replays recorded model replies in order, so the sample runs without a network or an API key. */
public final class ScriptedChatModel implements ChatModel {
    private final Deque<String> replies;

    public ScriptedChatModel(List<String> replies) {
        this.replies = new ArrayDeque<>(replies);
    }

    @Override
    public synchronized String chat(String systemPrompt, String userMessage) {
        if (replies.isEmpty()) {
            throw new IllegalStateException("the script has no reply left for: " + userMessage);
        }
        return replies.removeFirst();
    }
}
