package io.cti.router.routing;

import java.time.Instant;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Routes waiting calls to Ready agents: a full round over a snapshot ({@link #route}), or a {@link RoutingBoard}
 * loaded from a snapshot for incremental decisions as single agents become Ready and single calls arrive. Pure apart
 * from the injected random generator (used by the RANDOM strategy only): no clock, no I/O. Thread-safe if the
 * generator is; each board it makes is confined to one thread.
 */
public final class Router {

    private final RandomGenerator random;

    /** @param random draws for the RANDOM strategy; pass a seeded {@code java.util.Random} for repeatable choices */
    public Router(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * One full routing round at {@code now}: calls most urgent first across all queues, each to an agent its
     * queue's strategy picks among the free Ready agents with the skills, sticky agents first; never an agent twice
     * nor a call twice; every other call with the reason it waits.
     */
    public RoundResult route(RoutingSnapshot snapshot, Instant now) {
        return board(snapshot, now).round(now);
    }

    /** A board holding the snapshot; its first entry point makes the decisions the snapshot allows. */
    public RoutingBoard board(RoutingSnapshot snapshot, Instant now) {
        return new RoutingBoard(snapshot, random, now);
    }
}
