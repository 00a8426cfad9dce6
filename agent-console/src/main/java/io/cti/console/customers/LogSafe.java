package io.cti.console.customers;

import io.cti.core.phone.PhoneNumber;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks phone-number-like runs in text bound for a log, for the failures nobody foresaw: an exception message
 * can quote a number (a database constraint detail, a caller id) and must not reach the log in full. Stateless.
 */
final class LogSafe {

    // A digit, then digits and the separators people write numbers with, then a digit; 7-15 digits in all.
    private static final Pattern PHONE_LIKE = Pattern.compile("\\+?\\d[\\d ().-]{5,22}\\d");
    // Dates and decimal amounts look like numbers too, and an operator needs them.
    private static final Pattern DATE_OR_DECIMAL = Pattern.compile("\\d{4}-\\d{2}-\\d{2}.*|\\d+\\.\\d+");
    private static final int MAX_CAUSES = 16;

    private LogSafe() {
    }

    static String mask(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = PHONE_LIKE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            String run = matcher.group();
            long digits = run.chars().filter(Character::isDigit).count();
            boolean phoneLike = digits >= 7 && !DATE_OR_DECIMAL.matcher(run).matches();
            matcher.appendReplacement(out, Matcher.quoteReplacement(phoneLike ? PhoneNumber.mask(run) : run));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** A copy of {@code failure} and its causes with masked messages and the original stack traces. */
    static Throwable masked(Throwable failure) {
        return masked(failure, 0);
    }

    private static Throwable masked(Throwable failure, int depth) {
        MaskedFailure copy = new MaskedFailure(failure.getClass().getName() + ": " + mask(failure.getMessage()));
        copy.setStackTrace(failure.getStackTrace());
        Throwable cause = failure.getCause();
        if (cause != null && cause != failure && depth < MAX_CAUSES) {
            copy.initCause(masked(cause, depth + 1));
        }
        return copy;
    }

    /** Stands in for the original failure in a log line; its message names the original class. */
    private static final class MaskedFailure extends RuntimeException {
        MaskedFailure(String message) {
            super(message);
        }
    }
}
