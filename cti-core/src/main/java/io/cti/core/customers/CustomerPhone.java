package io.cti.core.customers;

import io.cti.core.phone.PhoneNumber;

import java.util.Objects;

/** One of a customer's phone numbers, normalized to E.164. Immutable. */
public record CustomerPhone(PhoneNumber number, PhoneLabel label, boolean primary) {

    public CustomerPhone {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(label, "label");
    }
}
