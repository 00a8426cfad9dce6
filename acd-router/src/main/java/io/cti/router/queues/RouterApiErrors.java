package io.cti.router.queues;

import io.cti.router.RouterException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.Map;

/**
 * Turns every failure of the queue, agent and reason-code controllers into one {@link ApiError} body with the
 * matching HTTP status: {@code invalid-*} 400, {@code no-such-*} 404, duplicates, stale versions and a queue still
 * in use 409, {@code payload-too-large} 413. Failures nobody foresaw become a 500 {@code internal-error} that
 * tells the client nothing of the internals. Thread-safe (stateless).
 */
@RestControllerAdvice(basePackages = {"io.cti.router.queues", "io.cti.router.staff"})
class RouterApiErrors extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(RouterApiErrors.class);

    private static final Map<String, HttpStatus> STATUSES = Map.of(
            "duplicate-queue", HttpStatus.CONFLICT,
            "stale-queue", HttpStatus.CONFLICT,
            "queue-in-use", HttpStatus.CONFLICT,
            "duplicate-agent", HttpStatus.CONFLICT,
            "stale-agent", HttpStatus.CONFLICT,
            "duplicate-reason-code", HttpStatus.CONFLICT,
            "payload-too-large", HttpStatus.CONTENT_TOO_LARGE);

    @ExceptionHandler(RouterException.class)
    ResponseEntity<ApiError> router(RouterException e, HttpServletRequest request) {
        HttpStatus status = statusOf(e.errorId());
        return status == null ? unexpected(e, request) : ResponseEntity.status(status).body(ApiError.of(e));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e, HttpServletRequest request) {
        log.error("unexpected failure answering {} {}", request.getMethod(), request.getRequestURI(), e);
        return ResponseEntity.internalServerError()
                .body(ApiError.of("internal-error", "an unexpected error occurred; it has been logged"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return super.handleExceptionInternal(e, JsonInputErrors.describe(e), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : String.valueOf(e.getPropertyName());
        String expected = e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName();
        ApiError error = ApiError.onField("invalid-request", name, "wrong-type", "expected a value of type " + expected);
        return super.handleExceptionInternal(e, error, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        ApiError error = ApiError.onField("invalid-request", e.getParameterName(), "required", "the parameter is required");
        return super.handleExceptionInternal(e, error, headers, status, request);
    }

    /** Everything else Spring MVC answers itself: the same body shape, named after the status. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        if (body instanceof ApiError) {
            return super.handleExceptionInternal(e, body, headers, status, request);
        }
        if (status.is5xxServerError()) {
            HttpServletRequest servletRequest = ((ServletWebRequest) request).getRequest();
            return new ResponseEntity<>(unexpected(e, servletRequest).getBody(), headers, status);
        }
        String detail = e instanceof ErrorResponse response && response.getBody().getDetail() != null
                ? response.getBody().getDetail() : e.getMessage();
        return super.handleExceptionInternal(e, ApiError.forStatus(status, detail), headers, status, request);
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
