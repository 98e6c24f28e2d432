package dev.baton.samples.refunds;

public enum Category {
    REFUND, COMPLAINT, QUESTION
}
