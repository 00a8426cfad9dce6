package io.cti.core.customers;

import java.time.Instant;
import java.util.Objects;

/** A contact planned in the customer's care plan (a follow-up call, a renewal reminder). Immutable. */
public record CarePlanContact(long id, Instant plannedAt, String purpose, Channel channel, String ownerAgent,
                              Instant doneAt) {

    public CarePlanContact {
        Objects.requireNonNull(plannedAt, "plannedAt");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(channel, "channel");
    }
}
