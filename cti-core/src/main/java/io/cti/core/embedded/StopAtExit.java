package io.cti.core.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Stops an embedded server when the JVM exits without its owner having closed it, but only after a grace period:
 * the JVM runs its shutdown hooks all at once, and a server stopped by its own hook while the application's hook
 * (Spring closing its context) still uses it makes the application's last writes fail (events not published,
 * connections refused). The owner's {@link #closed()} ends the wait. Thread-safe.
 */
final class StopAtExit {

    private static final Logger LOG = LoggerFactory.getLogger(StopAtExit.class);

    /** How long the JVM's exit waits for an owner (Spring closing its context) before stopping a server itself. */
    static final Duration GRACE = Duration.ofSeconds(30);

    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread hook;

    private StopAtExit(String server, Runnable stop, Duration grace) {
        this.hook = new Thread(() -> {
            if (!awaitClosed(grace)) {
                LOG.info("the JVM is exiting and the embedded {} was not closed within {} s: stopping it", server,
                        grace.toSeconds());
                try {
                    stop.run();
                } catch (RuntimeException e) {
                    LOG.warn("stopping the embedded {} at exit failed: {}", server, e.toString());
                }
            }
        }, "stop-at-exit-" + server.toLowerCase(Locale.ROOT));
    }

    /** Registers the hook: at exit, {@code stop} runs unless {@link #closed()} was called within {@code grace}. */
    static StopAtExit register(String server, Runnable stop, Duration grace) {
        StopAtExit guard = new StopAtExit(server, stop, grace);
        Runtime.getRuntime().addShutdownHook(guard.hook);
        return guard;
    }

    /** The owner closed the server: the hook has nothing left to do, and is removed unless the JVM is exiting. */
    void closed() {
        closed.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException exiting) {
            // The hooks are running: ours sees the latch and returns at once.
            LOG.debug("closed while the JVM exits: {}", exiting.getMessage());
        }
    }

    private boolean awaitClosed(Duration grace) {
        try {
            return closed.await(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
