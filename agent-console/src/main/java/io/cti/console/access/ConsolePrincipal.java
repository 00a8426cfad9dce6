package io.cti.console.access;

import io.cti.core.ids.AgentId;

import java.io.Serial;
import java.io.Serializable;
import java.security.Principal;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who is logged in, as the session keeps it: the user name, the name shown, the roles and, for an agent, the
 * router's agent id they work as. Every decision about what a request or socket may see is taken from this, never
 * from what the client sends. Immutable (serializable, since sessions may be).
 *
 * @param agentId the linked router agent id, or {@code null} for users who are not agents
 */
public record ConsolePrincipal(String username, String displayName, Set<Role> roles, String agentId)
        implements Principal, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public ConsolePrincipal {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    @Override
    public String getName() {
        return username;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** The agent this user works as, when they hold the AGENT role and are linked to one. */
    public Optional<AgentId> agent() {
        return has(Role.AGENT) && agentId != null ? Optional.of(AgentId.of(agentId)) : Optional.empty();
    }

    /** Supervisors and administrators watch every queue and agent. */
    public boolean watchesTheFloor() {
        return has(Role.SUPERVISOR) || has(Role.ADMIN);
    }
}
