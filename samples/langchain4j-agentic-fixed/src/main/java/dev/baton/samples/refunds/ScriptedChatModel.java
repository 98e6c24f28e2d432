package dev.baton.samples.refunds;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A chat model that answers from a script instead of a network: the first rule whose cue occurs in
 * the last user message answers. A rule may ask for a tool call first; the model then answers with
 * the rule's text once the tool's result is back. Every prompt is recorded for tests.
 */
public final class ScriptedChatModel implements ChatModel {

    /** One scripted answer: when {@code cue} is in the user message, call {@code tool} (if any), then say {@code text}. */
    public record Rule(String cue, String text, String tool, String toolArguments) {
        public static Rule answer(String cue, String text) {
            return new Rule(cue, text, null, null);
        }

        public static Rule callTool(String cue, String tool, String arguments, String thenSay) {
            return new Rule(cue, thenSay, tool, arguments);
        }
    }

    private final List<Rule> rules;
    private final List<String> prompts = new ArrayList<>();

    public ScriptedChatModel(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    @Override
    public synchronized ChatResponse doChat(ChatRequest request) {
        List<ChatMessage> messages = request.messages();
        ChatMessage last = messages.get(messages.size() - 1);
        String user = lastUserText(messages);
        prompts.add(user);
        for (Rule rule : rules) {
            if (!user.contains(rule.cue())) continue;
            if (rule.tool() != null && !(last instanceof ToolExecutionResultMessage)) {
                ToolExecutionRequest call = ToolExecutionRequest.builder()
                        .id("call-" + prompts.size()).name(rule.tool()).arguments(rule.toolArguments()).build();
                return ChatResponse.builder().aiMessage(AiMessage.from(call)).build();
            }
            return ChatResponse.builder().aiMessage(AiMessage.from(rule.text())).build();
        }
        throw new IllegalStateException("no scripted answer for: " + user);
    }

    public synchronized List<String> prompts() {
        return List.copyOf(prompts);
    }

    private static String lastUserText(List<ChatMessage> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i) instanceof UserMessage u) return u.singleText();
        }
        return "";
    }

    /** The answers of a refund that goes through: what a well-behaved model says. */
    public static ScriptedChatModel refundScript(Map<String, String> overrides) {
        List<Rule> rules = new ArrayList<>();
        overrides.forEach((cue, text) -> rules.add(Rule.answer(cue, text)));
        rules.add(Rule.answer("Customer message:", "REFUND"));
        rules.add(Rule.answer("qualifies for a refund",
                "{\"verdict\": \"APPROVE\", \"reasoning\": \"Delivered broken, reported within 14 days.\", "
                        + "\"confidence\": 0.92, \"amountCents\": 4999}"));
        rules.add(Rule.callTool("Issue the refund", "issueRefund",
                "{\"idempotencyKey\": \"A-1001\", \"orderId\": \"A-1001\", \"amountCents\": 4999}",
                "Refund of 49.99 issued for order A-1001."));
        rules.add(Rule.answer("Write a reply", "Dear customer, your refund of 49.99 is on its way."));
        rules.add(Rule.answer("Rate the tone", "{\"score\": 9, \"feedback\": \"warm and clear\"}"));
        rules.add(Rule.answer("Screen this refund", "{\"suspicious\": false, \"score\": 0.1}"));
        rules.add(Rule.answer("Tell the customer", "Your refund request was reviewed."));
        return new ScriptedChatModel(rules);
    }
}
