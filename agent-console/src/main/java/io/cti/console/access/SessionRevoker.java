package io.cti.console.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Ends every session of a user whose roles, agent, password or access an administrator changed, so that nobody keeps
 * working on rights they no longer have: their next request finds the session ended, and their push sockets are
 * closed at once ({@link UserSessionsRevoked}). Sessions live in the process that made them (the load balancer keeps
 * a user on one instance), so the revocation reaches this process's sessions. Thread-safe.
 */
final class SessionRevoker {

    private static final Logger log = LoggerFactory.getLogger(SessionRevoker.class);

    private final LoginSessions sessions;
    private final ApplicationEventPublisher events;

    SessionRevoker(LoginSessions sessions, ApplicationEventPublisher events) {
        this.sessions = sessions;
        this.events = events;
    }

    void revoke(String username, String why) {
        int ended = sessions.endAll(username);
        events.publishEvent(new UserSessionsRevoked(username));
        if (ended > 0) {
            log.info("ended {} session(s) of console user {}: {}", ended, username, why);
        }
    }
}
