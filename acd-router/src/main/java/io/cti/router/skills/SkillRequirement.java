package io.cti.router.skills;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A queue's need for one skill at a minimum proficiency. Immutable. */
public record SkillRequirement(Skill skill, Proficiency minimum) {

    public SkillRequirement {
        Objects.requireNonNull(skill, "skill");
        Objects.requireNonNull(minimum, "minimum");
    }

    public static SkillRequirement of(String skill, int minimum) {
        return new SkillRequirement(Skill.of(skill), Proficiency.of(minimum));
    }

    /** Whether an agent with these skills meets every one of {@code requirements}. */
    public static boolean allMetBy(List<SkillRequirement> requirements, Map<Skill, Proficiency> skills) {
        for (SkillRequirement r : requirements) {
            if (!r.metBy(skills)) {
                return false;
            }
        }
        return true;
    }

    /** Whether an agent with these skills meets this requirement. */
    public boolean metBy(Map<Skill, Proficiency> skills) {
        Proficiency held = skills.get(skill);
        return held != null && held.atLeast(minimum);
    }
}
