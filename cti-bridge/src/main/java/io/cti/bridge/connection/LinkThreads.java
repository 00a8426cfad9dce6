package io.cti.bridge.connection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Starts and stops the link's own threads: named daemon threads, and a bounded wait for them to stop on close.
 * Stateless; thread-safe.
 */
final class LinkThreads {

    /** The link's logger, as before this class was split from it, so log settings keep applying. */
    private static final Logger log = LoggerFactory.getLogger(AmiLink.class);

    private LinkThreads() {
    }

    static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Waits up to 5 s for an executor that was shut down; warns if it did not stop. */
    static void awaitQuietly(ExecutorService executor) {
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("an AMI link thread did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
