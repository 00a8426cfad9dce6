package io.cti.bridge.events;

import io.cti.core.bus.MessageBus;
import io.cti.core.bus.PublishResult;
import io.cti.core.messages.DomainEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Hands translated domain events to the bus on a thread of its own, so that a slow bus never blocks the
 * translator (and through it asterisk-java's dispatch thread, which drops events when its queue is full). Takes
 * events without ever blocking; if its own bounded queue is full the event is dropped, counted in
 * {@code cti.bridge.events.dropped} and logged. Each round it takes whatever is queued, up to
 * {@link #DEFAULT_BATCH} events, and publishes them with one {@link MessageBus#publishAll} (one pipelined round
 * trip on the Redis bus) instead of one round trip per event; order is kept. Thread-safe.
 */
public final class DomainEventPublisher implements Consumer<DomainEvent>, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DomainEventPublisher.class);

    /** Most events published in one round trip. */
    public static final int DEFAULT_BATCH = 256;

    private final MessageBus bus;
    private final BlockingQueue<DomainEvent> queue;
    private final int batchSize;
    private final Counter published;
    private final Counter dropped;
    private final Counter failed;
    private final Thread thread;
    private volatile boolean running = true;

    public DomainEventPublisher(MessageBus bus, int capacity, MeterRegistry registry) {
        this(bus, capacity, DEFAULT_BATCH, registry);
    }

    /** @param batchSize most events taken from the queue and published together */
    public DomainEventPublisher(MessageBus bus, int capacity, int batchSize, MeterRegistry registry) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1: " + batchSize);
        }
        this.bus = bus;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.batchSize = batchSize;
        this.published = registry.counter("cti.bridge.events.published");
        this.dropped = registry.counter("cti.bridge.events.dropped");
        this.failed = registry.counter("cti.bridge.events.failed");
        registry.gauge("cti.bridge.events.queued", queue, BlockingQueue::size);
        this.thread = new Thread(this::run, "cti-bridge-publisher");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    @Override
    public void accept(DomainEvent event) {
        if (!queue.offer(event)) {
            dropped.increment();
            log.error("domain event dropped, the publish queue is full: {}", event);
        }
    }

    private void run() {
        List<DomainEvent> batch = new ArrayList<>(batchSize);
        while (running || !queue.isEmpty()) {
            DomainEvent first;
            try {
                first = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (first == null) {
                continue;
            }
            batch.add(first);
            queue.drainTo(batch, batchSize - 1);
            publish(batch);
            batch.clear();
        }
    }

    private void publish(List<DomainEvent> batch) {
        if (batch.size() == 1) {
            publishOne(batch.get(0));
            return;
        }
        List<PublishResult> results;
        try {
            results = bus.publishAll(batch);
        } catch (RuntimeException e) {
            // The bus retries internally; events it could not take are lost for consumers, so say which.
            failed.increment(batch.size());
            log.error("could not publish {} events ({} ... {}): {}", batch.size(), batch.get(0),
                    batch.get(batch.size() - 1), e.toString());
            return;
        }
        int ok = 0;
        for (PublishResult result : results) {
            if (result.ok()) {
                ok++;
            } else {
                failed.increment();
                log.error("could not publish {}: {}", result.message(), result.failure().toString());
            }
        }
        published.increment(ok);
    }

    private void publishOne(DomainEvent event) {
        try {
            bus.publish(event);
            published.increment();
        } catch (RuntimeException e) {
            // The bus retries internally; an event it could not take is lost for consumers, so say which.
            failed.increment();
            log.error("could not publish {}: {}", event, e.toString());
        }
    }

    /** Publishes what is queued (for at most 5 s), then stops. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
