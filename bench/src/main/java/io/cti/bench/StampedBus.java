package io.cti.bench;

import io.cti.core.bus.MessageBus;
import io.cti.core.bus.MessageHandler;
import io.cti.core.bus.PublishResult;
import io.cti.core.bus.RunningSubscription;
import io.cti.core.bus.Subscription;
import io.cti.core.messages.DomainMessage;

import java.util.List;
import java.util.function.ObjLongConsumer;

/**
 * A bus that tells, for every message Redis acknowledged, the {@link System#nanoTime()} of the acknowledgement: the
 * moment the message has left the process and sits on its stream, where a benchmark's clock stops. Closing it
 * closes the bus it wraps. Thread-safe if the listener is.
 */
final class StampedBus implements MessageBus {

    private final MessageBus delegate;
    private final ObjLongConsumer<DomainMessage> acknowledged;

    StampedBus(MessageBus delegate, ObjLongConsumer<DomainMessage> acknowledged) {
        this.delegate = delegate;
        this.acknowledged = acknowledged;
    }

    @Override
    public String publish(DomainMessage message) {
        String id = delegate.publish(message);
        acknowledged.accept(message, System.nanoTime());
        return id;
    }

    /** A batch is one pipelined round trip: every message in it was acknowledged by its end. */
    @Override
    public List<PublishResult> publishAll(List<? extends DomainMessage> messages) {
        List<PublishResult> results = delegate.publishAll(messages);
        long nanos = System.nanoTime();
        for (PublishResult result : results) {
            if (result.ok()) {
                acknowledged.accept(result.message(), nanos);
            }
        }
        return results;
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
