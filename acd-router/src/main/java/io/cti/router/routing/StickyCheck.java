package io.cti.router.routing;

import io.cti.core.ids.AgentId;

import java.time.Instant;

/**
 * What sticky routing found for one call: whether the customer's last agent got it, the call is held for them, or
 * why not. Immutable.
 *
 * @param agent the customer's last agent, null when there is none
 * @param until for {@link Outcome#HELD}, when the hold ends; otherwise null
 */
public record StickyCheck(Outcome outcome, AgentId agent, String agentState, Instant until) {

    /** The possible findings, each with the words the explanation uses. */
    public enum Outcome {
        /** The customer has no last agent. */
        NO_LAST_AGENT,
        /** The queue's sticky wait is zero: sticky routing is off. */
        OFF,
        /** The last agent was Ready with the skills and got the call. */
        HIT,
        /** The last agent is busy; the call waits for them until the sticky wait is over. */
        HELD,
        /** The last agent stayed busy for the whole sticky wait; the call goes to anyone. */
        GAVE_UP,
        /** The last agent lacks the skills the call needs. */
        NOT_ELIGIBLE,
        /** The last agent is logged out or unknown to the router: no point in waiting. */
        UNAVAILABLE
    }

    static final StickyCheck NONE = new StickyCheck(Outcome.NO_LAST_AGENT, null, null, null);
    static final StickyCheck OFF = new StickyCheck(Outcome.OFF, null, null, null);

    public String text() {
        return switch (outcome) {
            case NO_LAST_AGENT -> "no last agent";
            case OFF -> "sticky routing off in this queue";
            case HIT -> "last agent " + agent + " was Ready with the skills";
            case HELD -> "held for last agent " + agent + " (" + agentState + ") until " + until;
            case GAVE_UP -> "last agent " + agent + " (" + agentState + ") not Ready within the sticky wait: any agent";
            case NOT_ELIGIBLE -> "last agent " + agent + " lacks the skills";
            case UNAVAILABLE -> "last agent " + agent + " is " + agentState;
        };
    }

    @Override
    public String toString() {
        return text();
    }
}
