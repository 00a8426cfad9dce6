package io.cti.console.customers;

import io.cti.console.ConsoleException;
import io.cti.core.CoreException;
import io.cti.core.customers.InvalidCustomerException;
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
 * Turns every failure of the customer API into one stable JSON body, {@link ApiError}, with the matching HTTP
 * status. Failures nobody foresaw become a 500 {@code internal-error} that tells the client nothing of the
 * internals and is logged with phone numbers masked. Thread-safe (stateless).
 */
@RestControllerAdvice(basePackageClasses = CustomerApiErrors.class)
class CustomerApiErrors extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(CustomerApiErrors.class);

    /** Error ids of cti-core and of this module with a status other than "invalid-* is a 400". */
    private static final Map<String, HttpStatus> STATUSES = Map.of(
            "no-such-customer", HttpStatus.NOT_FOUND,
            "no-such-record", HttpStatus.NOT_FOUND,
            "stale-customer", HttpStatus.CONFLICT,
            "payload-too-large", HttpStatus.CONTENT_TOO_LARGE);

    @ExceptionHandler(InvalidCustomerException.class)
    ResponseEntity<ApiError> invalidCustomer(InvalidCustomerException e) {
        return ResponseEntity.badRequest().body(new ApiError(e.errorId(), e.getMessage(), e.errors()));
    }

    @ExceptionHandler(ConsoleException.class)
    ResponseEntity<ApiError> console(ConsoleException e, HttpServletRequest request) {
        HttpStatus status = statusOf(e.errorId());
        return status == null ? unexpected(e, request) : ResponseEntity.status(status).body(ApiError.of(e));
    }

    @ExceptionHandler(CoreException.class)
    ResponseEntity<ApiError> core(CoreException e, HttpServletRequest request) {
        HttpStatus status = statusOf(e.errorId());
        return status == null ? unexpected(e, request) : ResponseEntity.status(status).body(ApiError.of(e));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e, HttpServletRequest request) {
        // The request URI carries no query string, so a searched phone number does not reach the log this way.
        log.error("unexpected failure answering {} {}", request.getMethod(), request.getRequestURI(), LogSafe.masked(e));
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

    static HttpStatus statusOf(String errorId) {
        HttpStatus status = STATUSES.get(errorId);
        if (status != null) {
            return status;
        }
        return errorId.startsWith("invalid-") ? HttpStatus.BAD_REQUEST : null;
    }
}
