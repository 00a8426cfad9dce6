package io.cti.core.messages;

import io.cti.core.ids.CustomerId;

import java.time.Instant;
import java.util.Objects;

/** A contact with a customer was written to their history. */
public record InteractionRecorded(MessageId id, Instant occurredAt, CustomerId customerId, long interactionId,
                                  String channel, String direction, String outcome) implements DomainEvent {

    public InteractionRecorded {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(direction, "direction");
    }

    public static InteractionRecorded now(CustomerId customerId, long interactionId, String channel,
                                          String direction, String outcome) {
        return new InteractionRecorded(MessageId.random(), Instant.now(), customerId, interactionId,
                channel, direction, outcome);
    }
}
