package dev.baton.runtime.boundary;

/**
 * Escaped surrogates that do not pair. JSON may spell a character as {@code \uD83D\uDE00}; a lone
 * {@code \uD800} spells no character at all, so the string is not Unicode text. I-JSON (RFC 7493, 2.1)
 * forbids it, and a boundary that let it through would hand the consumer a {@code String} that no UTF-8
 * encoder can write faithfully. Raw surrogates never get this far: they are not UTF-8 ({@link Utf8}) or
 * are caught in the text before parsing.
 */
final class Escapes {

    private Escapes() {
    }

    /** @return the offset of the first unpaired escaped surrogate in well-formed JSON text, or -1 */
    static long firstUnpairedSurrogate(String text) {
        int from = text.indexOf('\\');
        if (from < 0) return -1; // the common case: no escapes at all
        return scan(new Chars() {
            public int length() {
                return text.length();
            }

            public int at(int i) {
                return text.charAt(i);
            }
        }, from);
    }

    /** @return the byte offset of the first unpaired escaped surrogate in well-formed JSON bytes, or -1 */
    static long firstUnpairedSurrogate(byte[] bytes) {
        int from = -1;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\\') {
                from = i;
                break;
            }
        }
        if (from < 0) return -1;
        return scan(new Chars() {
            public int length() {
                return bytes.length;
            }

            public int at(int i) {
                return bytes[i] & 0xFF;
            }
        }, from);
    }

    /** Escapes are ASCII in both forms; the text has parsed, so every backslash starts an escape in a string. */
    private static long scan(Chars in, int from) {
        int n = in.length();
        int i = from;
        while (i < n) {
            if (in.at(i) != '\\') {
                i++;
                continue;
            }
            if (i + 1 < n && in.at(i + 1) == 'u') {
                int unit = hex4(in, i + 2);
                if (unit >= 0xDC00 && unit <= 0xDFFF) return i;
                if (unit >= 0xD800 && unit <= 0xDBFF) {
                    int low = i + 7 < n && in.at(i + 6) == '\\' && in.at(i + 7) == 'u' ? hex4(in, i + 8) : -1;
                    if (low < 0xDC00 || low > 0xDFFF) return i;
                    i += 12;
                    continue;
                }
                i += 6;
            } else {
                i += 2;
            }
        }
        return -1;
    }

    private static int hex4(Chars in, int at) {
        if (at + 4 > in.length()) return -1;
        int value = 0;
        for (int k = at; k < at + 4; k++) {
            int digit = Character.digit(in.at(k), 16);
            if (digit < 0) return -1;
            value = value * 16 + digit;
        }
        return value;
    }

    private interface Chars {
        int length();

        int at(int i);
    }
}
