package io.cti.router.reservations;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link Reservations#reapExpired()} every interval on a thread of its own, so what a dead router left
 * reserved is routable again at most one interval after its deadline. Every router may run one; the script is
 * atomic, so two reapers never return the same reservation twice. Thread-safe; close to stop.
 */
public final class ReservationReaper implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReservationReaper.class);

    private final ScheduledExecutorService timer;

    private ReservationReaper(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** Starts reaping every {@code interval}; keep it well under the reservation timeout. */
    public static ReservationReaper start(Reservations reservations, Duration interval) {
        Objects.requireNonNull(reservations, "reservations");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the reaper's interval must be positive: " + interval);
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "reservation-reaper");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(() -> reapQuietly(reservations), interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return new ReservationReaper(timer);
    }

    private static void reapQuietly(Reservations reservations) {
        try {
            int reaped = reservations.reapExpired();
            if (reaped > 0) {
                LOG.info("returned {} expired reservation(s): their calls are waiting again", reaped);
            }
        } catch (RuntimeException e) {
            // A failed run must not end the schedule; the next run retries, and nothing is lost meanwhile.
            LOG.warn("reaping expired reservations failed; retrying next interval", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
