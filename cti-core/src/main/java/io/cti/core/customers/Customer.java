package io.cti.core.customers;

import io.cti.core.ids.CustomerId;

import java.time.Instant;
import java.util.Objects;

/** A stored customer: identity, static data, and the version used to refuse lost updates. Immutable. */
public record Customer(CustomerId id, CustomerProfile profile, Instant createdAt, Instant updatedAt, int version) {

    public Customer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(profile, "profile");
    }
}
