package io.cti.pbxsim.traffic;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one JSON value (RFC 8259) into plain Java: {@code Map<String,Object>} (keys in order, duplicates refused),
 * {@code List<Object>}, {@code String}, {@code BigDecimal}, {@code Boolean} or null. Problems are reported as
 * {@link Problem} with the character position. Not thread-safe; one instance per text.
 */
final class JsonReader {

    /** What is wrong with the text, and where (0-based character offset). */
    static final class Problem extends Exception {
        final int position;

        Problem(int position, String message) {
            super(message);
            this.position = position;
        }
    }

    private static final int MAX_DEPTH = 32;

    private final String text;
    private int position;

    private JsonReader(String text) {
        this.text = text;
    }

    static Object read(String text) throws Problem {
        JsonReader reader = new JsonReader(text);
        Object value = reader.value(0);
        reader.skipWhitespace();
        if (reader.position < text.length()) {
            throw new Problem(reader.position, "unexpected text after the JSON value");
        }
        return value;
    }

    private Object value(int depth) throws Problem {
        if (depth > MAX_DEPTH) {
            throw new Problem(position, "nested too deeply");
        }
        skipWhitespace();
        if (position >= text.length()) {
            throw new Problem(position, "a value is missing");
        }
        char c = text.charAt(position);
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw new Problem(position, "unexpected character '" + c + "'");
            }
        };
    }

    private Map<String, Object> object(int depth) throws Problem {
        position++;
        Map<String, Object> result = new LinkedHashMap<>();
        skipWhitespace();
        if (peek('}')) {
            position++;
            return result;
        }
        while (true) {
            skipWhitespace();
            if (!peek('"')) {
                throw new Problem(position, "a field name in double quotes was expected");
            }
            int keyAt = position;
            String key = string();
            skipWhitespace();
            expect(':');
            Object value = value(depth + 1);
            if (result.containsKey(key)) {
                throw new Problem(keyAt, "field '" + key + "' appears twice");
            }
            result.put(key, value);
            skipWhitespace();
            if (peek(',')) {
                position++;
            } else {
                expect('}');
                return result;
            }
        }
    }

    private List<Object> array(int depth) throws Problem {
        position++;
        List<Object> result = new ArrayList<>();
        skipWhitespace();
        if (peek(']')) {
            position++;
            return result;
        }
        while (true) {
            result.add(value(depth + 1));
            skipWhitespace();
            if (peek(',')) {
                position++;
            } else {
                expect(']');
                return result;
            }
        }
    }

    private String string() throws Problem {
        position++;
        StringBuilder out = new StringBuilder();
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw new Problem(position - 1, "a control character inside a string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (position >= text.length()) {
                break;
            }
            char escape = text.charAt(position++);
            switch (escape) {
                case '"', '\\', '/' -> out.append(escape);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> out.append(unicodeEscape());
                default -> throw new Problem(position - 1, "unknown escape \\" + escape);
            }
        }
        throw new Problem(position, "a string is not closed");
    }

    private char unicodeEscape() throws Problem {
        if (position + 4 > text.length()) {
            throw new Problem(position, "\\u needs four hex digits");
        }
        try {
            char c = (char) Integer.parseInt(text.substring(position, position + 4), 16);
            position += 4;
            return c;
        } catch (NumberFormatException e) {
            throw new Problem(position, "\\u needs four hex digits");
        }
    }

    private BigDecimal number() throws Problem {
        int start = position;
        if (peek('-')) {
            position++;
        }
        digits();
        if (peek('.')) {
            position++;
            digits();
        }
        if (peek('e') || peek('E')) {
            position++;
            if (peek('+') || peek('-')) {
                position++;
            }
            digits();
        }
        try {
            return new BigDecimal(text.substring(start, position));
        } catch (NumberFormatException e) {
            throw new Problem(start, "not a number: " + text.substring(start, position));
        }
    }

    private void digits() throws Problem {
        int start = position;
        while (position < text.length() && Character.isDigit(text.charAt(position))) {
            position++;
        }
        if (position == start) {
            throw new Problem(position, "a digit was expected");
        }
    }

    private Object literal(String word, Object value) throws Problem {
        if (!text.startsWith(word, position)) {
            throw new Problem(position, "unexpected text; true, false or null?");
        }
        position += word.length();
        return value;
    }

    private void expect(char c) throws Problem {
        if (!peek(c)) {
            throw new Problem(position, "'" + c + "' was expected");
        }
        position++;
    }

    private boolean peek(char c) {
        return position < text.length() && text.charAt(position) == c;
    }

    private void skipWhitespace() {
        while (position < text.length() && " \t\r\n".indexOf(text.charAt(position)) >= 0) {
            position++;
        }
    }
}
