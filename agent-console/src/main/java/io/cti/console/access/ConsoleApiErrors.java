package io.cti.console.access;

import io.cti.console.ConsoleException;
import io.cti.core.CoreException;
import io.cti.core.web.ApiError;
import io.cti.core.web.ApiErrorAdvice;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.Map;

/**
 * Answers every failure of the console's own APIs (session, user administration, the agent's desk) with the
 * platform's error JSON and the matching status; failures nobody foresaw become a 500 {@code internal-error}.
 * Thread-safe (stateless).
 */
@RestControllerAdvice(basePackages = {"io.cti.console.access", "io.cti.console.push"})
class ConsoleApiErrors extends ApiErrorAdvice {

    /** Error ids with a status other than "invalid-* is a 400". */
    static final Map<String, HttpStatus> STATUSES = Map.ofEntries(
            Map.entry("no-such-user", HttpStatus.NOT_FOUND),
            Map.entry("duplicate-user", HttpStatus.CONFLICT),
            Map.entry("last-admin", HttpStatus.CONFLICT),
            Map.entry("no-linked-agent", HttpStatus.FORBIDDEN),
            Map.entry("not-your-agent", HttpStatus.FORBIDDEN),
            Map.entry("not-your-call", HttpStatus.FORBIDDEN),
            Map.entry("no-call-to-wrap-up", HttpStatus.CONFLICT),
            Map.entry("no-call-to-control", HttpStatus.CONFLICT),
            Map.entry("agent-busy", HttpStatus.CONFLICT),
            Map.entry("no-phone-endpoint", HttpStatus.CONFLICT),
            Map.entry("no-live-call", HttpStatus.CONFLICT),
            Map.entry("not-a-supervisor", HttpStatus.FORBIDDEN),
            Map.entry("bus-failure", HttpStatus.SERVICE_UNAVAILABLE));

    @ExceptionHandler(ConsoleException.class)
    ResponseEntity<ApiError> console(ConsoleException e, HttpServletRequest request) {
        HttpStatus status = statusOf(e.errorId());
        return status == null ? unexpected(e, request)
                : ResponseEntity.status(status).body(new ApiError(e.errorId(), e.getMessage(), e.fieldErrors()));
    }

    @ExceptionHandler(CoreException.class)
    ResponseEntity<ApiError> core(CoreException e, HttpServletRequest request) {
        HttpStatus status = statusOf(e.errorId());
        return status == null ? unexpected(e, request)
                : ResponseEntity.status(status).body(ApiError.of(e.errorId(), e.getMessage()));
    }

    static HttpStatus statusOf(String errorId) {
        HttpStatus status = STATUSES.get(errorId);
        if (status != null) {
            return status;
        }
        return errorId.startsWith("invalid-") ? HttpStatus.BAD_REQUEST : null;
    }
}
