package dev.baton.harness.generate;

import dev.baton.harness.choice.Choices;

/** Generators for the string formats contracts use most; {@code null} for a format it does not know. */
final class Formats {

    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    private static final String HEX = "0123456789abcdef";

    private Formats() {
    }

    static String generate(String format, Choices choices) {
        return switch (format) {
            case "date" -> date(choices);
            case "date-time" -> date(choices) + "T" + time(choices) + "Z";
            case "time" -> time(choices) + "Z";
            case "email" -> word(choices, 1, 8) + "@" + word(choices, 1, 8) + ".com";
            case "uuid" -> uuid(choices);
            case "uri", "iri" -> "https://" + word(choices, 1, 8) + ".example/" + word(choices, 0, 8);
            case "hostname" -> word(choices, 1, 8) + ".example";
            case "ipv4" -> choices.drawInt(1, 254) + "." + choices.drawInt(0, 255) + "." + choices.drawInt(0, 255)
                    + "." + choices.drawInt(1, 254);
            default -> null;
        };
    }

    private static String date(Choices choices) {
        int year = 2000 + choices.drawInt(0, 40);
        int month = 1 + choices.drawInt(0, 11);
        int day = 1 + choices.drawInt(0, 27);
        return String.format("%04d-%02d-%02d", year, month, day);
    }

    private static String time(Choices choices) {
        return String.format("%02d:%02d:%02d", choices.drawInt(0, 23), choices.drawInt(0, 59), choices.drawInt(0, 59));
    }

    private static String word(Choices choices, int min, int max) {
        int length = choices.drawInt(min, max);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(LOWER.charAt(choices.pick(LOWER.length())));
        }
        return out.toString();
    }

    private static String uuid(Choices choices) {
        StringBuilder out = new StringBuilder();
        int[] groups = {8, 4, 4, 4, 12};
        for (int g = 0; g < groups.length; g++) {
            if (g > 0) {
                out.append('-');
            }
            for (int i = 0; i < groups[g]; i++) {
                if (g == 2 && i == 0) {
                    out.append('4'); // version 4
                } else if (g == 3 && i == 0) {
                    out.append("89ab".charAt(choices.pick(4))); // RFC 4122 variant
                } else {
                    out.append(HEX.charAt(choices.pick(16)));
                }
            }
        }
        return out.toString();
    }
}
