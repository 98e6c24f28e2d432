package dev.baton.samples.refunds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agentic.AgenticServices;
import dev.langchain4j.agentic.UntypedAgent;
import dev.langchain4j.agentic.agent.ErrorRecoveryResult;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.service.AiServices;

import java.util.Map;

/** Routes a customer's message, decides and issues refunds, and answers the customer. */
public class RefundDesk {
    private final ObjectMapper mapper = new ObjectMapper();
    private final UntypedAgent desk;
    private final RefundAssessor assessor;
    private final FraudScreen fraudScreen;
    private final CustomerNotifier notifier;

    public RefundDesk(ChatModel model, PaymentTools payments) {
        RequestClassifier classifier = AgenticServices.agentBuilder(RequestClassifier.class).chatModel(model).build();
        this.assessor = AgenticServices.agentBuilder(RefundAssessor.class).chatModel(model).build();
        RefundExecutor executor = AgenticServices.agentBuilder(RefundExecutor.class).chatModel(model).tools(payments).build();
        ReplyWriter writer = AgenticServices.agentBuilder(ReplyWriter.class).chatModel(model).build();
        ToneCritic critic = AgenticServices.agentBuilder(ToneCritic.class).chatModel(model).build();

        UntypedAgent refund = AgenticServices.sequenceBuilder()
                .name("refund")
                .subAgents(assessor, executor)
                .errorHandler(ctx -> ErrorRecoveryResult.retry())
                .build();
        UntypedAgent router = AgenticServices.conditionalBuilder()
                .name("router")
                .subAgents(scope -> scope.readState("category", "").equals("REFUND"), refund)
                .build();
        UntypedAgent polish = AgenticServices.loopBuilder()
                .name("polish")
                .subAgents(writer, critic)
                .exitCondition(scope -> Double.parseDouble(scope.readState("toneScore", "0")) >= 8)
                .build();
        this.desk = AgenticServices.sequenceBuilder()
                .name("desk")
                .subAgents(classifier, router, polish)
                .outputKey("reply")
                .build();
        this.fraudScreen = AiServices.create(FraudScreen.class, model);
        this.notifier = AiServices.create(CustomerNotifier.class, model);
    }

    /** Runs the whole desk on one customer message. */
    public String handle(String customerName, String orderId, String message) {
        return (String) desk.invoke(Map.of("customerName", customerName, "orderId", orderId, "message", message));
    }

    /** A second look at a refund, outside the workflow: screen it, and tell the customer. */
    public String review(String orderId, String message) throws JsonProcessingException {
        RefundDecision decision = assessor.assess(orderId, message);
        FraudReport report = mapper.readValue(fraudScreen.screen(orderId + " " + decision.amountCents()), FraudReport.class);
        if (report.suspicious()) return "held for fraud review";
        return notifier.notifyCustomer(decision.verdict());
    }
}
