package io.cti.router.stats;

import java.time.Instant;

/**
 * One quarter hour of a queue's day, by when each call's wait ended: calls offered (answered, abandoned and short
 * abandons alike), answered, abandoned after the short-abandon threshold, and the service level as the day's is
 * reckoned (answered within target over answered plus abandoned; NaN while nothing of that was offered). Immutable.
 *
 * @param start when the quarter hour began; the day's first starts at the center's local midnight
 */
public record DaySlot(Instant start, long offered, long answered, long abandoned, double serviceLevel) {

    static DaySlot of(Instant start, Tally tally) {
        return new DaySlot(start, tally.answered() + tally.abandoned() + tally.shortAbandoned(), tally.answered(),
                tally.abandoned(), tally.serviceLevel());
    }
}
