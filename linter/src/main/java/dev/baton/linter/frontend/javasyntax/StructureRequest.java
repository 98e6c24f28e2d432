package dev.baton.linter.frontend.javasyntax;

import java.util.regex.Pattern;

/**
 * Whether a prompt asks its model for structure (a format, fields, a verdict, a sentinel) rather than
 * free prose. One definition for every frontend, so the same instruction reads the same in
 * LangChain4j, Spring AI, ADK and Embabel code.
 *
 * <p>Phrases that only forbid extra text ("return only the CV, no other text") are not a request for
 * structure: the answer is still prose.
 */
public final class StructureRequest {
    private static final Pattern STRUCTURE = Pattern.compile("(?i)"
            + "\\b(json|yaml|csv)\\b"
            + "|\\b(respond|reply|answer|output|return)( only)?( with)?( the)?"
            + " (exactly|one of|the word|a single word|yes or no|true or false|a number|a score)\\b"
            + "|\\b(exactly one of|one of the following|in the format|yes or no|true or false|as a number)\\b"
            + "|\\b(format|fields?):"
            + "|\\bverdict\\b|\\bscore (from|between)\\b|\\bclassify\\b|\\bcategori[sz]e\\b"
            + "|exactly the (phrase|text|word)"
            + "|'[a-z_ ]{1,30}' or '[a-z_ ]{1,30}'|\"[a-z_ ]{1,30}\" or \"[a-z_ ]{1,30}\"");

    private StructureRequest() {
    }

    public static boolean asked(CharSequence promptText) {
        return STRUCTURE.matcher(promptText).find();
    }
}
