package io.cti.console.customers;

import io.cti.core.customers.CustomerDraft;
import io.cti.core.customers.FieldError;

import java.util.List;

/**
 * The 404 body of a phone search that found nobody: the usual error fields plus {@code newCustomer}, a draft
 * prefilled with the normalized number that the console turns into a "new potential customer" card. Immutable.
 */
record UnknownCaller(String error, String message, List<FieldError> fieldErrors, CustomerDraft newCustomer) {

    UnknownCaller {
        fieldErrors = List.copyOf(fieldErrors);
    }
}
