package io.cti.platform.console;

import io.cti.console.push.QueueDay;
import io.cti.console.push.QueueDaySource;
import io.cti.router.queues.QueueRepository;
import io.cti.router.stats.DaySlot;
import io.cti.router.stats.QueueStatistics;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The wallboard's day charts from the router's own counts in Redis (the same counts the wallboard's "today"
 * figures come from, kept per quarter hour of the center's day in {@code cti.router.time-zone}), for every queue
 * that is not retired. Thread-safe (its parts are).
 */
final class RouterQueueDay implements QueueDaySource {

    private final QueueStatistics statistics;
    private final QueueRepository queues;
    private final ZoneId zone;

    RouterQueueDay(QueueStatistics statistics, QueueRepository queues, ZoneId zone) {
        this.statistics = statistics;
        this.queues = queues;
        this.zone = zone;
    }

    @Override
    public QueueDay dayOf(Instant now) {
        List<QueueDay.Queue> days = queues.list(false).stream()
                .map(stored -> stored.definition().name())
                .sorted((a, b) -> a.value().compareTo(b.value()))
                .map(name -> new QueueDay.Queue(name.value(),
                        statistics.today(name, now).stream().map(RouterQueueDay::slot).toList()))
                .toList();
        return new QueueDay(statistics.dayOf(now), zone.getId(), (int) QueueStatistics.SLOT.toMinutes(), days);
    }

    private static QueueDay.Slot slot(DaySlot slot) {
        return new QueueDay.Slot(slot.start(), slot.offered(), slot.answered(), slot.abandoned(),
                Double.isNaN(slot.serviceLevel()) ? null : slot.serviceLevel());
    }
}
