package io.cti.console.access;

import java.time.Instant;

/**
 * An account's failed logins in a row and, once they reached the policy's limit, until when it is locked. A lock
 * that has run out is as good as none: the next failure starts counting from one again. Attempts on a locked
 * account are refused without looking at the password and neither count nor extend the lock, so nobody can keep
 * a colleague locked out by trying on. Immutable.
 *
 * @param lockedUntil the end of the lock, or {@code null} when the account was never locked since its last success
 */
public record LoginAttempts(int failures, Instant lockedUntil) {

    public static final LoginAttempts NONE = new LoginAttempts(0, null);

    public LoginAttempts {
        if (failures < 0) {
            throw new IllegalArgumentException("failed logins cannot be negative: " + failures);
        }
    }

    /** Whether a login at {@code now} is refused without a password check. */
    public boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** The attempts after a wrong password at {@code now}; an account locked at {@code now} stays as it is. */
    public LoginAttempts afterFailure(Instant now, LockoutPolicy policy) {
        if (lockedAt(now)) {
            return this;
        }
        int counted = lockedUntil == null ? failures + 1 : 1;
        return counted >= policy.maxFailures()
                ? new LoginAttempts(counted, now.plus(policy.duration()))
                : new LoginAttempts(counted, null);
    }

    /** A successful login (or an administrator's unlock) forgets every failure. */
    public LoginAttempts afterSuccess() {
        return NONE;
    }
}
