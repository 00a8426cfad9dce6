package io.cti.platform.bridge;

import io.cti.bridge.connection.AmiLinkState;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Remembers since when the AMI link has been in its current state, for the health details. The bridge reports
 * only its state, so the watch samples it (on its own daemon thread while started, and on every health check):
 * a change is dated within one sampling period. Thread-safe.
 */
final class LinkWatch implements AutoCloseable {

    /** A state and the moment it was first seen. */
    record Observation(AmiLinkState state, Instant since) {
    }

    private final Supplier<AmiLinkState> source;
    private final Clock clock;
    private Observation current;
    private ScheduledExecutorService sampler;

    LinkWatch(Supplier<AmiLinkState> source, Clock clock) {
        this.source = source;
        this.clock = clock;
        this.current = new Observation(source.get(), clock.instant());
    }

    /** The state now, and since when it has held. */
    synchronized Observation observe() {
        AmiLinkState state = source.get();
        if (state != current.state()) {
            current = new Observation(state, clock.instant());
        }
        return current;
    }

    /** Samples every {@code period} until closed; idempotent. */
    synchronized void start(Duration period) {
        if (sampler != null) {
            return;
        }
        sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "cti-ami-link-watch");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleWithFixedDelay(this::observe, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        if (sampler != null) {
            sampler.shutdownNow();
            sampler = null;
        }
    }
}
