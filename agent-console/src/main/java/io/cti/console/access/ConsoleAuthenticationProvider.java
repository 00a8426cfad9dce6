package io.cti.console.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks a user name and password against the stored users (form login and HTTP Basic alike), counting wrong
 * passwords and refusing a locked account before its password is even looked at. An unknown name costs as much
 * time as a known one, so response times do not tell which names exist. Thread-safe.
 */
final class ConsoleAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ConsoleAuthenticationProvider.class);
    static final String WRONG = "wrong user name or password";

    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final LockoutPolicy lockout;
    private final Clock clock;
    private final String dummyHash;

    ConsoleAuthenticationProvider(UserRepository users, PasswordEncoder passwords, LockoutPolicy lockout, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.lockout = lockout;
        this.clock = clock;
        this.dummyHash = passwords.encode("no user has this password");
    }

    /** User names are stored in lower case; people type them as they like. */
    static String normalize(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = normalize(authentication.getName());
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        Optional<StoredUser> found = username.isEmpty() ? Optional.empty() : users.find(username);
        if (found.isEmpty()) {
            passwords.matches(password, dummyHash);
            throw new BadCredentialsException(WRONG);
        }
        StoredUser user = found.get();
        Instant now = clock.instant();
        if (user.attempts().lockedAt(now)) {
            throw new LockedException(lockedMessage(user.attempts()));
        }
        if (!passwords.matches(password, user.passwordHash())) {
            LoginAttempts after = users.recordFailure(username, now, lockout);
            if (after.lockedAt(now)) {
                log.warn("console user {} locked until {} after {} failed logins in a row", username,
                        after.lockedUntil(), after.failures());
                throw new LockedException(lockedMessage(after));
            }
            throw new BadCredentialsException(WRONG);
        }
        // Checked after the password, so that "disabled" is told only to someone who knows it.
        if (!user.enabled()) {
            throw new DisabledException("this account is disabled; ask an administrator");
        }
        users.clearFailures(username);
        ConsolePrincipal principal = user.principal();
        return UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.roles().stream().map(Role::authority).toList());
    }

    private static String lockedMessage(LoginAttempts attempts) {
        return "this account is locked after " + attempts.failures() + " failed logins, until " + attempts.lockedUntil()
                + "; ask an administrator to unlock it sooner";
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
