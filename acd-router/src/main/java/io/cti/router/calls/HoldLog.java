package io.cti.router.calls;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The holds of one call as their events told them, in any order and any number of times: the call is on hold
 * while at least one of its channels is held, and its hold time is the sum over all those stretches, a hold still
 * open at the end counting up to the end. Because the sum is taken from the whole log, not added up event by
 * event, a redelivered event or events handled out of order by two routers give the same total. Immutable.
 */
record HoldLog(List<Entry> entries) {

    /** One CallHeld ({@code held}) or CallResumed of one channel. */
    record Entry(Instant at, String channel, boolean held) {
    }

    /** Same moment: the hold first, so that a hold and its resume in one millisecond count as nothing held. */
    private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::at)
            .thenComparing(entry -> !entry.held());

    HoldLog {
        entries = List.copyOf(entries);
    }

    /** Whether, after every hold and resume logged, a channel of the call is still held. */
    boolean held() {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(ORDER);
        Set<String> held = new HashSet<>();
        for (Entry entry : sorted) {
            if (entry.held()) {
                held.add(entry.channel());
            } else {
                held.remove(entry.channel());
            }
        }
        return !held.isEmpty();
    }

    /** The time the call spent on hold until {@code end}; what happened after {@code end} does not count. */
    Duration total(Instant end) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(ORDER);
        Set<String> held = new HashSet<>();
        Instant since = null;
        Duration total = Duration.ZERO;
        for (Entry entry : sorted) {
            if (entry.at().isAfter(end)) {
                break;
            }
            if (entry.held()) {
                if (held.isEmpty()) {
                    since = entry.at();
                }
                held.add(entry.channel());
            } else if (held.remove(entry.channel()) && held.isEmpty()) {
                total = total.plus(Duration.between(since, entry.at()));
            }
        }
        if (!held.isEmpty()) {
            total = total.plus(Duration.between(since, end));
        }
        return total;
    }
}
