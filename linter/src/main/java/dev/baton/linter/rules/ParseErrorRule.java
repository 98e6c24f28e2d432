package dev.baton.linter.rules;

import dev.baton.linter.frontend.UnreadableSource;
import dev.baton.linter.graph.Location;
import dev.baton.linter.rule.FindingSink;
import dev.baton.linter.rule.LintContext;
import dev.baton.linter.rule.Principle;
import dev.baton.linter.rule.Rule;
import dev.baton.linter.rule.RuleInfo;
import dev.baton.linter.rule.Severity;

/**
 * A Java source the other rules could not see. A file that uses an agent API but does not parse is an
 * error: every handoff in it goes unchecked, so the build must not pass as if it were clean. A file
 * that is valid Java the parser does not support yet (a local enum), is not UTF-8 (read as ISO-8859-1
 * and analysed), binary or unreadable (not analysed) is a warning.
 * Files that name no agent API are not parsed ({@code Linter}'s prefilter), so their syntax is javac's
 * business, not Baton's.
 */
@RuleInfo(id = "parse-error", severity = Severity.ERROR, principle = Principle.INPUT,
        summary = "A Java source file could not be read: it does not parse, is not UTF-8, is binary or is unreadable",
        description = "Baton analyses agent code on its syntax tree. A file that uses an agent API but does not parse "
                + "(at the newest Java language level the parser knows) contributes nothing: its agents, handoffs and "
                + "error paths go unchecked. That is an error, at the line and column where the parser stopped. A file "
                + "that is not valid UTF-8 is read as ISO-8859-1 and analysed, a binary or unreadable one is skipped; "
                + "both are warnings naming the file.",
        fix = "Fix the syntax at the reported position (the file would not compile either), save the file as UTF-8, "
                + "or take the file out of the source roots (excludes).")
public final class ParseErrorRule implements Rule {
    private static final int MAX_DETAIL = 300;

    @Override
    public void check(LintContext context, FindingSink findings) {
        for (UnreadableSource s : context.unreadableSources()) {
            Location at = new Location(s.path(), Math.max(1, s.line()), Math.max(1, s.column()));
            String detail = s.detail().length() > MAX_DETAIL ? s.detail().substring(0, MAX_DETAIL) + "…" : s.detail();
            String anchor = s.reason().name().toLowerCase(java.util.Locale.ROOT);
            switch (s.reason()) {
                case SYNTAX -> findings.report(at, "this file does not parse: " + detail + " — fix the syntax here; until "
                        + "then Baton checks nothing in this file.", anchor);
                case UNSUPPORTED -> findings.report(Severity.WARNING, at, "this file uses valid Java that Baton's parser does "
                        + "not support yet: " + detail + ", so nothing in it was analysed — declare the type outside the "
                        + "method to have the file checked.", java.util.List.of(), null, anchor);
                case NOT_UTF8 -> findings.report(Severity.WARNING, at, s.encoding().equals("UTF-8")
                        ? "this file is not valid UTF-8 (" + detail + "); it "
                        + "was read as ISO-8859-1 — save it as UTF-8, the encoding javac reads by default."
                        : "this file is not valid " + s.encoding() + ", the encoding the build declares (" + detail + "); it "
                        + "was read as ISO-8859-1 — save it as " + s.encoding() + ", or declare the encoding it is written in.",
                        java.util.List.of(), null, anchor);
                case BINARY -> findings.report(Severity.WARNING, at, "this .java file is binary (" + detail + ") and was not "
                        + "analysed — remove it from the source root or exclude it.", java.util.List.of(), null, anchor);
                case UNREADABLE -> findings.report(Severity.WARNING, at, "this file cannot be read (" + detail + ") and was "
                        + "not analysed — make it readable or exclude it.", java.util.List.of(), null, anchor);
            }
        }
    }
}
