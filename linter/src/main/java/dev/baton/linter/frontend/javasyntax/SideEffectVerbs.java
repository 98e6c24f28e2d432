package dev.baton.linter.frontend.javasyntax;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.printer.configuration.DefaultConfigurationOption;
import com.github.javaparser.printer.configuration.DefaultPrinterConfiguration;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names of steps that act on the world, as every frontend recognises them:
 * a method or tool whose name starts with a verb such as {@code send}, {@code book}, {@code pay}.
 * Generic verbs ({@code create}, {@code update}, {@code write}, {@code remove}) are left out on
 * purpose: {@code writeStory} and {@code list.remove(x)} are not side effects.
 */
public final class SideEffectVerbs {
    private static final Set<String> VERBS = Set.of("send", "book", "order", "pay", "charge", "transfer", "refund",
            "cancel", "delete", "publish", "post", "deploy", "purchase", "place", "submit", "withdraw",
            "reserve", "ship", "dispatch", "reimburse", "approve", "notify", "issue");

    /**
     * Verbs that act when a tool (a call the model makes) is named by them, though the same word names a
     * text-producing agent method ({@code writeStory}, {@code updatePlan}): {@code writeFile}, {@code bash},
     * {@code editFile}, {@code update_issue}, {@code create_post}.
     */
    private static final Set<String> TOOL_VERBS = Set.of("write", "edit", "update", "execute", "exec", "bash", "shell",
            "comment", "create", "insert", "upload", "commit", "push", "merge", "invite", "schedule", "save", "persist",
            "modify", "remove", "move", "rename", "email", "mail", "kill", "terminate", "assign", "close", "archive");
    private static final Pattern TOOL_DESCRIPTION = Pattern.compile(
            "(?i)^\\s*(" + String.join("|", TOOL_VERBS) + ")(s|es)?\\b");

    /** What follows a verb that doubles as a noun when the name is about a thing: orderHistory, bookDetails. */
    private static final Set<String> NOUN_TAILS = Set.of("history", "status", "details", "detail", "info", "id", "ids",
            "amount", "fee", "fees", "count", "total", "list", "summary", "date", "number", "lines", "items");
    private static final Pattern DESCRIPTION = Pattern.compile(
            "(?i)^\\s*(" + String.join("|", VERBS) + ")(s|es)?\\b");

    private SideEffectVerbs() {
    }

    /**
     * Whether a method or call acts on the world: its name starts with a side-effect verb
     * ({@code sendEmail}, {@code bookRoom}, {@code charge}) and it takes arguments. Without arguments
     * the name is read as a noun ({@code orderBy()}, {@code chargeAmount()}, {@code transferFee()}).
     */
    public static boolean isSideEffecting(String methodName, int arguments) {
        if (arguments == 0) return false;
        if (methodName.equals("notifyAll") || methodName.equals("postProcess") || methodName.startsWith("orderBy")) return false;
        int end = 0;
        while (end < methodName.length() && !Character.isUpperCase(methodName.charAt(end)) && methodName.charAt(end) != '_') end++;
        if (!VERBS.contains(methodName.substring(0, end).toLowerCase(Locale.ROOT))) return false;
        int tailEnd = end + 1;
        while (tailEnd < methodName.length() && !Character.isUpperCase(methodName.charAt(tailEnd))) tailEnd++;
        String tail = end < methodName.length() ? methodName.substring(end, tailEnd).toLowerCase(Locale.ROOT) : "";
        return !NOUN_TAILS.contains(tail);
    }

    /**
     * Whether a tool acts on the world: its name says so ({@link #isSideEffecting}), or its description
     * starts with a side-effect verb ("Books a room", "Send the invoice"). A tool is a call by definition,
     * so its name is read as a verb even when it takes no arguments.
     */
    public static boolean isSideEffectingTool(String methodName, String description) {
        return isSideEffecting(methodName, 1) || startsWithVerb(methodName, TOOL_VERBS)
                || description != null && (DESCRIPTION.matcher(description).find() || TOOL_DESCRIPTION.matcher(description).find());
    }

    private static boolean startsWithVerb(String methodName, Set<String> verbs) {
        int end = 0;
        while (end < methodName.length() && !Character.isUpperCase(methodName.charAt(end)) && methodName.charAt(end) != '_') end++;
        if (!verbs.contains(methodName.substring(0, end).toLowerCase(Locale.ROOT))) return false;
        int tailEnd = end + 1;
        while (tailEnd < methodName.length() && !Character.isUpperCase(methodName.charAt(tailEnd)) && methodName.charAt(tailEnd) != '_') tailEnd++;
        String tail = end < methodName.length() ? methodName.substring(end, Math.min(tailEnd, methodName.length()))
                .replace("_", "").toLowerCase(Locale.ROOT) : "";
        return !NOUN_TAILS.contains(tail);
    }

    /**
     * Whether the code around a side effect shows an idempotency guard: an idempotency key, a
     * de-duplication or a claim check. Text evidence only: the guard's correctness is not proven.
     */
    public static boolean guarded(Node code) {
        // a method's parameters and body, not its annotations: a tool description that claims idempotency proves nothing
        String text = code instanceof MethodDeclaration m
                ? m.getParameters() + m.getBody().map(SideEffectVerbs::code).orElse("") : code(code);
        String t = text.toLowerCase(Locale.ROOT);
        return t.contains("idempoten") || t.contains("dedup") || t.contains(".claim(") || t.contains("alreadyprocessed")
                || t.contains("already_executed") || t.contains("already executed");
    }

    /** The code of a node without its comments (a comment is not a guard, nor a call). */
    public static String code(Node node) {
        return node.toString(new DefaultPrinterConfiguration().removeOption(
                new DefaultConfigurationOption(DefaultPrinterConfiguration.ConfigOption.PRINT_COMMENTS)).removeOption(
                new DefaultConfigurationOption(DefaultPrinterConfiguration.ConfigOption.PRINT_JAVADOC)));
    }

    /** Whether the file imports anything from {@code pkg} (cheap gate before walking the tree). */
    public static boolean importsPackage(CompilationUnit unit, String pkg) {
        return unit.getImports().stream().anyMatch(i -> i.getNameAsString().startsWith(pkg));
    }
}
