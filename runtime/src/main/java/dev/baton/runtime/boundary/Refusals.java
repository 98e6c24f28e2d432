package dev.baton.runtime.boundary;

import java.util.List;
import java.util.Locale;

/** Recognises a model's refusal ("I'm sorry, but I can't ...") so it is not reported as mere bad JSON. */
final class Refusals {

    private static final List<String> MARKERS = List.of(
            "i'm sorry", "i am sorry", "i apologize", "i apologise", "sorry, but", "sorry, i",
            "i can't", "i cannot", "i can not", "i won't", "i will not",
            "i'm unable", "i am unable", "i'm not able", "i am not able",
            "as an ai", "as a language model", "i must decline", "i'm not comfortable",
            "unable to comply", "cannot assist", "can't assist", "can't help with", "cannot help with",
            "cannot provide", "can't provide", "against my guidelines");

    private Refusals() {
    }

    static boolean looksLikeRefusal(String text) {
        String head = normalise(text);
        for (String marker : MARKERS) {
            if (head.contains(marker)) {
                return true;
            }
        }
        return false;
    }

    static String excerpt(String text) {
        String trimmed = text.strip();
        return trimmed.length() > 200 ? trimmed.substring(0, 200) + "..." : trimmed;
    }

    private static String normalise(String text) {
        String head = text.length() > 400 ? text.substring(0, 400) : text;
        return head.replace('\u2019', '\'').replace('\u2018', '\'').toLowerCase(Locale.ROOT);
    }
}
