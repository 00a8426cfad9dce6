package io.cti.console.access;

import io.cti.core.web.ApiError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * How the REST APIs and the push socket's handshake refuse a request for want of a login (401) or of a role or a
 * CSRF token (403): with the platform's error JSON and a stable id, never with a redirect to the login page, which a
 * script cannot follow. Pages get the redirect instead (see {@link ConsoleSecurityConfiguration}). Thread-safe.
 */
final class ApiErrorResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    /** The APIs, the actuator and the push socket: answered in JSON. */
    static final RequestMatcher API = request -> {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.equals("/ws") || path.startsWith("/actuator/");
    };

    private final JsonMapper json;

    ApiErrorResponses(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        // Only non-browser clients get a Basic challenge: a browser would pop up its own password dialog over the
        // console (browsers send Sec-Fetch-Mode with every request).
        if (request.getHeader("Sec-Fetch-Mode") == null) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"cti\"");
        }
        boolean expired = request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
        write(response, HttpServletResponse.SC_UNAUTHORIZED, expired
                ? ApiError.of("session-expired", "the session has ended; log in again")
                : ApiError.of("unauthenticated", "log in first (a session from /login, or HTTP Basic)"));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        write(response, HttpServletResponse.SC_FORBIDDEN, denied instanceof CsrfException
                ? ApiError.of("invalid-csrf-token", "this request needs the session's CSRF token in the X-CSRF-TOKEN"
                + " header (GET /api/session gives it)")
                : ApiError.of("forbidden", "your roles do not allow " + request.getMethod() + " "
                + request.getRequestURI()));
    }

    void write(HttpServletResponse response, int status, ApiError error) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(json.writeValueAsBytes(error));
    }
}
