package dev.baton.runtime.boundary;

/** Strict UTF-8 well-formedness (RFC 3629): no overlongs, no surrogates, nothing above U+10FFFF. */
final class Utf8 {

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    private Utf8() {
    }

    /** @return the offset of the first byte of the first ill-formed sequence, or -1 if all is well-formed */
    static long firstInvalidByte(byte[] bytes) {
        int i = 0;
        int n = bytes.length;
        while (i < n) {
            // eight ASCII bytes at a time: agent payloads are mostly ASCII
            if (i + 8 <= n && (((long) LONGS.get(bytes, i)) & HIGH_BITS) == 0) {
                i += 8;
                continue;
            }
            int b = bytes[i];
            if (b >= 0) { // ASCII: the common case, one comparison
                i++;
                continue;
            }
            b &= 0xFF;
            int need;
            int min;
            if (b >= 0xC2 && b <= 0xDF) {
                need = 1;
                min = 0x80;
            } else if (b >= 0xE0 && b <= 0xEF) {
                need = 2;
                min = 0x800;
            } else if (b >= 0xF0 && b <= 0xF4) {
                need = 3;
                min = 0x10000;
            } else {
                return i;
            }
            if (i + need >= n) {
                return i;
            }
            int code = b & (0xFF >> (need + 2));
            for (int k = 1; k <= need; k++) {
                int c = bytes[i + k] & 0xFF;
                if ((c & 0xC0) != 0x80) {
                    return i;
                }
                code = (code << 6) | (c & 0x3F);
            }
            if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
                return i;
            }
            i += need + 1;
        }
        return -1;
    }
}
