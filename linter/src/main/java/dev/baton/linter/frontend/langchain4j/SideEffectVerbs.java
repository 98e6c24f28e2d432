package dev.baton.linter.frontend.langchain4j;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Whether a tool's name or description says it acts on the world (send, book, pay...). */
final class SideEffectVerbs {
    private static final Set<String> VERBS = Set.of("send", "book", "pay", "charge", "transfer", "create",
            "delete", "update", "write", "post", "deploy", "publish", "refund", "cancel", "submit", "email", "notify",
            "insert", "save", "remove", "purchase", "reserve", "approve", "issue", "ship", "schedule", "register",
            "place", "execute", "dispatch", "wire", "debit", "credit");
    private static final Pattern FIRST_WORD = Pattern.compile("^([a-z]+)");
    private static final Pattern DESCRIPTION = Pattern.compile("(?i)^\\s*(" + String.join("|", VERBS) + "|order)(s|es)?\\b");

    private SideEffectVerbs() {
    }

    static boolean acts(String methodName, String description) {
        var m = FIRST_WORD.matcher(methodName);
        if (m.find() && VERBS.contains(m.group(1).toLowerCase(Locale.ROOT))) return true;
        // "order" is a verb in order(...) and orderPizza(...), a noun in orderHistory(...): trust only the description
        if (methodName.equals("order")) return true;
        return description != null && DESCRIPTION.matcher(description).find();
    }
}
