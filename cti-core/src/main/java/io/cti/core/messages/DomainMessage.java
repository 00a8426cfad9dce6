package io.cti.core.messages;

import java.time.Instant;

/**
 * Anything that travels on the bus between modules: an event (something that happened) or a command
 * (something a module is asked to do). Every message carries its own id and the time it was raised.
 * Implementations are immutable records.
 */
public sealed interface DomainMessage permits DomainEvent, Command {

    MessageId id();

    Instant occurredAt();
}
