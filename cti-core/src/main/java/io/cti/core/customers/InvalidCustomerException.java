package io.cti.core.customers;

import io.cti.core.CoreException;

import java.util.List;
import java.util.stream.Collectors;

/** Customer input was refused; lists every field error at once so a form can show them all. Immutable. */
public final class InvalidCustomerException extends CoreException {

    private final transient List<FieldError> errors;

    InvalidCustomerException(List<FieldError> errors) {
        super("invalid-customer", "invalid customer: " + errors.stream()
                .map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")), null);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
