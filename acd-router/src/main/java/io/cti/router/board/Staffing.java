package io.cti.router.board;

import io.cti.core.ids.AgentId;
import io.cti.router.staff.AgentProfile;

import java.util.Optional;

/** Where the board finds an agent's profile (skills, teams, phone); implementations must be thread-safe. */
@FunctionalInterface
public interface Staffing {

    /** The active agent's profile, or empty for an unknown or deactivated agent. */
    Optional<AgentProfile> profileOf(AgentId agent);
}
