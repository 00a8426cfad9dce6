package io.cti.console.access;

import io.cti.console.ConsoleException;
import io.cti.core.customers.FieldError;
import io.cti.core.ids.AgentId;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a {@link UserDraft} and reports every field error at once: the name's form, a name to show, a password
 * long enough (and within BCrypt's 72 bytes), known roles, and the agent link (required with the AGENT role, only
 * then, well-formed, and an agent the router knows). Thread-safe (stateless).
 */
final class UserValidator {

    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,63}");
    /** BCrypt reads at most 72 bytes; a longer password would be silently cut. */
    static final int MAX_PASSWORD_BYTES = 72;
    static final int MAX_DISPLAY_NAME = 100;

    /** A checked user: who they are, their password (only when creating) and whether they may log in. */
    record CheckedUser(ConsolePrincipal principal, String password, boolean enabled) {
    }

    private final int passwordMinLength;
    private final KnownAgents knownAgents;

    UserValidator(int passwordMinLength, KnownAgents knownAgents) {
        this.passwordMinLength = passwordMinLength;
        this.knownAgents = knownAgents;
    }

    CheckedUser forCreation(UserDraft draft) {
        List<FieldError> errors = new ArrayList<>();
        String username = draft.username() == null ? null : draft.username().strip().toLowerCase(Locale.ROOT);
        if (username == null || username.isEmpty()) {
            errors.add(new FieldError("username", "required", "a user name is required"));
        } else if (!USERNAME.matcher(username).matches()) {
            errors.add(new FieldError("username", "invalid-format", "1-64 of a-z, 0-9 and . _ @ -, starting with a"
                    + " letter or digit"));
        }
        errors.addAll(passwordErrors("password", draft.password()));
        CheckedUser checked = common(username, draft, errors);
        throwIfAny(errors);
        return new CheckedUser(checked.principal(), draft.password(), checked.enabled());
    }

    CheckedUser forChange(String username, UserDraft draft) {
        List<FieldError> errors = new ArrayList<>();
        if (draft.username() != null && !draft.username().strip().toLowerCase(Locale.ROOT).equals(username)) {
            errors.add(new FieldError("username", "immutable", "a user name never changes; create another user"));
        }
        if (draft.password() != null) {
            errors.add(new FieldError("password", "not-here", "set a password with POST /api/admin/users/"
                    + username + "/password"));
        }
        CheckedUser checked = common(username, draft, errors);
        throwIfAny(errors);
        return checked;
    }

    List<FieldError> passwordErrors(String field, String password) {
        if (password == null || password.isEmpty()) {
            return List.of(new FieldError(field, "required", "a password is required"));
        }
        List<FieldError> errors = new ArrayList<>();
        if (password.codePointCount(0, password.length()) < passwordMinLength) {
            errors.add(new FieldError(field, "too-short", "at least " + passwordMinLength + " characters"));
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            errors.add(new FieldError(field, "too-long", "at most " + MAX_PASSWORD_BYTES + " bytes (UTF-8)"));
        }
        if (password.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError(field, "control-characters", "no control characters"));
        }
        return errors;
    }

    private CheckedUser common(String username, UserDraft draft, List<FieldError> errors) {
        String displayName = draft.displayName() == null ? "" : draft.displayName().strip();
        if (displayName.isEmpty()) {
            errors.add(new FieldError("displayName", "required", "a name to show is required"));
        } else if (displayName.length() > MAX_DISPLAY_NAME || displayName.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError("displayName", "invalid", "at most " + MAX_DISPLAY_NAME
                    + " characters, no control characters"));
        }
        Set<Role> roles = roles(draft.roles(), errors);
        String agentId = agentId(draft.agentId(), roles, errors);
        ConsolePrincipal principal = errors.isEmpty() && username != null
                ? new ConsolePrincipal(username, displayName, roles, agentId) : null;
        return new CheckedUser(principal, null, draft.enabled() == null || draft.enabled());
    }

    private static Set<Role> roles(List<String> names, List<FieldError> errors) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (names == null || names.isEmpty()) {
            errors.add(new FieldError("roles", "required", "at least one of " + List.of(Role.values())));
            return roles;
        }
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            try {
                roles.add(Role.valueOf(name == null ? "" : name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("roles[" + i + "]", "unknown-role", "one of " + List.of(Role.values())));
            }
        }
        return roles;
    }

    private String agentId(String raw, Set<Role> roles, List<FieldError> errors) {
        String agentId = raw == null || raw.isBlank() ? null : raw.strip();
        if (!roles.contains(Role.AGENT)) {
            if (agentId != null) {
                errors.add(new FieldError("agentId", "not-an-agent", "only users with the AGENT role take calls as an"
                        + " agent"));
            }
            return null;
        }
        if (agentId == null) {
            errors.add(new FieldError("agentId", "required", "an AGENT user takes calls as a router agent: give its id"));
            return null;
        }
        try {
            if (!knownAgents.exists(AgentId.of(agentId))) {
                errors.add(new FieldError("agentId", "no-such-agent", "the router has no agent " + agentId));
            }
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("agentId", "invalid-format", e.getMessage()));
        }
        return agentId;
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ConsoleException.invalidInput("user", errors);
        }
    }
}
