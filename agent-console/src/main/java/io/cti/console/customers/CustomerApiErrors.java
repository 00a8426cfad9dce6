package io.cti.console.customers;

import io.cti.console.ConsoleException;
import io.cti.core.CoreException;
import io.cti.core.customers.InvalidCustomerException;
import io.cti.core.web.ApiError;
import io.cti.core.web.ApiErrorAdvice;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.Map;

/**
 * Turns every failure of the customer API into one stable JSON body, {@link ApiError}, with the matching HTTP
 * status. Failures nobody foresaw become a 500 {@code internal-error} that tells the client nothing of the
 * internals and is logged with phone numbers masked. Thread-safe (stateless).
 */
@RestControllerAdvice(basePackageClasses = CustomerApiErrors.class)
class CustomerApiErrors extends ApiErrorAdvice {

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
        return status == null ? unexpected(e, request) : ResponseEntity.status(status).body(bodyOf(e));
    }

    @ExceptionHandler(CoreException.class)
    ResponseEntity<ApiError> core(CoreException e, HttpServletRequest request) {
        HttpStatus status = statusOf(e.errorId());
        return status == null ? unexpected(e, request)
                : ResponseEntity.status(status).body(ApiError.of(e.errorId(), e.getMessage()));
    }

    @Override
    protected void logUnexpected(Throwable failure, HttpServletRequest request) {
        // An exception message can quote a phone number (a constraint detail, a caller id); it is masked first.
        super.logUnexpected(LogSafe.masked(failure), request);
    }

    static ApiError bodyOf(ConsoleException e) {
        return new ApiError(e.errorId(), e.getMessage(), e.fieldErrors());
    }

    static HttpStatus statusOf(String errorId) {
        HttpStatus status = STATUSES.get(errorId);
        if (status != null) {
            return status;
        }
        return errorId.startsWith("invalid-") ? HttpStatus.BAD_REQUEST : null;
    }
}
