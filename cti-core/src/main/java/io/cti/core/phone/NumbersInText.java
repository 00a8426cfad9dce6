package io.cti.core.phone;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one rule for finding phone numbers in free text (log messages, exception texts, database error details) and
 * masking them as {@link PhoneNumber#mask} masks a single number. A number may be written with the separators
 * people use ({@code (415) 555-0132}, {@code 0086 138 0013 8000}, {@code 415.555.0100}); dates, decimals, clock
 * times and runs inside identifiers (UUIDs, words) are left readable. It errs towards masking: any other run of 6
 * to 15 digits is taken for a number, since six digits is the shortest valid one (Vienna, +43 1110). Stateless.
 */
final class NumbersInText {

    // A digit run with separators, not glued to a word, a path, a UUID segment or a decimal on either side.
    private static final Pattern NUMBER_LIKE = Pattern.compile(
            "(?<![\\w/-]|\\d[.:])\\+?\\(?\\d[\\d ().-]{4,24}\\d(?![\\w/-]|[.:]\\d)");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}.*");
    private static final Pattern DECIMAL = Pattern.compile("\\d+\\.\\d+");
    private static final int SHORTEST = 6;
    private static final int LONGEST = 15;

    private NumbersInText() {
    }

    static String mask(String text) {
        if (text == null) {
            return "null";
        }
        Matcher matcher = NUMBER_LIKE.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            String run = matcher.group();
            matcher.appendReplacement(out, Matcher.quoteReplacement(isNumber(run) ? maskDigits(run) : run));
        } while (matcher.find());
        matcher.appendTail(out);
        return out.toString();
    }

    private static boolean isNumber(String run) {
        long digits = run.chars().filter(Character::isDigit).count();
        return digits >= SHORTEST && digits <= LONGEST && !DATE.matcher(run).matches()
                && !DECIMAL.matcher(run).matches();
    }

    /** As {@link PhoneNumber#mask}, digit by digit, so separators stay where they were. */
    private static String maskDigits(String run) {
        int digits = (int) run.chars().filter(Character::isDigit).count();
        // PhoneNumber.mask counts a leading '+' in the length it judges short, and keeps it with two digits.
        boolean shortNumber = digits + (run.startsWith("+") ? 1 : 0) < 10;
        int keepHead = shortNumber ? 0 : 2;
        int keepTail = shortNumber ? 0 : 4;
        StringBuilder masked = new StringBuilder(run.length());
        int seen = 0;
        for (int i = 0; i < run.length(); i++) {
            char c = run.charAt(i);
            if (Character.isDigit(c)) {
                seen++;
                masked.append(seen <= keepHead || seen > digits - keepTail ? c : '*');
            } else {
                masked.append(c);
            }
        }
        return masked.toString();
    }
}
