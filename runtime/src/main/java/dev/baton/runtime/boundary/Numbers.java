package dev.baton.runtime.boundary;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.util.JsonParserDelegate;
import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers a boundary can hold without changing them. The tree keeps a non-integral number as an IEEE 754
 * double, so {@code 1e999999} would silently become {@code Infinity} (re-serialised as the string
 * {@code "Infinity"}) and {@code 1e-999999} would become {@code 0.0} (a multiple of anything). I-JSON
 * (RFC 7493, 2.2) asks for numbers within a double's range and precision; a literal outside the range, or
 * a nonzero one that rounds to zero, is rejected while parsing, naming its field. Rounding within the range
 * (17 significant digits) is what any double does and is not refused.
 */
final class Numbers {

    private static final Pattern LENGTH = Pattern.compile("^Number value length \\(\\d+\\) exceeds the maximum allowed \\((\\d+)");
    private static final Pattern NAME = Pattern.compile("^Name length \\((\\d+)\\) exceeds the maximum allowed \\((\\d+)");

    private Numbers() {
    }

    /** @return {@code parser}, checking every non-integral number as it is read */
    static JsonParser guard(JsonParser parser) {
        return new Guarded(parser);
    }

    /**
     * The violation a stream limit on one value stands for (a number or a property name longer than the
     * parser reads), or null for the limits on the whole document (bytes, depth).
     */
    static Violation ofConstraint(StreamConstraintsException e, JsonParser parser) {
        String message = String.valueOf(e.getOriginalMessage());
        Matcher length = LENGTH.matcher(message);
        if (length.find()) {
            return new Violation(pointer(parser.streamReadContext()), "number-length", "a number longer than the limit of "
                    + length.group(1) + " digits (reading longer numbers costs more than linear time)");
        }
        Matcher name = NAME.matcher(message);
        if (name.find()) {
            return new Violation(pointer(parser.streamReadContext()), "name-length", "a property name of " + name.group(1)
                    + " characters, more than the limit of " + name.group(2));
        }
        return null;
    }

    /**
     * The first non-finite double in an already built tree ({@link Boundary#receiveTree}), or null. A tree
     * no longer holds its literals, so there an underflow to zero cannot be told from a zero.
     */
    static Violation firstNonFinite(JsonNode node, String pointer) {
        if (node.isDouble() || node.isFloat()) {
            double value = node.doubleValue();
            return Double.isFinite(value) ? null : outOfRange(pointer, String.valueOf(value));
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                Violation v = firstNonFinite(entry.getValue(), pointer + "/" + escape(entry.getKey()));
                if (v != null) return v;
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Violation v = firstNonFinite(node.get(i), pointer + "/" + i);
                if (v != null) return v;
            }
        }
        return null;
    }

    private static Violation outOfRange(String pointer, String literal) {
        return new Violation(pointer, "number-range", "the number " + excerpt(literal)
                + " is outside the range of an IEEE 754 double (magnitude up to 1.7976931348623157e308), "
                + "as I-JSON (RFC 7493) requires");
    }

    private static Violation underflow(String pointer, String literal) {
        return new Violation(pointer, "number-range", "the number " + excerpt(literal)
                + " is too close to zero for an IEEE 754 double (it would be read as 0), as I-JSON (RFC 7493) requires");
    }

    /** The pointer of the value being read, from the parser's context: {@code /a/0/b}. */
    private static String pointer(TokenStreamContext context) {
        return context == null ? "" : context.pathAsPointer().toString();
    }

    private static String excerpt(String literal) {
        return literal.length() > 40 ? literal.substring(0, 40) + "..." : literal;
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    /** A number the boundary cannot hold; carries the violation naming its field. */
    static final class OutOfRange extends StreamReadException {
        private final Violation violation;

        OutOfRange(JsonParser parser, Violation violation) {
            super(parser, violation.message());
            this.violation = violation;
        }

        Violation violation() {
            return violation;
        }
    }

    private static final class Guarded extends JsonParserDelegate {
        Guarded(JsonParser parser) {
            super(parser);
        }

        @Override
        public JsonToken nextToken() {
            JsonToken token = delegate.nextToken();
            if (token == JsonToken.VALUE_NUMBER_FLOAT) check();
            return token;
        }

        @Override
        public JsonToken nextValue() {
            JsonToken token = delegate.nextValue();
            if (token == JsonToken.VALUE_NUMBER_FLOAT) check();
            return token;
        }

        private void check() {
            double value = delegate.getDoubleValue(); // parsed once: the tree reuses the parser's value
            if (Double.isInfinite(value)) {
                throw new OutOfRange(this, outOfRange(pointer(delegate.streamReadContext()), delegate.getString()));
            }
            if (value == 0.0 && nonzeroMantissa(delegate.getString())) {
                throw new OutOfRange(this, underflow(pointer(delegate.streamReadContext()), delegate.getString()));
            }
        }

        private static boolean nonzeroMantissa(String literal) {
            for (int i = 0; i < literal.length(); i++) {
                char c = literal.charAt(i);
                if (c == 'e' || c == 'E') return false;
                if (c >= '1' && c <= '9') return true;
            }
            return false;
        }
    }
}
