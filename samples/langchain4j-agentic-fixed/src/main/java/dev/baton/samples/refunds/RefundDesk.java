package dev.baton.samples.refunds;

import dev.langchain4j.agentic.AgenticServices;
import dev.langchain4j.agentic.UntypedAgent;
import dev.langchain4j.agentic.agent.ErrorContext;
import dev.langchain4j.agentic.agent.ErrorRecoveryResult;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.service.AiServices;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Routes a customer's message, decides, approves and issues refunds, and answers the customer. */
public class RefundDesk {
    private static final int MAX_ATTEMPTS = 2;

    private final UntypedAgent desk;
    private final RefundAssessor assessor;
    private final FraudScreen fraudScreen;
    private final CustomerNotifier notifier;
    private final Escalations escalations;

    public RefundDesk(ChatModel model, PaymentTools payments, ApprovalDesk approvals, Escalations escalations) {
        this.escalations = escalations;
        RequestClassifier classifier = AgenticServices.agentBuilder(RequestClassifier.class).chatModel(model).build();
        this.assessor = AgenticServices.agentBuilder(RefundAssessor.class).chatModel(model).build();
        RefundExecutor executor = AgenticServices.agentBuilder(RefundExecutor.class).chatModel(model).tools(payments).build();
        ReplyWriter writer = AgenticServices.agentBuilder(ReplyWriter.class).chatModel(model).build();
        ToneCritic critic = AgenticServices.agentBuilder(ToneCritic.class).chatModel(model).build();
        var approval = AgenticServices.humanInTheLoopBuilder()
                .description("A refunds clerk approves the payout")
                .inputKey(RefundDecision.class, "decision")
                .outputKey("approval")
                .responseProvider(scope -> approvals.review((RefundDecision) scope.readState("decision")))
                .build();

        AtomicInteger refundAttempts = new AtomicInteger();
        UntypedAgent refund = AgenticServices.sequenceBuilder()
                .name("refund")
                .subAgents(assessor, approval, executor)
                .errorHandler(ctx -> retryThenEscalate(ctx, refundAttempts))
                .build();
        UntypedAgent router = AgenticServices.conditionalBuilder()
                .name("router")
                .subAgents(scope -> scope.readState("category", Category.QUESTION) == Category.REFUND, refund)
                .build();
        AtomicInteger polishAttempts = new AtomicInteger();
        UntypedAgent polish = AgenticServices.loopBuilder()
                .name("polish")
                .subAgents(writer, critic)
                .maxIterations(3)
                .testExitAtLoopEnd(true)
                .exitCondition(scope -> ((ToneScore) scope.readState("toneScore")).score() >= 8)
                .errorHandler(ctx -> retryThenEscalate(ctx, polishAttempts))
                .build();
        AtomicInteger deskAttempts = new AtomicInteger();
        this.desk = AgenticServices.sequenceBuilder()
                .name("desk")
                .subAgents(classifier, router, polish)
                .errorHandler(ctx -> retryThenEscalate(ctx, deskAttempts))
                .outputKey("reply")
                .build();
        this.fraudScreen = AiServices.create(FraudScreen.class, model);
        this.notifier = AiServices.create(CustomerNotifier.class, model);
    }

    /** Retries a failed agent a bounded number of times, then hands the run to the refunds team. */
    private ErrorRecoveryResult retryThenEscalate(ErrorContext ctx, AtomicInteger attempts) {
        if (attempts.incrementAndGet() <= MAX_ATTEMPTS) {
            return ErrorRecoveryResult.retry();
        }
        escalations.escalate(ctx.agentName(), ctx.exception());
        return ErrorRecoveryResult.throwException();
    }

    /** Runs the whole desk on one customer message. */
    public String handle(String customerName, String orderId, String message) {
        return (String) desk.invoke(Map.of("customerName", customerName, "orderId", orderId, "message", message));
    }

    /** A second look at a refund, outside the workflow: screen it, and tell the customer why. */
    public String review(String orderId, String message) {
        try {
            RefundDecision decision = assessor.assess(orderId, message);
            FraudReport report = fraudScreen.screen(orderId + " " + decision.amountCents());
            if (report.suspicious()) return "held for fraud review";
            return notifier.notifyCustomer(decision);
        } catch (RuntimeException e) {
            escalations.escalate("review", e);
            throw e;
        }
    }
}
