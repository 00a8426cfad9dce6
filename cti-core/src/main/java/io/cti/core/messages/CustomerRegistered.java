package io.cti.core.messages;

import io.cti.core.ids.CustomerId;

import java.time.Instant;
import java.util.Objects;

/** A new customer record was created (by an agent, an import or the demo loader). */
public record CustomerRegistered(MessageId id, Instant occurredAt, CustomerId customerId, String customerType)
        implements DomainEvent {

    public CustomerRegistered {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(customerType, "customerType");
    }

    public static CustomerRegistered now(CustomerId customerId, String customerType) {
        return new CustomerRegistered(MessageId.random(), Instant.now(), customerId, customerType);
    }
}
