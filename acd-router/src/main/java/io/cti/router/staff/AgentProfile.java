package io.cti.router.staff;

import io.cti.core.ids.AgentId;
import io.cti.router.skills.Proficiency;
import io.cti.router.skills.Skill;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An agent as the router stores them between logins: login id, name shown to supervisors, skills with
 * proficiency, teams, and the phone endpoint they sit at. Runtime state (Ready, On call...) lives elsewhere.
 * Immutable.
 *
 * @param skills what the agent can do and how well; usable as is with {@code SkillRequirement.metBy}
 * @param teams  lower-case team names, sorted
 */
public record AgentProfile(AgentId id, String displayName, Map<Skill, Proficiency> skills, List<String> teams,
                           PhoneEndpoint endpoint) {

    public AgentProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        skills = Map.copyOf(skills);
        teams = List.copyOf(teams);
        Objects.requireNonNull(endpoint, "endpoint");
    }
}
