package io.cti.router.stats;

import java.time.Duration;
import java.util.Map;

/**
 * The outcome counts of one queue over a span (the day, or the rolling window): calls answered and how many of
 * them within the service-level target, their total time to answer, calls abandoned after the short-abandon
 * threshold and before it, and calls completed (wrap-up done) with their total handle time. Rates leave short
 * abandons out (a caller who hangs up in the first seconds was never really waiting). Immutable.
 */
record Tally(long answered, long answeredInTarget, long answerWaitMillis, long abandoned, long shortAbandoned,
             long completed, long handleMillis) {

    static final String ANSWERED = "answered";
    static final String ANSWERED_IN_TARGET = "answeredInTarget";
    static final String ANSWER_WAIT_MS = "answerWaitMs";
    static final String ABANDONED = "abandoned";
    static final String SHORT_ABANDONED = "shortAbandoned";
    static final String COMPLETED = "completed";
    static final String HANDLE_MS = "handleMs";

    /** The fields {@link #of} reads, to ask a day's hash for them alone (it also holds the day's quarter hours). */
    static final String[] FIELDS = {ANSWERED, ANSWERED_IN_TARGET, ANSWER_WAIT_MS, ABANDONED, SHORT_ABANDONED, COMPLETED,
            HANDLE_MS};

    /** The counts as kept in a day's hash; missing fields are none. */
    static Tally of(Map<String, String> hash) {
        return new Tally(count(hash, ANSWERED), count(hash, ANSWERED_IN_TARGET), count(hash, ANSWER_WAIT_MS),
                count(hash, ABANDONED), count(hash, SHORT_ABANDONED), count(hash, COMPLETED), count(hash, HANDLE_MS));
    }

    /** Answered within the target over answered plus abandoned; NaN while nothing was offered. */
    double serviceLevel() {
        long offered = answered + abandoned;
        return offered == 0 ? Double.NaN : (double) answeredInTarget / offered;
    }

    /** Abandoned over answered plus abandoned; NaN while nothing was offered. */
    double abandonRate() {
        long offered = answered + abandoned;
        return offered == 0 ? Double.NaN : (double) abandoned / offered;
    }

    /** Mean time to answer of the answered calls (ASA); zero before the first. */
    Duration averageSpeedOfAnswer() {
        return answered == 0 ? Duration.ZERO : Duration.ofMillis(answerWaitMillis / answered);
    }

    /** Mean talk + hold + wrap-up of the completed calls (AHT); zero before the first. */
    Duration averageHandleTime() {
        return completed == 0 ? Duration.ZERO : Duration.ofMillis(handleMillis / completed);
    }

    private static long count(Map<String, String> hash, String field) {
        String value = hash.get(field);
        return value == null ? 0 : Long.parseLong(value);
    }
}
