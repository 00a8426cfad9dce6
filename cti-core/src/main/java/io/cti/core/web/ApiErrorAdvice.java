package io.cti.core.web;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The half of a REST API's controller advice that every API shares: what Spring MVC refuses itself (unreadable
 * JSON, a parameter of the wrong type or missing, 405, 406, 415, ...) and failures nobody foresaw, a 500
 * {@code internal-error} that tells the client nothing of the internals, all answered in the {@link ApiError}
 * shape, while the subclass, a {@code @RestControllerAdvice}, keeps its module's exception handlers and status
 * map; stateless, so thread-safe.
 */
public abstract class ApiErrorAdvice extends ResponseEntityExceptionHandler {

    /** Named after the subclass, so a failure's log line says which API it came from. */
    private final Logger log = LoggerFactory.getLogger(getClass());

    @ExceptionHandler(Exception.class)
    protected final ResponseEntity<ApiError> unexpected(Exception e, HttpServletRequest request) {
        logUnexpected(e, request);
        return ResponseEntity.internalServerError()
                .body(ApiError.of("internal-error", "an unexpected error occurred; it has been logged"));
    }

    /**
     * Logs a failure nobody foresaw with the request's method and path; an API whose failures can quote personal
     * data overrides this to redact {@code failure} and hands the result back here.
     */
    protected void logUnexpected(Throwable failure, HttpServletRequest request) {
        // The request URI carries no query string, so searched-for values do not reach the log this way.
        log.error("unexpected failure answering {} {}", request.getMethod(), request.getRequestURI(), failure);
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

    /** Everything else Spring MVC answers itself (405, 406, 415, ...): the same body shape, named after the status. */
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
}
