package io.cti.console.access;

import jakarta.servlet.http.HttpSessionEvent;
import org.springframework.security.web.session.HttpSessionEventPublisher;

import java.time.Duration;

/**
 * Gives every HTTP session the console's idle timeout ({@code cti.console.session-timeout}, to the second, where
 * the server's own setting counts only whole minutes), and tells the application when sessions are created, change
 * id or end (Spring Security's session events: the session registry and the push sockets listen). Thread-safe.
 */
final class SessionLifetime extends HttpSessionEventPublisher {

    private final int timeoutSeconds;

    SessionLifetime(Duration timeout) {
        this.timeoutSeconds = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toSeconds()));
    }

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        event.getSession().setMaxInactiveInterval(timeoutSeconds);
        super.sessionCreated(event);
    }
}
