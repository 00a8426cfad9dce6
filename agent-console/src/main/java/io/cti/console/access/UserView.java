package io.cti.console.access;

import java.time.Instant;
import java.time.Clock;
import java.util.List;

/** A console user as the admin API shows it: everything but the password hash. Immutable. */
record UserView(String username, String displayName, List<String> roles, String agentId, boolean enabled,
                boolean locked, Instant lockedUntil, int failedLogins, Instant passwordChangedAt, int version) {

    static UserView of(StoredUser user, Clock clock) {
        ConsolePrincipal p = user.principal();
        boolean locked = user.attempts().lockedAt(clock.instant());
        return new UserView(p.username(), p.displayName(), p.roles().stream().map(Role::name).sorted().toList(),
                p.agentId(), user.enabled(), locked, locked ? user.attempts().lockedUntil() : null,
                user.attempts().failures(), user.passwordChangedAt(), user.version());
    }
}
