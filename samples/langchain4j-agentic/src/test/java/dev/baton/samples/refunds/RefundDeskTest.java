package dev.baton.samples.refunds;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The desk on the scripted model: the second look works; the main path pays and then dies. */
class RefundDeskTest {

    /**
     * The refund is paid, then the reply writer fails on the {{customer_name}} variable nobody provides
     * (baton:check reports it as handoff-unwired): the money has moved, the customer gets no answer, and
     * nothing routes the failure to a person.
     */
    @Test
    void theRefundIsPaidAndThenTheRunDiesOnAnUnwiredPromptVariable() {
        ScriptedChatModel model = ScriptedChatModel.refundScript(Map.of());
        PaymentTools payments = new PaymentTools();
        RefundDesk desk = new RefundDesk(model, payments);
        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> desk.handle("Ada", "A-1001", "My kettle arrived broken."));
        assertTrue(rootCause(failure).getMessage().contains("'customer_name' is missing"), rootCause(failure).toString());
        assertEquals(List.of("A-1001:4999"), payments.refunds());
    }

    private static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) c = c.getCause();
        return c;
    }

    @Test
    void theSecondLookScreensAndNotifies() throws Exception {
        ScriptedChatModel model = ScriptedChatModel.refundScript(Map.of());
        String answer = new RefundDesk(model, new PaymentTools()).review("A-1001", "My kettle arrived broken.");
        assertEquals("Your refund request was reviewed.", answer);
        assertTrue(model.prompts().stream().anyMatch(p -> p.contains("APPROVE")), model.prompts().toString());
    }
}
