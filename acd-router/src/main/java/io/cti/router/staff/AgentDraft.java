package io.cti.router.staff;

import java.util.Comparator;
import java.util.List;

/**
 * An agent profile as an administrator types it and the REST body carries it; {@link AgentValidator} turns it
 * into an {@link AgentProfile}, {@link #of(AgentProfile)} goes back (what GET answers can be PUT again).
 * Immutable (the lists are the caller's; the validator copies).
 */
public record AgentDraft(String id, String displayName, List<SkillDraft> skills, List<String> teams, String endpoint) {

    /** A skill the agent has and how well, 1 (novice) to 10 (expert). */
    public record SkillDraft(String skill, Integer proficiency) {
    }

    public static AgentDraft of(AgentProfile profile) {
        List<SkillDraft> skills = profile.skills().entrySet().stream()
                .sorted(Comparator.comparing(e -> e.getKey().name()))
                .map(e -> new SkillDraft(e.getKey().name(), e.getValue().level())).toList();
        return new AgentDraft(profile.id().value(), profile.displayName(), skills, profile.teams(), profile.endpoint().toString());
    }
}
