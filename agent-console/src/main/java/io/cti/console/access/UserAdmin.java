package io.cti.console.access;

import io.cti.console.ConsoleException;
import io.cti.core.customers.FieldError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * What an administrator does with console users: create, change (roles, agent link, name shown, enabled), set a
 * password, unlock. A change to what a user may do ends their sessions, so it takes effect at once. Thread-safe.
 */
final class UserAdmin {

    private static final Logger log = LoggerFactory.getLogger(UserAdmin.class);

    private final UserRepository users;
    private final UserValidator validator;
    private final PasswordEncoder passwords;
    private final SessionRevoker revoker;
    private final Clock clock;

    UserAdmin(UserRepository users, UserValidator validator, PasswordEncoder passwords, SessionRevoker revoker,
              Clock clock) {
        this.users = users;
        this.validator = validator;
        this.passwords = passwords;
        this.revoker = revoker;
        this.clock = clock;
    }

    List<StoredUser> list() {
        return users.list();
    }

    StoredUser get(String username) {
        return users.find(username).orElseThrow(() -> ConsoleException.noSuchUser(username));
    }

    StoredUser create(UserDraft draft, String by) {
        UserValidator.CheckedUser checked = validator.forCreation(draft);
        StoredUser created = users.create(checked.principal(), passwords.encode(checked.password()), checked.enabled(),
                clock.instant());
        log.info("console user {} created by {} with roles {}", created.username(), by, created.principal().roles());
        return created;
    }

    StoredUser change(String username, UserDraft draft, String by) {
        StoredUser before = get(username);
        UserValidator.CheckedUser checked = validator.forChange(username, draft);
        StoredUser after = users.update(checked.principal(), checked.enabled(), clock.instant());
        if (!after.principal().roles().equals(before.principal().roles())
                || !Objects.equals(after.principal().agentId(), before.principal().agentId())
                || after.enabled() != before.enabled()) {
            revoker.revoke(username, "roles, agent or access changed by " + by);
        }
        log.info("console user {} changed by {}: roles {}, agent {}, enabled {}", username, by,
                after.principal().roles(), after.principal().agentId(), after.enabled());
        return after;
    }

    StoredUser setPassword(String username, String password, String by) {
        get(username);
        List<FieldError> errors = validator.passwordErrors("password", password);
        if (!errors.isEmpty()) {
            throw ConsoleException.invalidInput("password", errors);
        }
        StoredUser changed = users.setPassword(username, passwords.encode(password), clock.instant());
        if (!username.equals(by)) {
            // Someone else set it: whoever is logged in as this user may be the reason it was reset.
            revoker.revoke(username, "password set by " + by);
        }
        log.info("password of console user {} set by {}", username, by);
        return changed;
    }

    /** Checks {@code current} before setting {@code replacement}: a user changing their own password. */
    void changeOwnPassword(String username, String current, String replacement) {
        StoredUser user = get(username);
        if (current == null || !passwords.matches(current, user.passwordHash())) {
            throw ConsoleException.invalidParameter("currentPassword", "wrong-password",
                    "the current password is wrong");
        }
        setPassword(username, replacement, username);
    }

    StoredUser unlock(String username, String by) {
        get(username);
        users.clearFailures(username);
        log.info("console user {} unlocked by {}", username, by);
        return get(username);
    }
}
