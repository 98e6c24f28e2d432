package dev.baton.linter.frontend.javasyntax;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StructureRequestTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "Return the result as JSON with fields name and score.",
            "Respond with exactly one of: APPROVE, REJECT.",
            "Reply with 'pass' or 'fail'.",
            "Answer yes or no.",
            "Give a verdict on the claim.",
            "Classify the ticket.",
            "Rate the story with a score from 0 to 1.",
            "Output only the word DONE when finished.",
            "Use this format: title, body",
            "If you find issues, explain them briefly and say REJECTED. If the plan is solid, say APPROVED."})
    void formatsFieldsAndVerdictsAreRequestsForStructure(String prompt) {
        assertTrue(StructureRequest.asked(prompt), prompt);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Return only the CV, no other text.",
            "Output only the revised story.",
            "Write a short story about {{topic}}.",
            "Summarise the notes for an executive reader, formatted nicely.",
            "Reply with a friendly paragraph thanking the customer.",
            "Say ONLY what the customer needs to hear.",
            "Explain why you say so and reply with care.",
            "List the repairs needed. If none are needed, respond with \"REPAIRS_NOT_REQUIRED\"."})
    void proseWithNoExtraTextIsNotStructure(String prompt) {
        assertFalse(StructureRequest.asked(prompt), prompt);
    }

    @Test
    void quotedAlternativesAreBounded() {
        assertFalse(StructureRequest.asked("'" + "a".repeat(200) + "' or 'b'"));
    }
}
