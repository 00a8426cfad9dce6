package io.cti.core.messages;

import io.cti.core.ids.CustomerId;

import java.time.Instant;
import java.util.Objects;

/** A customer's record changed: profile, purchases, service requests or derived figures ({@code what} says which). */
public record CustomerChanged(MessageId id, Instant occurredAt, CustomerId customerId, String what)
        implements DomainEvent {

    public CustomerChanged {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(what, "what");
    }

    public static CustomerChanged now(CustomerId customerId, String what) {
        return new CustomerChanged(MessageId.random(), Instant.now(), customerId, what);
    }
}
