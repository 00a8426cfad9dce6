package io.cti.router.stats;

import io.cti.core.ids.CallId;
import io.cti.core.ids.QueueName;
import io.cti.router.queues.ServiceLevelTarget;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps one queue's real-time figures from the facts of its calls (queued, answered, abandoned, completed), the
 * way a wallboard needs them: calls waiting and the longest wait, service level over the rolling 15 minutes and
 * today, ASA, AHT and the abandon rate without short abandons. "Today" starts at midnight in the center's zone.
 * A fact about an unknown call (a duplicate, or one from before a restart) is ignored rather than counted twice.
 * Not thread-safe: one owner feeds it (the router's event loop) and publishes its snapshots.
 */
public final class QueueStatistics {

    static final Duration ROLLING = Duration.ofMinutes(15);

    private final QueueName queue;
    private final ServiceLevelTarget target;
    private final Duration shortAbandon;
    private final ZoneId zone;
    private final Map<CallId, Instant> waiting = new LinkedHashMap<>();
    private final CallOutcomes rolling = new CallOutcomes(ROLLING);
    private final CallOutcomes today = new CallOutcomes(null);
    private LocalDate day;
    private int shortAbandonsToday;
    private int completedToday;
    private long handleMillisToday;

    public QueueStatistics(QueueName queue, ServiceLevelTarget target, Duration shortAbandon, ZoneId zone) {
        this.queue = queue;
        this.target = target;
        this.shortAbandon = shortAbandon;
        this.zone = zone;
    }

    /** A call started waiting at {@code since}; a repeat of the same call keeps its first time. */
    public void queued(CallId call, Instant since) {
        rollOver(since);
        waiting.putIfAbsent(call, since);
    }

    /** An agent answered the call at {@code at}. */
    public void answered(CallId call, Instant at) {
        rollOver(at);
        Instant since = waiting.remove(call);
        if (since == null) {
            return;
        }
        Duration waited = Duration.between(since, at);
        boolean within = target.met(waited);
        rolling.answered(at, waited, within);
        today.answered(at, waited, within);
    }

    /** The caller hung up while waiting. */
    public void abandoned(CallId call, Instant at) {
        rollOver(at);
        Instant since = waiting.remove(call);
        if (since == null) {
            return;
        }
        if (Duration.between(since, at).compareTo(shortAbandon) < 0) {
            shortAbandonsToday++;
            return;
        }
        rolling.abandoned(at);
        today.abandoned(at);
    }

    /** The call left this queue without an outcome here (overflow moved it, or it was transferred). */
    public void left(CallId call, Instant at) {
        rollOver(at);
        waiting.remove(call);
    }

    /** The agent finished the call's wrap-up at {@code at}: {@code handled} is talk + hold + wrap-up. */
    public void completed(Instant at, Duration handled) {
        rollOver(at);
        completedToday++;
        handleMillisToday += handled.toMillis();
    }

    public QueueFigures snapshot(Instant now) {
        rollOver(now);
        rolling.slideTo(now);
        // min, not the first entry: a call moved here by overflow keeps the earlier time it started waiting
        Duration longest = waiting.values().stream().min(Instant::compareTo)
                .map(oldest -> Duration.between(oldest, now)).filter(d -> !d.isNegative()).orElse(Duration.ZERO);
        Duration aht = completedToday == 0 ? Duration.ZERO : Duration.ofMillis(handleMillisToday / completedToday);
        return new QueueFigures(queue, now, waiting.size(), longest, rolling.serviceLevel(), today.serviceLevel(),
                today.averageSpeedOfAnswer(), aht, today.abandonRate(), today.answered(), today.abandoned(),
                shortAbandonsToday);
    }

    // The waiting calls stay across midnight; only the day's counts restart.
    private void rollOver(Instant at) {
        LocalDate date = at.atZone(zone).toLocalDate();
        if (date.equals(day)) {
            return;
        }
        if (day == null || date.isAfter(day)) {
            day = date;
            today.clear();
            shortAbandonsToday = 0;
            completedToday = 0;
            handleMillisToday = 0;
        }
    }
}
