package io.cti.router.staff;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Valid agent drafts with unique endpoints (tests share databases), to change one thing in. Thread-safe. */
final class TestAgents {

    private static final AtomicInteger EXTENSIONS = new AtomicInteger(5000);

    private TestAgents() {
    }

    static Builder valid(String id) {
        return new Builder(id);
    }

    static String freshEndpoint() {
        return "PJSIP/" + EXTENSIONS.incrementAndGet();
    }

    static AgentDraft.SkillDraft skill(String skill, Integer proficiency) {
        return new AgentDraft.SkillDraft(skill, proficiency);
    }

    /** A draft with public fields, so a test states only what it changes. */
    static final class Builder {
        String id;
        String displayName = "Test Agent";
        List<AgentDraft.SkillDraft> skills = new ArrayList<>(List.of(skill("sales", 7), skill("english", 9)));
        List<String> teams = new ArrayList<>(List.of("team-a"));
        String endpoint = freshEndpoint();

        Builder(String id) {
            this.id = id;
        }

        AgentDraft build() {
            return new AgentDraft(id, displayName, skills, teams, endpoint);
        }
    }
}
