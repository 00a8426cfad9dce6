package io.cti.core.bus;

import io.cti.core.messages.DomainMessage;

/**
 * What a subscription does with each message. Returning normally acknowledges the message; throwing (an
 * exception, or an error other than a {@link VirtualMachineError}) leaves it pending so it is retried, and
 * dead-lettered after too many attempts. Calls for one subscription come from one thread, one at a time; an
 * implementation shared by several subscriptions must be thread-safe. A handler must finish well within the
 * bus's claim timeout, or another consumer takes its message over and handles it as well.
 */
@FunctionalInterface
public interface MessageHandler {

    void handle(DomainMessage message) throws Exception;

    /**
     * Called after a batch of messages was handled and before their acknowledgements go out. A handler that
     * publishes without waiting ({@link MessageBus#publishAllAsync}) waits here until what it published is on its
     * streams, and throws if any of it is not: then none of the messages it handled since the last call is
     * acknowledged (entries skipped without handling still are), and each is delivered again once its claim timeout
     * passes, as if its handling had failed. So a message is never acknowledged before what its handling published
     * is written, yet a batch waits for Redis once, not once per message. Does nothing by default.
     */
    default void settle() throws Exception {
    }
}
