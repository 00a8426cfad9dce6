package io.cti.core.ids;

/** Identity of a customer record in the customer database. Immutable. */
public record CustomerId(long value) {

    public CustomerId {
        if (value <= 0) {
            throw new IllegalArgumentException("customer id must be positive: " + value);
        }
    }

    public static CustomerId of(long value) {
        return new CustomerId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
