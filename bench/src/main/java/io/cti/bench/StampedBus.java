package io.cti.bench;

import io.cti.core.bus.MessageBus;
import io.cti.core.bus.MessageHandler;
import io.cti.core.bus.PublishResult;
import io.cti.core.bus.RunningSubscription;
import io.cti.core.bus.Subscription;
import io.cti.core.messages.DomainMessage;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.ObjLongConsumer;

/**
 * A bus that tells, for every message Redis acknowledged, the {@link System#nanoTime()} of the acknowledgement: the
 * moment the message has left the process and sits on its stream, where a benchmark's clock stops. Closing it
 * closes the bus it wraps. Thread-safe if the listener is.
 */
final class StampedBus implements MessageBus {

    private final MessageBus delegate;
    private final ObjLongConsumer<DomainMessage> acknowledged;
    /** Time spent in publish and publishAll, for a benchmark to tell the bus's share of a handling. */
    private final java.util.concurrent.atomic.LongAdder publishing = new java.util.concurrent.atomic.LongAdder();

    StampedBus(MessageBus delegate, ObjLongConsumer<DomainMessage> acknowledged) {
        this.delegate = delegate;
        this.acknowledged = acknowledged;
    }

    @Override
    public String publish(DomainMessage message) {
        long started = System.nanoTime();
        String id = delegate.publish(message);
        long nanos = System.nanoTime();
        publishing.add(nanos - started);
        acknowledged.accept(message, nanos);
        return id;
    }

    /** A batch is one pipelined round trip: every message in it was acknowledged by its end. */
    @Override
    public List<PublishResult> publishAll(List<? extends DomainMessage> messages) {
        long started = System.nanoTime();
        List<PublishResult> results = delegate.publishAll(messages);
        long nanos = System.nanoTime();
        publishing.add(nanos - started);
        for (PublishResult result : results) {
            if (result.ok()) {
                acknowledged.accept(result.message(), nanos);
            }
        }
        return results;
    }

    /** Stamped when the last answer of the batch came (on the thread that completes it). */
    @Override
    public CompletableFuture<List<PublishResult>> publishAllAsync(List<? extends DomainMessage> messages) {
        long started = System.nanoTime();
        CompletableFuture<List<PublishResult>> answer = delegate.publishAllAsync(messages).thenApply(results -> {
            long nanos = System.nanoTime();
            for (PublishResult result : results) {
                if (result.ok()) {
                    acknowledged.accept(result.message(), nanos);
                }
            }
            return results;
        });
        publishing.add(System.nanoTime() - started);
        return answer;
    }

    /** Nanoseconds spent publishing so far (for a batch not waited for: handing it over). */
    long publishingNanos() {
        return publishing.sum();
    }

    @Override
    public RunningSubscription subscribe(Subscription subscription, MessageHandler handler) {
        return delegate.subscribe(subscription, handler);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
