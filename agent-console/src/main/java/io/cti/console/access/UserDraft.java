package io.cti.console.access;

import java.util.List;

/**
 * A console user as an administrator sends it: to create one (every field but {@code enabled}, which defaults to
 * true) or to change one ({@code username} and {@code password} left out: the name never changes, the password
 * has its own request). Unchecked until {@link UserValidator} has seen it. Immutable.
 */
record UserDraft(String username, String displayName, String password, List<String> roles, String agentId,
                 Boolean enabled) {
}
