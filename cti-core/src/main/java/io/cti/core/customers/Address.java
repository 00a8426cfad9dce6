package io.cti.core.customers;

/** A postal address; every part is optional. Immutable. */
public record Address(String line, String city, String region, String postalCode, String country) {

    public static final Address NONE = new Address(null, null, null, null, null);
}
