package dev.baton.samples.refunds;

import dev.baton.harness.ConsumerSpec;
import dev.baton.harness.HandoffConsumerTest;
import dev.baton.runtime.contract.Contract;

/**
 * The {@code baton} engine's campaign against the boundary in front of the refund executor: valid
 * decisions generated from the RefundDecision contract are accepted; the malformed output real models
 * produce (fences, preambles, truncation, numbers as strings, missing fields, refusals...) is rejected
 * at the boundary with a typed error owned by the assessor.
 */
@HandoffConsumerTest
class DecisionInboxHandoffTest {

    ConsumerSpec<RefundDecision> decisionInbox() {
        DecisionInbox inbox = new DecisionInbox();
        return ConsumerSpec.of(Contract.of(RefundDecision.class), inbox::receive).owner("assessor");
    }
}
