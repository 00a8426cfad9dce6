package io.cti.router.calls;

import io.cti.router.routing.PrioritySettings;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The settings of the call flow. Immutable.
 *
 * @param priority            points per grade, VIP bonus, aging, redirects
 * @param reservationTimeout  how long a reservation may wait for the agent's phone to ring before it is given up
 * @param ringMargin          added to the queue's ring timeout while the phone rings, before the reservation is reaped
 * @param headsPerQueue       how many of each queue's first calls the checks for calls long gone look at
 * @param zone                the call center's time zone: "today" (queue and agent figures, calls handled, contacts
 *                            today on the screen-pop) starts at midnight there
 * @param definitionsMaxAge   how long queue and agent definitions are cached
 * @param randomSeed          seeds the draws of the RANDOM strategy, so that its choices can be replayed
 * @param boardResync         how often the dispatcher reads its routing board from Redis in full, besides following
 *                            the change feed (a safety net; it also reads it after a definitions change)
 * @param agentsMaxAge        how often the agents' states used where a second's delay does no harm (queue figures,
 *                            ends of wrap-up, the wallboard) are read in full; in between the change feed, read on
 *                            every tick, keeps them current
 * @param explanationMaxAge   how old the filed reason a call waits may get before the tick files it again
 * @param explanationsPerTick how many waiting calls' reasons one tick files at most
 */
public record FlowSettings(PrioritySettings priority, Duration reservationTimeout, Duration ringMargin,
                           int headsPerQueue, ZoneId zone, Duration definitionsMaxAge, long randomSeed,
                           Duration boardResync, Duration agentsMaxAge, Duration explanationMaxAge,
                           int explanationsPerTick) {

    public FlowSettings {
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(reservationTimeout, "reservationTimeout");
        Objects.requireNonNull(ringMargin, "ringMargin");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(definitionsMaxAge, "definitionsMaxAge");
        if (headsPerQueue < 1) {
            throw new IllegalArgumentException("a routing round must look at one call per queue at least: " + headsPerQueue);
        }
        if (boardResync == null || boardResync.isNegative() || boardResync.isZero()) {
            throw new IllegalArgumentException("the routing board's full reading must come after a positive time: "
                    + boardResync);
        }
        if (agentsMaxAge == null || agentsMaxAge.isNegative()) {
            throw new IllegalArgumentException("the agents' states cannot be a negative time old: " + agentsMaxAge);
        }
        if (explanationMaxAge == null || explanationMaxAge.isNegative()) {
            throw new IllegalArgumentException("a wait's reason cannot be a negative time old: " + explanationMaxAge);
        }
        if (explanationsPerTick < 0) {
            throw new IllegalArgumentException("a tick cannot file a negative number of reasons: " + explanationsPerTick);
        }
    }

    /** The settings of before the routing board (full reading every 5 minutes, the other new parts at defaults). */
    public FlowSettings(PrioritySettings priority, Duration reservationTimeout, Duration ringMargin, int headsPerQueue,
                        ZoneId zone, Duration definitionsMaxAge) {
        this(priority, reservationTimeout, ringMargin, headsPerQueue, zone, definitionsMaxAge, 0L,
                Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofSeconds(10), 200);
    }

    /**
     * Default priorities, 10 s to ring, 15 s margin, 200 calls per queue checked for being long gone, the system's time
     * zone, 5 s
     * cache, random seed 0, routing board and agents' states read in full every 5 minutes (the change feed keeps them
     * current in between), wait reasons filed again after 10 s, 200 per tick.
     */
    public static FlowSettings defaults() {
        return new FlowSettings(PrioritySettings.defaults(), Duration.ofSeconds(10), Duration.ofSeconds(15), 200,
                ZoneId.systemDefault(), Duration.ofSeconds(5));
    }

    public FlowSettings withPriority(PrioritySettings value) {
        return new FlowSettings(value, reservationTimeout, ringMargin, headsPerQueue, zone, definitionsMaxAge,
                randomSeed, boardResync, agentsMaxAge, explanationMaxAge, explanationsPerTick);
    }

    public FlowSettings withReservationTimeout(Duration value) {
        return new FlowSettings(priority, value, ringMargin, headsPerQueue, zone, definitionsMaxAge, randomSeed,
                boardResync, agentsMaxAge, explanationMaxAge, explanationsPerTick);
    }

    public FlowSettings withRingMargin(Duration value) {
        return new FlowSettings(priority, reservationTimeout, value, headsPerQueue, zone, definitionsMaxAge, randomSeed,
                boardResync, agentsMaxAge, explanationMaxAge, explanationsPerTick);
    }

    public FlowSettings withZone(ZoneId value) {
        return new FlowSettings(priority, reservationTimeout, ringMargin, headsPerQueue, value, definitionsMaxAge,
                randomSeed, boardResync, agentsMaxAge, explanationMaxAge, explanationsPerTick);
    }

    public FlowSettings withDefinitionsMaxAge(Duration value) {
        return new FlowSettings(priority, reservationTimeout, ringMargin, headsPerQueue, zone, value, randomSeed,
                boardResync, agentsMaxAge, explanationMaxAge, explanationsPerTick);
    }

    public FlowSettings withRandomSeed(long value) {
        return new FlowSettings(priority, reservationTimeout, ringMargin, headsPerQueue, zone, definitionsMaxAge, value,
                boardResync, agentsMaxAge, explanationMaxAge, explanationsPerTick);
    }

    public FlowSettings withBoardResync(Duration value) {
        return new FlowSettings(priority, reservationTimeout, ringMargin, headsPerQueue, zone, definitionsMaxAge,
                randomSeed, value, agentsMaxAge, explanationMaxAge, explanationsPerTick);
    }

    public FlowSettings withAgentsMaxAge(Duration value) {
        return new FlowSettings(priority, reservationTimeout, ringMargin, headsPerQueue, zone, definitionsMaxAge,
                randomSeed, boardResync, value, explanationMaxAge, explanationsPerTick);
    }

    public FlowSettings withExplanations(Duration maxAge, int perTick) {
        return new FlowSettings(priority, reservationTimeout, ringMargin, headsPerQueue, zone, definitionsMaxAge,
                randomSeed, boardResync, agentsMaxAge, maxAge, perTick);
    }
}
