package io.cti.console.push;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The day so far of every queue, in slots of the center's day: what the wallboard's volume and service-level
 * charts draw on load. Immutable.
 *
 * @param day    the center's calendar day
 * @param zone   the center's time zone id, such as {@code Asia/Shanghai}
 * @param slotMinutes the span of one slot in minutes (15)
 * @param queues the queues, each with every slot from local midnight to now
 */
public record QueueDay(LocalDate day, String zone, int slotMinutes, List<Queue> queues) {

    public QueueDay {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(zone, "zone");
        queues = List.copyOf(queues);
    }

    /** One queue's slots, earliest first. */
    public record Queue(String queue, List<Slot> slots) {

        public Queue {
            Objects.requireNonNull(queue, "queue");
            slots = List.copyOf(slots);
        }
    }

    /**
     * One slot: calls whose wait ended in it (offered: answered, abandoned and short abandons), answered, abandoned
     * (after the short-abandon threshold), and the service level, null while nothing counted towards it.
     *
     * @param start when the slot began, an ISO instant
     */
    public record Slot(Instant start, long offered, long answered, long abandoned, Double serviceLevel) {
    }
}
