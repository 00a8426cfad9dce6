package io.cti.bridge.events;

import io.cti.core.bus.MessageBus;
import io.cti.core.messages.DomainEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Hands translated domain events to the bus on a thread of its own, so that a slow bus never blocks the
 * translator (and through it asterisk-java's dispatch thread, which drops events when its queue is full). Takes
 * events without ever blocking; if its own bounded queue is full the event is dropped, counted in
 * {@code cti.bridge.events.dropped} and logged. Thread-safe.
 */
public final class DomainEventPublisher implements Consumer<DomainEvent>, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DomainEventPublisher.class);

    private final MessageBus bus;
    private final BlockingQueue<DomainEvent> queue;
    private final Counter published;
    private final Counter dropped;
    private final Counter failed;
    private final Thread thread;
    private volatile boolean running = true;

    public DomainEventPublisher(MessageBus bus, int capacity, MeterRegistry registry) {
        this.bus = bus;
        this.queue = new ArrayBlockingQueue<>(capacity);
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
        while (running || !queue.isEmpty()) {
            DomainEvent event;
            try {
                event = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (event != null) {
                publish(event);
            }
        }
    }

    private void publish(DomainEvent event) {
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
