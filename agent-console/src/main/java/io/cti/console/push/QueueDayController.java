package io.cti.console.push;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;

/**
 * {@code GET /api/queues/stats/day} (SUPERVISOR or ADMIN, by the console's URL rules): every queue's day so far in
 * 15-minute slots, for the wallboard's charts to draw on load; the pushed queue figures keep them live after that. Without a
 * {@link QueueDaySource} (no router figures in this process) the day comes back with no queues. Thread-safe.
 */
@RestController
class QueueDayController {

    private final ObjectProvider<QueueDaySource> source;
    private final Clock clock;

    QueueDayController(ObjectProvider<QueueDaySource> source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    @GetMapping(path = "/api/queues/stats/day", produces = MediaType.APPLICATION_JSON_VALUE)
    QueueDay today() {
        QueueDaySource days = source.getIfAvailable();
        if (days == null) {
            return new QueueDay(clock.instant().atZone(clock.getZone()).toLocalDate(), clock.getZone().getId(),
                    15, List.of());
        }
        return days.dayOf(clock.instant());
    }
}
