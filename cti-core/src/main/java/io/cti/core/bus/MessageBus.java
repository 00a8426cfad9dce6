package io.cti.core.bus;

import io.cti.core.messages.DomainMessage;

/**
 * Carries domain messages between modules: events to every subscribed group, commands to the owning group;
 * delivery is at-least-once per group, with handlers made effectively-once by message id. Thread-safe.
 */
public interface MessageBus extends AutoCloseable {

    /**
     * Appends the message to its stream (events or commands, by its kind) and returns the stream entry id.
     *
     * @throws io.cti.core.CoreException with error id {@code bus-failure} when Redis cannot take it
     * @throws IllegalStateException once the bus is closed
     */
    String publish(DomainMessage message);

    /**
     * Creates the subscription's consumer groups if missing and starts handling messages on a thread of its
     * own; returns once the groups exist, so anything published afterwards reaches the subscription.
     *
     * @throws io.cti.core.CoreException with error id {@code bus-failure} when Redis cannot be reached
     * @throws IllegalStateException once the bus is closed
     */
    RunningSubscription subscribe(Subscription subscription, MessageHandler handler);

    /** Closes every running subscription, then the connections. Idempotent. */
    @Override
    void close();
}
