package io.cti.router.agents;

import io.cti.core.ids.AgentId;
import io.cti.router.RouterException;
import io.cti.router.skills.Proficiency;
import io.cti.router.skills.Skill;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A snapshot of one agent as routing needs it: skills, teams, the phone they sit at, their state and since when,
 * and today's figures (calls handled, idle since the last call ended, talk time for the average handle time).
 * A state change returns a new snapshot, checked against {@link AgentTransitions}. Immutable and thread-safe.
 *
 * @param endpoint  the phone the agent sits at as Asterisk dials it, such as {@code PJSIP/2001}
 * @param since     when the agent entered {@code state}
 * @param idleSince when the agent's last call ended, or when they logged in if no call ended since
 * @param talkTime  total time on calls today
 */
public record Agent(AgentId id, Map<Skill, Proficiency> skills, Set<String> teams, String endpoint, AgentState state,
                    Instant since, int callsToday, Instant idleSince, Duration talkTime) {

    private static final Pattern ENDPOINT = Pattern.compile("[A-Za-z0-9]+/\\S+");

    public Agent {
        Objects.requireNonNull(id, "id");
        skills = Map.copyOf(skills);
        teams = Set.copyOf(teams);
        if (endpoint == null || !ENDPOINT.matcher(endpoint).matches()) {
            throw new IllegalArgumentException("a phone endpoint reads TECH/resource, such as PJSIP/2001: '" + endpoint + "'");
        }
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
        if (callsToday < 0) {
            throw new IllegalArgumentException("calls handled today cannot be negative: " + callsToday);
        }
        Objects.requireNonNull(idleSince, "idleSince");
        Objects.requireNonNull(talkTime, "talkTime");
    }

    /** An agent who has not logged in yet today. */
    public static Agent loggedOut(AgentId id, Map<Skill, Proficiency> skills, Set<String> teams, String endpoint, Instant at) {
        return new Agent(id, skills, teams, endpoint, AgentState.LOGGED_OUT, at, 0, at, Duration.ZERO);
    }

    /**
     * The agent in {@code next} from the clock's now on. Leaving a call counts it as handled, adds its talk time and
     * starts the idle time; logging in starts the idle time afresh, so an agent back from a day off is not "longest
     * idle". An illegal transition throws {@code illegal-agent-transition} and this snapshot stays as it was.
     */
    public Agent moveTo(AgentState next, Clock clock) {
        Objects.requireNonNull(next, "next");
        if (!AgentTransitions.allowed(state, next)) {
            throw RouterException.illegalAgentTransition(id, state, next);
        }
        Instant now = clock.instant();
        if (state instanceof AgentState.OnCall) {
            Duration talked = now.isAfter(since) ? Duration.between(since, now) : Duration.ZERO;
            return new Agent(id, skills, teams, endpoint, next, now, callsToday + 1, now, talkTime.plus(talked));
        }
        Instant idle = state instanceof AgentState.LoggedOut ? now : idleSince;
        return new Agent(id, skills, teams, endpoint, next, now, callsToday, idle, talkTime);
    }

    /**
     * The agent reserved for a call of their own, {@code call}, from Ready or Not ready (see
     * {@link AgentTransitions#allowedForOwnCall}); their idle time goes on. Otherwise throws
     * {@code illegal-agent-transition} and this snapshot stays as it was.
     */
    public Agent reservedForOwnCall(io.cti.core.ids.CallId call, Clock clock) {
        AgentState next = new AgentState.Reserved(call);
        if (!AgentTransitions.allowedForOwnCall(state, next)) {
            throw RouterException.illegalAgentTransition(id, state, next);
        }
        return new Agent(id, skills, teams, endpoint, next, clock.instant(), callsToday, idleSince, talkTime);
    }

    /** Back to Ready if the agent is in wrap-up and its time is over; otherwise this same snapshot. */
    public Agent endWrapUpIfDue(Clock clock) {
        if (state instanceof AgentState.WrapUp w && w.isOverAt(clock.instant())) {
            return moveTo(AgentState.READY, clock);
        }
        return this;
    }

    /** How long the agent has been in their current state. */
    public Duration timeInState(Clock clock) {
        Instant now = clock.instant();
        return now.isAfter(since) ? Duration.between(since, now) : Duration.ZERO;
    }

    /** Average talk time per call handled today; zero before the first call. */
    public Duration averageHandleTime() {
        return callsToday == 0 ? Duration.ZERO : talkTime.dividedBy(callsToday);
    }

    public boolean isReady() {
        return state instanceof AgentState.Ready;
    }

    /** The agent's proficiency in {@code skill}, or null if they do not have it. */
    public Proficiency proficiencyIn(Skill skill) {
        return skills.get(skill);
    }

    @Override
    public String toString() {
        return id + " " + state + " since " + since;
    }
}
