package io.cti.router.stats;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Answered and abandoned calls of one queue inside a window that slides with time (the rolling 15 minutes) or
 * is reset at midnight (today): counts kept incrementally so a snapshot costs nothing per call. Not thread-safe.
 */
final class CallOutcomes {

    private record Outcome(Instant at, boolean answered, boolean withinTarget, long waitMillis) {
    }

    private final Duration span;
    private final Deque<Outcome> outcomes = new ArrayDeque<>();
    private int answered;
    private int answeredWithinTarget;
    private int abandoned;
    private long answeredWaitMillis;

    /** @param span how far back the window reaches; {@code null} keeps everything until {@link #clear()} */
    CallOutcomes(Duration span) {
        this.span = span;
    }

    void answered(Instant at, Duration waited, boolean withinTarget) {
        add(new Outcome(at, true, withinTarget, waited.toMillis()));
    }

    void abandoned(Instant at) {
        add(new Outcome(at, false, false, 0));
    }

    void clear() {
        outcomes.clear();
        answered = 0;
        answeredWithinTarget = 0;
        abandoned = 0;
        answeredWaitMillis = 0;
    }

    /** Drops the outcomes that fell out of the window by {@code now}. */
    void slideTo(Instant now) {
        if (span == null) {
            return;
        }
        Instant oldest = now.minus(span);
        while (!outcomes.isEmpty() && outcomes.peekFirst().at().isBefore(oldest)) {
            count(outcomes.pollFirst(), -1);
        }
    }

    double serviceLevel() {
        int offered = answered + abandoned;
        return offered == 0 ? Double.NaN : (double) answeredWithinTarget / offered;
    }

    double abandonRate() {
        int offered = answered + abandoned;
        return offered == 0 ? Double.NaN : (double) abandoned / offered;
    }

    Duration averageSpeedOfAnswer() {
        return answered == 0 ? Duration.ZERO : Duration.ofMillis(answeredWaitMillis / answered);
    }

    int answered() {
        return answered;
    }

    int abandoned() {
        return abandoned;
    }

    private void add(Outcome outcome) {
        outcomes.addLast(outcome);
        count(outcome, 1);
    }

    private void count(Outcome outcome, int sign) {
        if (outcome.answered()) {
            answered += sign;
            answeredWaitMillis += sign * outcome.waitMillis();
            if (outcome.withinTarget()) {
                answeredWithinTarget += sign;
            }
        } else {
            abandoned += sign;
        }
    }
}
