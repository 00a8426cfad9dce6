package io.cti.core.phone;

/**
 * A phone number in E.164 form ({@code +8613800138000}). Its {@link #toString()} is masked so a number
 * never reaches a log in full; call {@link #e164()} where the full number is really needed. Immutable.
 */
public record PhoneNumber(String e164) {

    public PhoneNumber {
        // Six digits is the shortest number libphonenumber calls valid (Vienna, +43 1110); E.164 caps at 15.
        if (e164 == null || !e164.matches("\\+[1-9][0-9]{5,14}")) {
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
}
