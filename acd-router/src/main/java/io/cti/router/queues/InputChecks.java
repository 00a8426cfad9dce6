package io.cti.router.queues;

import io.cti.core.customers.CustomerValidator;
import io.cti.core.customers.FieldError;
import io.cti.router.RouterException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the typed values of one draft (queue, agent, reason code) and collects every error with its field path,
 * so a form can show them all at once. Each reader returns null for an absent or wrong value (and records why).
 * One instance per validation; not thread-safe.
 */
public final class InputChecks {

    public static final int MAX_TEXT = 200;

    private final List<FieldError> errors = new ArrayList<>();

    public void add(String field, String code, String message) {
        errors.add(new FieldError(field, code, message));
    }

    /** Whether no error has been recorded for {@code field} yet (to report one cause per field, not a cascade). */
    public boolean isClean(String field) {
        return errors.stream().noneMatch(e -> e.field().equals(field));
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Throws {@code invalid-<what>} listing every error found, if there is any. */
    public void throwIfAny(String what) {
        if (!errors.isEmpty()) {
            throw RouterException.invalidInput(what, errors);
        }
    }

    /** {@code value}, or a {@code required} error when it is absent and nothing else was wrong with it. */
    public <T> T required(String field, T value) {
        if (value == null && isClean(field)) {
            add(field, "required", "a value is required");
        }
        return value;
    }

    /** Trimmed single-line text of at most {@code max} characters, null when blank; control characters are errors. */
    public String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            add(field, "too-long", "at most " + max + " characters");
            return null;
        }
        if (trimmed.codePoints().anyMatch(CustomerValidator::isControl)) {
            add(field, "control-character", "must not contain control or line-break characters");
            return null;
        }
        return trimmed;
    }

    /** Text that must match {@code pattern} exactly as typed (names end up in URLs, AMI actions and logs). */
    public String matching(String field, String value, Pattern pattern, String code, String rule) {
        if (value == null) {
            return null;
        }
        if (!pattern.matcher(value).matches()) {
            add(field, code, rule + ": '" + printable(value) + "'");
            return null;
        }
        return value;
    }

    /** {@code value} if it lies in {@code min..max}; {@code absent} when null. */
    public Integer range(String field, Integer value, int min, int max, Integer absent) {
        if (value == null) {
            return absent;
        }
        if (value < min || value > max) {
            add(field, "out-of-range", "must be between " + min + " and " + max + ": " + value);
            return null;
        }
        return value;
    }

    /** A constant of {@code type}, case-insensitive, '-' read as '_'; {@code absent} when blank. */
    public <E extends Enum<E>> E choice(String field, String value, Class<E> type, E absent) {
        String text = text(field, value, MAX_TEXT);
        if (text == null) {
            return isClean(field) ? absent : null;
        }
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            add(field, "unknown-value", "'" + text + "' is not one of " + Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    /** The value as it may be echoed in a message: control characters shown as '?', at most 80 characters. */
    static String printable(String value) {
        StringBuilder shown = new StringBuilder();
        value.codePoints().limit(80).forEach(c -> shown.appendCodePoint(CustomerValidator.isControl(c) ? '?' : c));
        return value.length() > 80 ? shown + "..." : shown.toString();
    }
}
