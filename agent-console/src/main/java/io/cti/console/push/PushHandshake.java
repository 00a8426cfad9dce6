package io.cti.console.push;

import io.cti.console.access.ConsolePrincipal;
import io.cti.core.web.ApiError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.WebUtils;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides, before the upgrade, whether a push socket may open: the request must come from the console's own origin
 * (or a configured one; a browser always sends Origin, so a request without one is refused too), over a logged-in
 * session (HTTP Basic alone is not enough: the socket lives as long as the session), as a user with something to
 * push: an agent linked to a router agent, or a supervisor or administrator. Refusals are 401/403 with the error
 * JSON, and no upgrade. The user and the session id are handed to the socket. Thread-safe.
 */
final class PushHandshake implements HandshakeInterceptor {

    static final String USER = "cti.console.user";
    static final String HTTP_SESSION = "cti.console.httpSession";
    private static final Logger log = LoggerFactory.getLogger(PushHandshake.class);

    private final Set<String> allowedOrigins;
    private final JsonMapper json;

    PushHandshake(List<String> allowedOrigins, JsonMapper json) {
        this.allowedOrigins = Set.copyOf(allowedOrigins);
        this.json = json;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) throws IOException {
        String origin = request.getHeaders().getOrigin();
        if (origin == null || !(WebUtils.isSameOrigin(request) || allowedOrigins.contains(origin))) {
            log.warn("push socket refused: origin {} is not the console's", origin == null ? "(none)" : origin);
            return refuse(response, HttpStatus.FORBIDDEN, ApiError.of("origin-not-allowed",
                    "the push socket opens only from the console's own pages"));
        }
        HttpServletRequest servlet = ((ServletServerHttpRequest) request).getServletRequest();
        HttpSession session = servlet.getSession(false);
        ConsolePrincipal user = session == null ? null : sessionUser(session);
        if (user == null) {
            return refuse(response, HttpStatus.UNAUTHORIZED, ApiError.of("unauthenticated",
                    "the push socket needs a logged-in session (log in at /login.html)"));
        }
        if (user.agent().isEmpty() && !user.watchesTheFloor()) {
            return refuse(response, HttpStatus.FORBIDDEN, ApiError.of("forbidden",
                    "nothing is pushed to your roles: the socket is for agents, supervisors and administrators"));
        }
        attributes.put(USER, user);
        attributes.put(HTTP_SESSION, session.getId());
        return true;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                               Exception exception) {
        // Nothing to do: the socket handler takes over.
    }

    /** The user the session logged in as (not one a Basic header names for this request alone). */
    private static ConsolePrincipal sessionUser(HttpSession session) {
        Object stored = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        Authentication authentication = stored instanceof SecurityContext context ? context.getAuthentication() : null;
        return authentication != null && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof ConsolePrincipal user ? user : null;
    }

    private boolean refuse(ServerHttpResponse response, HttpStatus status, ApiError error) throws IOException {
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        response.getBody().write(json.writeValueAsBytes(error));
        return false;
    }
}
