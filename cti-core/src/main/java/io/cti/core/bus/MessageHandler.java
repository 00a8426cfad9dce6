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
}
