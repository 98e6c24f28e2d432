package dev.baton.samples.refunds;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fixed desk on the scripted model: a clerk approves, the refund is paid once, the customer is answered. */
class RefundDeskTest {

    @Test
    void anApprovedRefundIsPaidOnceAndTheCustomerAnswered() {
        ScriptedChatModel model = ScriptedChatModel.refundScript(Map.of());
        PaymentTools payments = new PaymentTools();
        Escalations escalations = new Escalations();
        ApprovalDesk clerks = new ApprovalDesk(d -> CompletableFuture.completedFuture(new Approval(true, "clerk-7")), Duration.ofSeconds(5));
        String reply = new RefundDesk(model, payments, clerks, escalations).handle("Ada", "A-1001", "My kettle arrived broken.");
        assertEquals("Dear customer, your refund of 49.99 is on its way.", reply);
        assertEquals(List.of("A-1001:4999"), payments.refunds());
        assertTrue(escalations.open().isEmpty(), escalations.open().toString());
        assertTrue(model.prompts().stream().anyMatch(p -> p.contains("Write a reply to Ada")), model.prompts().toString());
    }

    @Test
    void aClerkWhoDoesNotAnswerRejects() {
        ApprovalDesk silent = new ApprovalDesk(d -> new CompletableFuture<>(), Duration.ofMillis(20));
        Approval answer = silent.review(new RefundDecision("APPROVE", "broken on arrival", 0.9, 4999));
        assertEquals(new Approval(false, "deadline"), answer);
    }

    @Test
    void aRefundIsClaimedByItsKeyBeforeMoneyMoves() {
        PaymentTools payments = new PaymentTools();
        payments.issueRefund("A-1001", "A-1001", 4999);
        assertEquals("already refunded A-1001", payments.issueRefund("A-1001", "A-1001", 4999));
        assertEquals(List.of("A-1001:4999"), payments.refunds());
    }

    @Test
    void theSecondLookScreensAndNotifiesWithTheReasons() {
        ScriptedChatModel model = ScriptedChatModel.refundScript(Map.of());
        ApprovalDesk clerks = new ApprovalDesk(d -> CompletableFuture.completedFuture(new Approval(true, "clerk-7")), Duration.ofSeconds(5));
        String answer = new RefundDesk(model, new PaymentTools(), clerks, new Escalations()).review("A-1001", "My kettle arrived broken.");
        assertEquals("Your refund request was reviewed.", answer);
        assertTrue(model.prompts().stream().anyMatch(p -> p.contains("Delivered broken")), model.prompts().toString());
    }
}
