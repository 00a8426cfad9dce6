package io.cti.router.queues;

import io.cti.core.customers.FieldError;
import io.cti.core.web.ApiError;
import io.cti.core.web.ApiErrorAdvice;
import io.cti.router.RouterException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;

/**
 * Turns every failure of the queue, agent, reason-code and callback controllers into one {@link ApiError} body with the
 * matching HTTP status: {@code invalid-*} 400, {@code no-such-*} 404, duplicates, stale versions, a queue still in
 * use and a system reason code 409, {@code payload-too-large} 413. Failures nobody foresaw become a 500 {@code internal-error} that
 * tells the client nothing of the internals. Thread-safe (stateless).
 */
@RestControllerAdvice(basePackages = {"io.cti.router.queues", "io.cti.router.staff", "io.cti.router.callbacks"})
class RouterApiErrors extends ApiErrorAdvice {

    /** For the few places that write a body outside Spring MVC's converters (filter, exception resolver). */
    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Map<String, HttpStatus> STATUSES = Map.of(
            "duplicate-queue", HttpStatus.CONFLICT,
            "stale-queue", HttpStatus.CONFLICT,
            "queue-in-use", HttpStatus.CONFLICT,
            "duplicate-agent", HttpStatus.CONFLICT,
            "stale-agent", HttpStatus.CONFLICT,
            "duplicate-reason-code", HttpStatus.CONFLICT,
            "system-reason-code", HttpStatus.CONFLICT,
            "callback-not-pending", HttpStatus.CONFLICT,
            "payload-too-large", HttpStatus.CONTENT_TOO_LARGE);

    @ExceptionHandler(RouterException.class)
    ResponseEntity<ApiError> router(RouterException e, HttpServletRequest request) {
        HttpStatus status = statusOf(e.errorId());
        return status == null ? unexpected(e, request) : ResponseEntity.status(status).body(bodyOf(e));
    }

    static ApiError bodyOf(RouterException e) {
        List<FieldError> fields = e instanceof RouterException.InvalidInput invalid ? invalid.fieldErrors() : List.of();
        return new ApiError(e.errorId(), e.getMessage(), fields);
    }

    static HttpStatus statusOf(String errorId) {
        HttpStatus status = STATUSES.get(errorId);
        if (status != null) {
            return status;
        }
        if (errorId.startsWith("no-such-")) {
            return HttpStatus.NOT_FOUND;
        }
        return errorId.startsWith("invalid-") ? HttpStatus.BAD_REQUEST : null;
    }
}
