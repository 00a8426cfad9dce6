package io.cti.router.queues;

import io.cti.core.web.ApiError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Gives requests under the router's API roots that reached no controller method (a method or media type the
 * path does not take, a path that does not exist) the API's error body. A resolver rather than a controller
 * advice: an application-wide advice (the customer API has one) would otherwise be chosen first and could only
 * hand our paths to Spring's default answer. Every other path is left untouched. Thread-safe (stateless).
 */
final class UnroutedRequests implements HandlerExceptionResolver, Ordered {

    static final List<String> ROOTS = List.of("/api/queues", "/api/agents", "/api/reason-codes", "/api/callbacks");

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
        boolean unrouted = e instanceof HttpRequestMethodNotSupportedException || e instanceof HttpMediaTypeNotSupportedException
                || e instanceof HttpMediaTypeNotAcceptableException || e instanceof NoResourceFoundException;
        if (!unrouted || !isRouterApi(request)) {
            return null;
        }
        ErrorResponse error = (ErrorResponse) e;
        try {
            response.setStatus(error.getStatusCode().value());
            error.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            ApiError body = ApiError.forStatus(error.getStatusCode(), error.getBody().getDetail());
            RouterApiErrors.JSON.writeValue(response.getOutputStream(), body);
        } catch (IOException | RuntimeException writeFailure) {
            return null;
        }
        return new ModelAndView();
    }

    @Override
    public int getOrder() {
        // Before Spring MVC's own resolvers, which would consult the controller advices.
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    static boolean isRouterApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return ROOTS.stream().anyMatch(root -> path.equals(root) || path.startsWith(root + "/"));
    }
}
