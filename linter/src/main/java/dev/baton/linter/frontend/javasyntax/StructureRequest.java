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
    /**
     * A token the model must say ("explain the issues and say REJECTED ... else say APPROVED"). Two different
     * ones are a verdict between named outcomes carried inside the prose; a single one is a marker for "nothing
     * to do" beside a prose answer, and is not counted.
     */
    private static final Pattern SENTINEL = Pattern.compile("(?i)\\b(?:say|answer|reply with|respond with|end with|conclude with)"
            + "\\s+[\"']?(?-i:(?!(?:ONLY|NOT|NEVER|ALWAYS|MUST|ALL|NO|EXACTLY)\\b)([A-Z]{3,}(?:_[A-Z]+)*))\\b");

    private StructureRequest() {
    }

    public static boolean asked(CharSequence promptText) {
        if (STRUCTURE.matcher(promptText).find()) return true;
        java.util.Set<String> tokens = new java.util.HashSet<>();
        java.util.regex.Matcher m = SENTINEL.matcher(promptText);
        while (m.find()) tokens.add(m.group(1));
        return tokens.size() >= 2;
    }
}
