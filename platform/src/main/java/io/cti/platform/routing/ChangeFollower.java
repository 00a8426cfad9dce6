package io.cti.platform.routing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Follows the routers' change feed between the ticks: runs {@code follow} on a thread of its own, each run a fixed
 * delay after the last one ended, so the router's board learns what the other routers did within moments instead of
 * at the next tick. A failure does not end the schedule; it is logged once until a run succeeds again, as a Redis
 * that is gone would otherwise be logged every few milliseconds (the tick, which fails too, says so every second).
 * Thread-safe.
 */
final class ChangeFollower implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChangeFollower.class);

    private final ScheduledExecutorService executor;
    /** The executor's thread only. */
    private boolean failing;

    private ChangeFollower() {
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "acd-router-follower");
            thread.setDaemon(true);
            return thread;
        });
    }

    static ChangeFollower start(Runnable follow, Duration delay) {
        if (delay.isNegative() || delay.isZero()) {
            throw new IllegalArgumentException("the change feed is followed after a positive delay: " + delay);
        }
        ChangeFollower follower = new ChangeFollower();
        long nanos = delay.toNanos();
        follower.executor.scheduleWithFixedDelay(() -> follower.run(follow), nanos, nanos, TimeUnit.NANOSECONDS);
        return follower;
    }

    private void run(Runnable follow) {
        try {
            follow.run();
            if (failing) {
                failing = false;
                log.info("following the change feed again");
            }
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                log.warn("following the change feed failed; retrying (logged again only after it worked): {}",
                        e.toString());
            }
        }
    }

    /** Stops following; a run under way finishes first (interrupted, its Redis command would fail half-done). */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(RouterTicker.FINISHING.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("following the change feed did not finish within {} s of stopping; interrupting it",
                        RouterTicker.FINISHING.toSeconds());
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
    }
}
