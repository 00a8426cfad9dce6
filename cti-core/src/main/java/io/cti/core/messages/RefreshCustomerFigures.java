package io.cti.core.messages;

import io.cti.core.ids.CustomerId;

import java.time.Instant;
import java.util.Objects;

/** Asks the customer database to bring one customer's derived figures (RFM, value, grade, flags) up to date. */
public record RefreshCustomerFigures(MessageId id, Instant occurredAt, CustomerId customerId) implements Command {

    public RefreshCustomerFigures {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(customerId, "customerId");
    }

    public static RefreshCustomerFigures now(CustomerId customerId) {
        return new RefreshCustomerFigures(MessageId.random(), Instant.now(), customerId);
    }
}
