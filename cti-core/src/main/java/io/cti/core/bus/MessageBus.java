package io.cti.core.bus;

import io.cti.core.messages.DomainMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

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
     * Publishes every message, in the order given, with the same per-message semantics as {@link #publish}
     * (same streams, ids and encoding); one message failing does not stop the others, and each failure is
     * reported in its {@link PublishResult} instead of being thrown. Messages bound for the same stream are
     * appended in list order. An implementation may send them all in one round trip (the Redis bus pipelines
     * them); this default simply calls {@link #publish} for each.
     *
     * @return one result per message, in the order of {@code messages}
     * @throws IllegalStateException once the bus is closed (nothing is published)
     */
    default List<PublishResult> publishAll(List<? extends DomainMessage> messages) {
        List<PublishResult> results = new ArrayList<>(messages.size());
        for (DomainMessage message : messages) {
            try {
                results.add(PublishResult.appended(message, publish(message)));
            } catch (IllegalStateException e) {
                if (results.isEmpty()) {
                    throw e;
                }
                // Closed part-way: what was published stays reported, the rest fails.
                results.add(PublishResult.failed(message, e));
            } catch (RuntimeException e) {
                results.add(PublishResult.failed(message, e));
            }
        }
        return results;
    }

    /**
     * {@link #publishAll} without waiting for the answers: the messages are on their way, in order, when this
     * returns, and the future completes with one result per message once Redis answered them all (or the command
     * timeout passed). Meanwhile the caller may go on and publish more; a later batch is never appended before an
     * earlier one, though a single {@link #publish} meanwhile may be. A message reported as unanswered may still be
     * appended later. This default publishes at once and returns a completed future.
     *
     * @throws IllegalStateException once the bus is closed (nothing is published)
     */
    default CompletableFuture<List<PublishResult>> publishAllAsync(List<? extends DomainMessage> messages) {
        return CompletableFuture.completedFuture(publishAll(messages));
    }

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
