package io.cti.console.push;

import io.cti.console.access.ConsolePrincipal;
import io.cti.console.access.UserSessionsRevoked;
import io.cti.core.CoreException;
import io.cti.core.messages.AgentStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.web.session.HttpSessionDestroyedEvent;

/**
 * Ties the push sockets to the login sessions they were opened in: a session that ends (logout, timeout) closes its
 * sockets with {@value PushSession#SESSION_ENDED}, and so does an administrator's revocation of a user's sessions. An
 * agent who logs out of the console is logged out of the queues too, so calls stop coming to an empty desk.
 * Thread-safe.
 */
final class PushSessionEvents {

    private static final Logger log = LoggerFactory.getLogger(PushSessionEvents.class);

    private final PushHub hub;
    private final AgentDesk desk;

    PushSessionEvents(PushHub hub, AgentDesk desk) {
        this.hub = hub;
        this.desk = desk;
    }

    @EventListener
    void sessionEnded(HttpSessionDestroyedEvent event) {
        hub.closeHttpSession(event.getId(), PushSession.SESSION_ENDED, "session ended: log in again");
    }

    @EventListener
    void sessionsRevoked(UserSessionsRevoked event) {
        hub.closeUser(event.username(), PushSession.SESSION_ENDED, "session ended by an administrator: log in again");
    }

    @EventListener
    void loggedOut(LogoutSuccessEvent event) {
        if (event.getAuthentication() != null && event.getAuthentication().getPrincipal() instanceof ConsolePrincipal user
                && user.agent().isPresent()) {
            try {
                desk.changeState(user, null, AgentStatus.LOGGED_OUT, null);
            } catch (CoreException e) {
                // The logout itself must succeed; the router's RONA takes the agent out if calls still come.
                log.warn("could not log agent {} out of the queues on console logout: {}", user.agentId(), e.getMessage());
            }
        }
    }
}
