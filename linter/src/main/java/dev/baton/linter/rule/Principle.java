package dev.baton.linter.rule;

/** The principle of SPEC.md a rule serves. */
public enum Principle {
    P1_EXPLICIT_SCHEMAS("P1 explicit schemas"),
    CONTEXT("context travels with the payload"),
    P2_OWNERSHIP_AND_RETRY("P2 idempotent retry and one owner"),
    P3_HUMAN_ESCALATION("P3 human escalation"),
    /** Not a principle of agent handoffs: the input the other rules need could not be read. */
    INPUT("input Baton must read");

    private final String title;

    Principle(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
