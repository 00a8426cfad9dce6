package io.cti.console.access;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * {@code /api/session}: who is logged in (nobody, before login), where their home page is, and the session's CSRF
 * token that every form post and state-changing API call from a page must carry. Open to everyone, since the login
 * page needs the token too. A page calling it also keeps its session from timing out. A logged-in user changes their
 * own password here. Thread-safe (stateless).
 */
@RestController
class SessionController {

    /** The CSRF token and where to put it: the header for scripts, the parameter for forms. */
    record Csrf(String headerName, String parameterName, String token) {
    }

    /** The session as a page sees it. */
    record SessionView(boolean authenticated, String username, String displayName, List<String> roles, String agentId,
                       String home, long timeoutSeconds, Csrf csrf) {
    }

    /** A user's own password change. */
    record PasswordChange(String currentPassword, String newPassword) {
    }

    private final UserAdmin admin;

    SessionController(UserAdmin admin) {
        this.admin = admin;
    }

    @GetMapping(path = "/api/session", produces = MediaType.APPLICATION_JSON_VALUE)
    SessionView session(HttpServletRequest request, Authentication authentication) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        Csrf csrf = token == null ? null : new Csrf(token.getHeaderName(), token.getParameterName(), token.getToken());
        long timeout = request.getSession(false) == null ? 0 : request.getSession(false).getMaxInactiveInterval();
        if (authentication == null || !(authentication.getPrincipal() instanceof ConsolePrincipal user)) {
            return new SessionView(false, null, null, List.of(), null, "/login.html", timeout, csrf);
        }
        return new SessionView(true, user.username(), user.displayName(),
                user.roles().stream().map(Role::name).sorted().toList(), user.agentId(), HomeController.homeOf(user),
                timeout, csrf);
    }

    @PostMapping(path = "/api/session/password", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> changePassword(@RequestBody PasswordChange change, Authentication authentication) {
        admin.changeOwnPassword(authentication.getName(), change.currentPassword(), change.newPassword());
        return ResponseEntity.noContent().build();
    }
}
