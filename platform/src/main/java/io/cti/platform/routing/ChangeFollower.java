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
 * at the next tick. A failure (an exception or an error short of the JVM's own) does not end the schedule; it is
 * logged with its stack once per kind until a run succeeds again, as a Redis that is gone would otherwise be logged
 * every few milliseconds (the tick, which fails too, says so every second). Thread-safe.
 */
final class ChangeFollower implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChangeFollower.class);
    /** Shorter would have the follower read the feed back to back, a core's worth of round trips for nothing. */
    static final Duration SHORTEST = Duration.ofMillis(1);

    private final ScheduledExecutorService executor;
    private final Duration delay;
    /** The kind of the last failure, until a run succeeds again; the executor's thread only. */
    private Class<?> failing;

    private ChangeFollower(Duration delay) {
        this.delay = delay;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "acd-router-follower");
            thread.setDaemon(true);
            return thread;
        });
    }

    static ChangeFollower start(Runnable follow, Duration delay) {
        if (delay.compareTo(SHORTEST) < 0) {
            throw new IllegalArgumentException("the change feed is followed at least " + SHORTEST
                    + " after each read: " + delay);
        }
        ChangeFollower follower = new ChangeFollower(delay);
        long nanos = delay.toNanos();
        follower.executor.scheduleWithFixedDelay(() -> follower.run(follow), nanos, nanos, TimeUnit.NANOSECONDS);
        return follower;
    }

    private void run(Runnable follow) {
        try {
            follow.run();
            if (failing != null) {
                failing = null;
                log.info("following the change feed again");
            }
        } catch (VirtualMachineError e) {
            throw e;
        } catch (RuntimeException | Error e) {
            // An Error escaping would end the schedule without a word; logged once per kind until a run works.
            if (e.getClass() != failing) {
                failing = e.getClass();
                log.warn("following the change feed failed; retrying every {} (logged again when it works or fails"
                        + " otherwise)", delay, e);
            }
        }
    }

    /** Stops following; a run under way finishes first (interrupted, its Redis command would fail half-done). */
    @Override
    public void close() {
        RouterTicker.finish(executor, "following the change feed");
    }
}
