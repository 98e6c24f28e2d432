package dev.baton.samples.refunds;

import dev.langchain4j.service.UserMessage;

public interface FraudScreen {

    @UserMessage("Screen this refund for fraud and answer as JSON with the fields suspicious and score: {{it}}")
    String screen(String refund);
}
