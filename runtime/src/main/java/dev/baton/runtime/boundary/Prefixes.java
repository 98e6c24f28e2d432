package dev.baton.runtime.boundary;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.async.ByteArrayFeeder;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells truncated output from other garbage. Jackson's non-blocking parser consumes exactly what it
 * is fed and answers {@link JsonToken#NOT_AVAILABLE} where more input could still make a valid value,
 * so "the input is a valid JSON prefix that ends early" is decided by the real grammar, not a heuristic.
 */
final class Prefixes {

    private static final String[] LITERALS = {"true", "false", "null"};

    private Prefixes() {
    }

    /** @return the offset where a valid but incomplete JSON prefix ends, or -1 if the input is not such a prefix */
    static long truncationOffset(JsonMapper mapper, byte[] bytes) {
        try (JsonParser parser = mapper.createNonBlockingByteArrayParser()) {
            ByteArrayFeeder feeder = (ByteArrayFeeder) parser.nonBlockingInputFeeder();
            feeder.feedInput(bytes, 0, bytes.length);
            int depth = 0;
            boolean started = false;
            while (true) {
                JsonToken token = parser.nextToken();
                if (token == null) {
                    return -1;
                }
                if (token == JsonToken.NOT_AVAILABLE) {
                    if (started && depth == 0) {
                        return -1;
                    }
                    // the parser buffers a token it cannot yet judge (a literal, a number): end the
                    // input and see whether the grammar complains of the end or of the token itself
                    feeder.endOfInput();
                    return endsEarly(parser, bytes) ? bytes.length : -1;
                }
                started = true;
                if (token.isStructStart()) {
                    depth++;
                } else if (token.isStructEnd()) {
                    depth--;
                }
                if (depth == 0) {
                    return -1; // the first value is complete; the problem lies after it
                }
            }
        } catch (JacksonException e) {
            return -1;
        }
    }

    private static boolean endsEarly(JsonParser parser, byte[] bytes) {
        try {
            while (parser.nextToken() != null) {
                // drain: a complete scalar at the end is fine, the missing closers are the end we want
            }
            return true; // only reachable for a complete top-level scalar, which never gets here
        } catch (UnexpectedEndOfInputException e) {
            return true;
        } catch (JacksonException e) {
            return endsInLiteralPrefix(bytes);
        }
    }

    /** {@code {"ok": tru} is a valid prefix although the parser names the token, not the end. */
    private static boolean endsInLiteralPrefix(byte[] bytes) {
        int end = bytes.length;
        int start = end;
        while (start > 0 && Character.isLetter(bytes[start - 1])) {
            start--;
        }
        if (start == end || (start > 0 && !isDelimiter(bytes[start - 1]))) {
            return false;
        }
        String tail = new String(bytes, start, end - start, java.nio.charset.StandardCharsets.US_ASCII);
        for (String literal : LITERALS) {
            if (literal.startsWith(tail) && !literal.equals(tail)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDelimiter(byte b) {
        return b == ':' || b == ',' || b == '[' || b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }
}
