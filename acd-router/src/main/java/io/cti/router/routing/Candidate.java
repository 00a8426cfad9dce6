package io.cti.router.routing;

import io.cti.core.ids.AgentId;

import java.util.Objects;

/**
 * One agent a strategy weighed for a call, with the score it was ranked by and that score in words, such as
 * "idle 300 s" or "proficiency 17, idle 40 s". Immutable.
 */
public record Candidate(AgentId agent, double score, String scoreText) {

    public Candidate {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(scoreText, "scoreText");
    }

    @Override
    public String toString() {
        return agent + " (" + scoreText + ")";
    }
}
