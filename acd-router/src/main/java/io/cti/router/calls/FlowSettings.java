package io.cti.router.calls;

import io.cti.router.routing.PrioritySettings;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The settings of the call flow. Immutable.
 *
 * @param priority           points per grade, VIP bonus, aging, redirects
 * @param reservationTimeout how long a reservation may wait for the agent's phone to ring before it is given up
 * @param ringMargin         added to the queue's ring timeout while the phone rings, before the reservation is reaped
 * @param headsPerQueue      how many of each queue's first calls one routing round looks at
 * @param zone               the call center's time zone: "today" (queue and agent figures, calls handled, contacts
 *                           today on the screen-pop) starts at midnight there
 * @param definitionsMaxAge  how long queue and agent definitions are cached
 */
public record FlowSettings(PrioritySettings priority, Duration reservationTimeout, Duration ringMargin,
                           int headsPerQueue, ZoneId zone, Duration definitionsMaxAge) {

    public FlowSettings {
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(reservationTimeout, "reservationTimeout");
        Objects.requireNonNull(ringMargin, "ringMargin");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(definitionsMaxAge, "definitionsMaxAge");
        if (headsPerQueue < 1) {
            throw new IllegalArgumentException("a routing round must look at one call per queue at least: " + headsPerQueue);
        }
    }

    /**
     * Default priorities, 10 s to ring, 15 s margin, 200 calls per queue per round, the system's time zone, 5 s
     * cache.
     */
    public static FlowSettings defaults() {
        return new FlowSettings(PrioritySettings.defaults(), Duration.ofSeconds(10), Duration.ofSeconds(15), 200,
                ZoneId.systemDefault(), Duration.ofSeconds(5));
    }

    public FlowSettings withPriority(PrioritySettings value) {
        return new FlowSettings(value, reservationTimeout, ringMargin, headsPerQueue, zone, definitionsMaxAge);
    }

    public FlowSettings withReservationTimeout(Duration value) {
        return new FlowSettings(priority, value, ringMargin, headsPerQueue, zone, definitionsMaxAge);
    }

    public FlowSettings withZone(ZoneId value) {
        return new FlowSettings(priority, reservationTimeout, ringMargin, headsPerQueue, value, definitionsMaxAge);
    }

    public FlowSettings withDefinitionsMaxAge(Duration value) {
        return new FlowSettings(priority, reservationTimeout, ringMargin, headsPerQueue, zone, value);
    }
}
