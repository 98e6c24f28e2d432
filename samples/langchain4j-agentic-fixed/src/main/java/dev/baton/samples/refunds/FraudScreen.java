package dev.baton.samples.refunds;

import dev.langchain4j.service.UserMessage;

public interface FraudScreen {

    @UserMessage("Screen this refund for fraud: {{it}}")
    FraudReport screen(String refund);
}
