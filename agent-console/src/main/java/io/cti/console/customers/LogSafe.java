package io.cti.console.customers;

import io.cti.core.phone.PhoneNumber;

/**
 * Masks phone-number-like runs in text bound for a log, for the failures nobody foresaw: an exception message
 * can quote a number (a database constraint detail, a caller id) and must not reach the log in full. Stateless.
 */
final class LogSafe {

    private static final int MAX_CAUSES = 16;

    private LogSafe() {
    }

    /** The text with every phone number masked by the platform's one rule, {@link PhoneNumber#maskNumbersIn}. */
    static String mask(String text) {
        return text == null ? null : PhoneNumber.maskNumbersIn(text);
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
