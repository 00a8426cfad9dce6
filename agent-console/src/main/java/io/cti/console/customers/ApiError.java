package io.cti.console.customers;

import io.cti.console.ConsoleException;
import io.cti.core.CoreException;
import io.cti.core.customers.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

import java.util.List;
import java.util.Locale;

/**
 * The JSON body of every refused customer API request: a stable error id the console can switch on, a message
 * for people, and every field error (empty when the failure is not about fields). Immutable.
 */
record ApiError(String error, String message, List<FieldError> fieldErrors) {

    ApiError {
        fieldErrors = List.copyOf(fieldErrors);
    }

    static ApiError of(String error, String message) {
        return new ApiError(error, message, List.of());
    }

    static ApiError onField(String error, String field, String code, String message) {
        return new ApiError(error, field + ": " + message, List.of(new FieldError(field, code, message)));
    }

    static ApiError of(ConsoleException e) {
        return new ApiError(e.errorId(), e.getMessage(), e.fieldErrors());
    }

    static ApiError of(CoreException e) {
        return of(e.errorId(), e.getMessage());
    }

    /** For failures Spring MVC answers itself: the id is the status's name, {@code method-not-allowed} for 405. */
    static ApiError forStatus(HttpStatusCode status, String message) {
        HttpStatus known = HttpStatus.resolve(status.value());
        String error = known == null ? "http-" + status.value() : known.name().toLowerCase(Locale.ROOT).replace('_', '-');
        return of(error, message);
    }
}
