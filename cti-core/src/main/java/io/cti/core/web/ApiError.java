package io.cti.core.web;

import io.cti.core.customers.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

import java.util.List;
import java.util.Locale;

/**
 * The JSON body of every refused request to the platform's REST APIs (customers, queues, agents, reason codes):
 * a stable error id clients can switch on, a message for people, and every field error (empty when the failure is
 * not about fields); immutable, so thread-safe.
 */
public record ApiError(String error, String message, List<FieldError> fieldErrors) {

    public ApiError {
        fieldErrors = List.copyOf(fieldErrors);
    }

    public static ApiError of(String error, String message) {
        return new ApiError(error, message, List.of());
    }

    public static ApiError onField(String error, String field, String code, String message) {
        return new ApiError(error, field + ": " + message, List.of(new FieldError(field, code, message)));
    }

    /** For failures Spring MVC answers itself: the id is the status's name, {@code method-not-allowed} for 405. */
    public static ApiError forStatus(HttpStatusCode status, String message) {
        HttpStatus known = HttpStatus.resolve(status.value());
        String error = known == null ? "http-" + status.value() : known.name().toLowerCase(Locale.ROOT).replace('_', '-');
        return of(error, message);
    }
}
