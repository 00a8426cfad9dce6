package io.cti.router.queues;

import io.cti.core.customers.FieldError;
import io.cti.router.RouterException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Locale;

/**
 * The JSON body of every refused request to the router's definition API (queues, agents, reason codes), the same
 * shape as the customer API's: a stable error id, a message for people, every field error (empty when the
 * failure is not about fields). Immutable.
 */
record ApiError(String error, String message, List<FieldError> fieldErrors) {

    /** For the few places that write a body outside Spring MVC's converters (filter, exception resolver). */
    static final JsonMapper JSON = JsonMapper.builder().build();

    ApiError {
        fieldErrors = List.copyOf(fieldErrors);
    }

    static ApiError of(String error, String message) {
        return new ApiError(error, message, List.of());
    }

    static ApiError onField(String error, String field, String code, String message) {
        return new ApiError(error, field + ": " + message, List.of(new FieldError(field, code, message)));
    }

    static ApiError of(RouterException e) {
        List<FieldError> fields = e instanceof RouterException.InvalidInput invalid ? invalid.fieldErrors() : List.of();
        return new ApiError(e.errorId(), e.getMessage(), fields);
    }

    /** For failures Spring MVC answers itself: the id is the status's name, {@code method-not-allowed} for 405. */
    static ApiError forStatus(HttpStatusCode status, String message) {
        HttpStatus known = HttpStatus.resolve(status.value());
        String error = known == null ? "http-" + status.value() : known.name().toLowerCase(Locale.ROOT).replace('_', '-');
        return of(error, message);
    }
}
