package io.cti.console.customers;

import io.cti.core.customers.CustomerValidator;
import io.cti.console.ConsoleException;
import io.cti.core.customers.FieldError;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Parses the text fields of one request and collects every error found, so a form can show them all at once.
 * Each parser returns null for a blank value or a wrong one (and records why). One instance per request; not
 * thread-safe.
 */
final class FieldChecks {

    static final int MAX_LINE = 200;
    static final int MAX_NOTES = 4_000;
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");

    private final List<FieldError> errors = new ArrayList<>();

    void add(String field, String code, String message) {
        errors.add(new FieldError(field, code, message));
    }

    boolean isClean(String field) {
        return errors.stream().noneMatch(e -> e.field().equals(field));
    }

    /** Throws {@code invalid-<what>} listing every error found, if there is any. */
    void throwIfAny(String what) {
        if (!errors.isEmpty()) {
            throw ConsoleException.invalidInput(what, errors);
        }
    }

    /** {@code value}, or a {@code required} error when it is absent and nothing else is wrong with it. */
    <T> T required(String field, T value) {
        if (value == null && isClean(field)) {
            add(field, "required", "a value is required");
        }
        return value;
    }

    /** Trimmed single-line text of at most {@value #MAX_LINE} characters. */
    String line(String field, String value) {
        return text(field, value, MAX_LINE, false);
    }

    /** Trimmed text of at most {@value #MAX_NOTES} characters; line breaks and tabs are allowed. */
    String notes(String field, String value) {
        return text(field, value, MAX_NOTES, true);
    }

    /** A constant of {@code type}, case-insensitive, '-' read as '_'; {@code absent} when blank. */
    <E extends Enum<E>> E choice(String field, String value, Class<E> type, E absent) {
        String text = line(field, value);
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

    /** A calendar date written 2024-03-31. */
    LocalDate date(String field, String value) {
        String text = line(field, value);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            add(field, "invalid-date", "not a date in the form 2024-03-31: '" + text + "'");
            return null;
        }
    }

    /** An instant written with its offset: 2024-03-31T09:15:00Z or 2024-03-31T17:15:00+08:00. */
    Instant instant(String field, String value) {
        String text = line(field, value);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            add(field, "invalid-instant", "not a time with offset such as 2024-03-31T09:15:00Z: '" + text + "'");
            return null;
        }
    }

    /** A whole number between {@code min} and {@code max}. */
    Long whole(String field, String value, long min, long max) {
        String text = line(field, value);
        if (text == null) {
            return null;
        }
        try {
            long number = Long.parseLong(text);
            if (number < min || number > max) {
                add(field, "out-of-range", "must be between " + min + " and " + max + ": " + text);
                return null;
            }
            return number;
        } catch (NumberFormatException e) {
            add(field, "invalid-number", "not a whole number: '" + text + "'");
            return null;
        }
    }

    /** A money amount: not negative, at most two decimals, under a trillion. */
    BigDecimal amount(String field, String value) {
        String text = line(field, value);
        if (text == null) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(text);
            if (amount.signum() < 0 || amount.compareTo(MAX_AMOUNT) > 0 || amount.stripTrailingZeros().scale() > 2) {
                add(field, "out-of-range", "must be between 0 and " + MAX_AMOUNT + " with at most two decimals: " + text);
                return null;
            }
            return amount;
        } catch (NumberFormatException e) {
            add(field, "invalid-amount", "not an amount such as 120.50: '" + text + "'");
            return null;
        }
    }

    /** Records an error when both are known and {@code later} is before {@code earlier}. */
    <T extends Comparable<? super T>> void notBefore(String field, T later, String earlierField, T earlier) {
        if (later != null && earlier != null && later.compareTo(earlier) < 0) {
            add(field, "before-" + earlierField, "must not be before " + earlierField + " (" + earlier + "): " + later);
        }
    }

    /** Records an error when {@code value} is known and after {@code latest}. */
    <T extends Comparable<? super T>> void notAfter(String field, T value, T latest, String what) {
        if (value != null && value.compareTo(latest) > 0) {
            add(field, "in-the-future", "must not be after " + what + " (" + latest + "): " + value);
        }
    }

    private String text(String field, String value, int max, boolean multiline) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            add(field, "too-long", "at most " + max + " characters");
            return null;
        }
        if (trimmed.codePoints().anyMatch(c -> CustomerValidator.isControl(c) && !(multiline && (c == '\n' || c == '\r' || c == '\t')))) {
            add(field, "control-character", multiline ? "must not contain control characters other than line breaks"
                    : "must not contain control or line-break characters");
            return null;
        }
        return trimmed;
    }
}
