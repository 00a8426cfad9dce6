package io.cti.platform.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Logback converter ({@code %maskedMsg}) that masks anything in a log message that looks like a phone number,
 * as a second line of defence behind {@code PhoneNumber.toString()}: a number that slips into a message as
 * plain text (an exception text, a caller id) still never reaches the log in full. Thread-safe.
 */
public class PhoneMaskingConverter extends MessageConverter {

    // 7 to 15 digits, optionally led by + or 00, and possibly split by spaces, dots, dashes or parentheses.
    private static final Pattern PHONE = Pattern.compile("(?<![\\w.:/-])\\+?\\(?\\d(?:[\\d\\s().-]{5,20})\\d(?![\\w.:/-])");
    private static final Pattern UUID_LIKE = Pattern.compile("[0-9a-fA-F-]{36}");

    @Override
    public String convert(ILoggingEvent event) {
        return mask(super.convert(event));
    }

    /** The text with every phone-number-like run of 7-15 digits masked but for its last four digits. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Matcher matcher = PHONE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            String candidate = matcher.group();
            String digits = candidate.replaceAll("\\D", "");
            boolean phoneLike = digits.length() >= 7 && digits.length() <= 15 && !UUID_LIKE.matcher(candidate).matches()
                    && !looksLikeTimeOrDate(candidate);
            matcher.appendReplacement(out, Matcher.quoteReplacement(phoneLike ? maskDigits(candidate) : candidate));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static boolean looksLikeTimeOrDate(String candidate) {
        return candidate.matches("\\d{4}-\\d{2}-\\d{2}.*") || candidate.matches("\\d+\\.\\d+");
    }

    private static String maskDigits(String candidate) {
        int total = (int) candidate.chars().filter(Character::isDigit).count();
        int keepTail = 4;
        int seen = 0;
        StringBuilder masked = new StringBuilder(candidate.length());
        for (char c : candidate.toCharArray()) {
            if (Character.isDigit(c)) {
                seen++;
                masked.append(seen > total - keepTail ? c : '*');
            } else {
                masked.append(c);
            }
        }
        return masked.toString();
    }
}
