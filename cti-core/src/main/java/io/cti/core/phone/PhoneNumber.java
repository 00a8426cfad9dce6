package io.cti.core.phone;

import java.util.regex.Pattern;

/**
 * A phone number in E.164 form ({@code +8613800138000}). Its {@link #toString()} is masked so a number
 * never reaches a log in full; call {@link #e164()} where the full number is really needed. Immutable.
 */
public record PhoneNumber(String e164) {

    // Six digits is the shortest number libphonenumber calls valid (Vienna, +43 1110); E.164 caps at 15.
    // Compiled once: a bulk load builds millions of numbers.
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{5,14}");

    public PhoneNumber {
        if (e164 == null || !E164.matcher(e164).matches()) {
            throw new IllegalArgumentException("not an E.164 number: " + mask(e164));
        }
    }

    /** The number with all but the country prefix and the last four digits hidden, for logs. */
    public String masked() {
        return mask(e164);
    }

    @Override
    public String toString() {
        return masked();
    }

    /** Masks any text that may hold a phone number: keeps a leading '+' and up to 3 digits, and the last 4. */
    public static String mask(String number) {
        if (number == null) {
            return "null";
        }
        int length = number.length();
        if (length < 10) {
            return "*".repeat(length);
        }
        int keepHead = number.startsWith("+") ? 3 : 2;
        return number.substring(0, keepHead) + "*".repeat(length - keepHead - 4) + number.substring(length - 4);
    }

    /**
     * Masks every phone number in free text, such as a log message or a database's error detail quoting the row
     * it refused, so the text can reach an exception message or a log. The platform's one rule for that: numbers
     * with or without separators, 6 to 15 digits, masked as {@link #mask}; dates, decimals and ids stay readable.
     */
    public static String maskNumbersIn(String text) {
        return NumbersInText.mask(text);
    }
}
