package io.cti.console.access;

import java.time.Instant;
import java.util.Objects;

/**
 * A console user as stored: who they are ({@link ConsolePrincipal}), the password hash, whether they may log in,
 * their failed logins, when the password was last set, and the row's version. Immutable.
 */
public record StoredUser(ConsolePrincipal principal, String passwordHash, boolean enabled, LoginAttempts attempts,
                         Instant passwordChangedAt, int version) {

    public StoredUser {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(attempts, "attempts");
    }

    public String username() {
        return principal.username();
    }

    @Override
    public String toString() {
        // The hash stays out of logs and error messages.
        return "StoredUser[" + principal + ", enabled=" + enabled + ", attempts=" + attempts + ", version=" + version + "]";
    }
}
