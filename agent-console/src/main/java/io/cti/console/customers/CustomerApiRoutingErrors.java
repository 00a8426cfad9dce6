package io.cti.console.customers;

import io.cti.core.web.ApiError;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Gives requests under {@code /api/customers} that reached no controller method (a method or media type the
 * path does not take, a path that does not exist) the customer API's error body. These failures happen before
 * a controller is chosen, so {@link CustomerApiErrors}, scoped to this package, never sees them. Every other
 * path is handed back untouched, and at the lowest precedence any application-wide advice wins. Thread-safe.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class CustomerApiRoutingErrors {

    static final String ROOT = "/api/customers";

    @ExceptionHandler({HttpRequestMethodNotSupportedException.class, HttpMediaTypeNotSupportedException.class,
            NoResourceFoundException.class})
    ResponseEntity<ApiError> unrouted(Exception e, HttpServletRequest request) throws Exception {
        if (!isCustomerApi(request)) {
            // Rethrowing the very exception hands it back to Spring MVC's default handling, without a warning.
            throw e;
        }
        ErrorResponse response = (ErrorResponse) e;
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                .body(ApiError.forStatus(response.getStatusCode(), response.getBody().getDetail()));
    }

    static boolean isCustomerApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals(ROOT) || path.startsWith(ROOT + "/");
    }
}
