package io.cti.core.customers;

/** One thing wrong with one field of an input, e.g. {@code phones[1].number: not a phone number}. Immutable. */
public record FieldError(String field, String code, String message) {
}
