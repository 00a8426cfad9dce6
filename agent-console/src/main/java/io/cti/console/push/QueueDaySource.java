package io.cti.console.push;

import java.time.Instant;

/**
 * Where the wallboard's day charts come from: every queue's day so far, quarter hour by quarter hour of the
 * center's day, as the router counts it. The application supplies it where the router's figures are at hand;
 * without one the charts start from what the pushed figures tell. Implementations are thread-safe.
 */
public interface QueueDaySource {

    /** The day, in the center's zone, that holds {@code now}, from its local midnight up to {@code now}. */
    QueueDay dayOf(Instant now);
}
