package dev.baton.samples.refunds;

import java.util.ArrayList;
import java.util.List;

/** The refunds team's queue for runs that automated recovery could not finish. */
public final class Escalations {
    private final List<String> open = new ArrayList<>();

    public synchronized void escalate(String agent, Throwable failure) {
        open.add(agent + ": " + failure);
    }

    public synchronized List<String> open() {
        return List.copyOf(open);
    }
}
