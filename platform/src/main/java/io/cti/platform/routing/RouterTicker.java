package io.cti.platform.routing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the router's tick on a thread of its own at a fixed rate, never two at once, and lets a tick under way finish
 * when closed. Thread-safe.
 *
 * <p>A fixed rate, not a fixed delay after each tick: the queues' figures go out at least once a tick even when a
 * tick takes most of one (at 1,000 decisions a second it takes 0.7-0.8 s, mostly letting messages go first), which a
 * delay would stretch to 1.8 s. A tick that overruns is followed at once. A failed tick is logged and the next one
 * runs as planned.
 */
final class RouterTicker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RouterTicker.class);
    /** How long closing waits for a tick under way before interrupting it. */
    static final Duration FINISHING = Duration.ofSeconds(10);

    private final ScheduledExecutorService executor;

    private RouterTicker(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    static RouterTicker start(Runnable tick, Duration period) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "acd-router-tick");
            thread.setDaemon(true);
            return thread;
        });
        long millis = period.toMillis();
        executor.scheduleAtFixedRate(() -> run(tick), millis, millis, TimeUnit.MILLISECONDS);
        return new RouterTicker(executor);
    }

    private static void run(Runnable tick) {
        try {
            tick.run();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (RuntimeException | Error e) {
            // A failed tick must not end the schedule (an Error escaping would, without a word); the next one retries
            // and events keep flowing meanwhile.
            log.warn("router tick failed; retrying next tick: {}", e.toString());
        }
    }

    /** Stops ticking; a tick under way finishes first (interrupted, its Redis command would fail half-done). */
    @Override
    public void close() {
        finish(executor, "the router's tick");
    }

    /**
     * Shuts {@code executor} down, letting the run under way finish for {@link #FINISHING} before interrupting it;
     * {@code what} names the work in the warning.
     */
    static void finish(ScheduledExecutorService executor, String what) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(FINISHING.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("{} did not finish within {} s of stopping; interrupting it", what, FINISHING.toSeconds());
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
    }
}
