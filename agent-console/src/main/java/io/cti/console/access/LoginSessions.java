package io.cti.console.access;

import jakarta.servlet.http.HttpSession;
import org.springframework.context.ApplicationListener;
import org.springframework.security.web.session.HttpSessionDestroyedEvent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The login sessions open in this process, by user, so that an administrator's change can end them at once. Only
 * form logins make sessions (HTTP Basic clients get none), and only those are kept; an ended session is forgotten.
 * Thread-safe.
 */
final class LoginSessions implements ApplicationListener<HttpSessionDestroyedEvent> {

    private final Map<String, Set<HttpSession>> byUser = new HashMap<>();

    synchronized void loggedIn(String username, HttpSession session) {
        byUser.computeIfAbsent(username, u -> Collections.newSetFromMap(new IdentityHashMap<>())).add(session);
    }

    /** Ends every session of {@code username}; returns how many there were. */
    int endAll(String username) {
        List<HttpSession> sessions;
        synchronized (this) {
            Set<HttpSession> known = byUser.remove(username);
            sessions = known == null ? List.of() : new ArrayList<>(known);
        }
        int ended = 0;
        for (HttpSession session : sessions) {
            try {
                session.invalidate();
                ended++;
            } catch (IllegalStateException alreadyEnded) {
                // It ended on its own meanwhile (timeout, logout): nothing left to do.
            }
        }
        return ended;
    }

    @Override
    public synchronized void onApplicationEvent(HttpSessionDestroyedEvent event) {
        HttpSession session = event.getSession();
        byUser.values().forEach(sessions -> sessions.remove(session));
        byUser.values().removeIf(Set::isEmpty);
    }
}
