package io.cti.router.board;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.messages.AgentStateChanged;
import io.cti.core.messages.DomainMessage;
import io.cti.core.messages.MessageId;
import io.cti.router.RouterException;
import io.cti.router.agents.Agent;
import io.cti.router.agents.AgentState;
import io.cti.router.agents.AgentTransitions;
import io.cti.router.reservations.ReadyAgents;
import io.cti.router.staff.AgentProfile;
import io.cti.router.waiting.RedisScript;
import io.cti.router.waiting.RouterKeys;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The agents' runtime states, in Redis so that every router process sees the same board and a restart forgets
 * nothing: per agent the state, since when, calls handled today, idle since, talk time, the call of a wrap-up and a
 * Not ready reason asked for while busy. The day's counts (calls, talk time) belong to the calendar day in the
 * center's zone they were written on, and read as none from the next local midnight on. Every move is checked against {@link AgentTransitions} and written with a
 * compare-and-set on the agent's revision (one Lua script), so two routers never both move one agent; the ready set
 * of {@link ReadyAgents} is kept in step and every change is published as {@link AgentStateChanged}. Thread-safe.
 *
 * <pre>
 * R:board:agent:&lt;agentId&gt;  hash  state, since, calls, idleSince, talk (ms), day (of calls and talk),
 *                                wrapUpCall, afterCall, rev
 * R:board:agents           set   the agents that ever were on the board
 * </pre>
 */
public final class AgentBoard {

    private static final Logger LOG = LoggerFactory.getLogger(AgentBoard.class);
    private static final RedisScript MOVE = RedisScript.load("/io/cti/router/board/move.lua");
    /** A handful of retries is plenty: a conflict means another router just moved the agent, not a livelock. */
    private static final int ATTEMPTS = 8;

    private final RedisCommands<String, String> redis;
    private final RouterKeys keys;
    private final ReadyAgents ready;
    private final Staffing staffing;
    private final Consumer<DomainMessage> publisher;
    private final Clock clock;
    private final ZoneId zone;

    /** A board whose days are those of {@code clock}'s zone. */
    public AgentBoard(RedisCommands<String, String> redis, RouterKeys keys, ReadyAgents ready, Staffing staffing,
                      Consumer<DomainMessage> publisher, Clock clock) {
        this(redis, keys, ready, staffing, publisher, clock, clock.getZone());
    }

    /** A board whose days (calls handled today) start at midnight in {@code zone}, the call center's. */
    public AgentBoard(RedisCommands<String, String> redis, RouterKeys keys, ReadyAgents ready, Staffing staffing,
                      Consumer<DomainMessage> publisher, Clock clock, ZoneId zone) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.ready = Objects.requireNonNull(ready, "ready");
        this.staffing = Objects.requireNonNull(staffing, "staffing");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** The agent as on the board (logged out if never seen); empty for an unknown or deactivated agent. */
    public Optional<BoardEntry> entry(AgentId agent) {
        return staffing.profileOf(agent).map(profile -> read(profile, hash(agent)));
    }

    /** Every known agent that ever was on the board, in any state. */
    public List<BoardEntry> all() {
        Set<String> ids;
        try {
            ids = redis.smembers(roster());
        } catch (RedisException e) {
            throw RouterException.routerStateUnavailable("reading the agent board", e);
        }
        List<BoardEntry> entries = new ArrayList<>(ids.size());
        for (String id : ids) {
            entry(AgentId.of(id)).ifPresent(entries::add);
        }
        return entries;
    }

    /**
     * Moves the agent as {@code decide} says from what is on the board now, re-reading and deciding again when
     * another router moved the agent in between. Unknown agents are refused.
     */
    public BoardMove move(AgentId agent, Function<BoardEntry, BoardChange> decide) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<BoardEntry> seen = entry(agent);
            if (seen.isEmpty()) {
                return new BoardMove.Refused(unknown(agent), "no active agent " + agent);
            }
            BoardMove move = apply(seen.get(), decide.apply(seen.get()));
            if (!(move instanceof BoardMove.Stale)) {
                return move;
            }
        }
        throw RouterException.agentBoardContended(agent, ATTEMPTS);
    }

    /** Moves the agent to {@code next} from whatever state they are in, if the rules allow it. */
    public BoardMove moveTo(AgentId agent, AgentState next) {
        return move(agent, entry -> BoardChange.to(next));
    }

    /** One compare-and-set attempt from {@code seen}: {@link BoardMove.Stale} if the agent was moved since. */
    public BoardMove apply(BoardEntry seen, BoardChange change) {
        if (change.isNone()) {
            return new BoardMove.Unchanged(seen);
        }
        Agent before = seen.agent();
        Agent after = before;
        if (change.next() != null) {
            if (!AgentTransitions.allowed(before.state(), change.next())) {
                return new BoardMove.Refused(seen, "cannot go from " + before.state() + " to " + change.next());
            }
            after = before.moveTo(change.next(), clock);
        }
        CallId wrapUpCall = change.wrapUpCall() != null ? change.wrapUpCall() : seen.wrapUpCall();
        String afterCall = change.setAfterCall() ? change.afterCall()
                : settled(after.state()) ? null : seen.notReadyAfterCall();
        BoardEntry next = new BoardEntry(after, seen.revision() + 1, wrapUpCall, afterCall);
        Long written = MOVE.run(redis, ScriptOutputType.INTEGER, new String[] {agentKey(before.id()), roster()},
                fields(before.id(), seen.revision(), next, today()));
        if (written < 0) {
            return new BoardMove.Stale(seen);
        }
        if (change.next() != null) {
            keepReadySetInStep(after);
            publisher.accept(changed(next));
        }
        return new BoardMove.Moved(seen, next);
    }

    /** Publishes the agent's state as it is, such as the answer to a refused request. */
    public void announce(BoardEntry entry) {
        publisher.accept(changed(entry));
    }

    private void keepReadySetInStep(Agent after) {
        if (after.state() instanceof AgentState.Ready) {
            ready.markReady(after.id(), after.idleSince());
        } else if (!(after.state() instanceof AgentState.Reserved)) {
            // Reserved: the reservation script took the agent out of the ready set itself.
            ready.markNotReady(after.id());
        }
    }

    /** Once the agent is Ready, Not ready or gone, an earlier "Not ready after the call" no longer applies. */
    private static boolean settled(AgentState state) {
        return state instanceof AgentState.Ready || state instanceof AgentState.NotReady
                || state instanceof AgentState.LoggedOut;
    }

    private AgentStateChanged changed(BoardEntry entry) {
        Agent agent = entry.agent();
        String reason = agent.state() instanceof AgentState.NotReady n ? n.reason() : "";
        Instant wrapUpEnds = agent.state() instanceof AgentState.WrapUp w ? w.endsAt() : null;
        return new AgentStateChanged(MessageId.random(), clock.instant(), agent.id(), StateCodec.status(agent.state()),
                reason, agent.since(), entry.call().orElse(null), wrapUpEnds);
    }

    private Map<String, String> hash(AgentId agent) {
        try {
            return redis.hgetall(agentKey(agent));
        } catch (RedisException e) {
            throw RouterException.routerStateUnavailable("reading agent " + agent, e);
        }
    }

    private BoardEntry read(AgentProfile profile, Map<String, String> hash) {
        String endpoint = profile.endpoint().toString();
        Set<String> teams = new HashSet<>(profile.teams());
        if (hash.isEmpty()) {
            return new BoardEntry(Agent.loggedOut(profile.id(), profile.skills(), teams, endpoint, clock.instant()),
                    0, null, null);
        }
        try {
            // Counts of an earlier day (or written before days were kept) are not today's.
            boolean today = today().toString().equals(hash.get("day"));
            Agent agent = new Agent(profile.id(), profile.skills(), teams, endpoint, StateCodec.read(hash.get("state")),
                    millis(hash.get("since")), today ? Integer.parseInt(hash.get("calls")) : 0,
                    millis(hash.get("idleSince")),
                    today ? Duration.ofMillis(Long.parseLong(hash.get("talk"))) : Duration.ZERO);
            String call = hash.getOrDefault("wrapUpCall", "");
            String afterCall = hash.getOrDefault("afterCall", "");
            return new BoardEntry(agent, Long.parseLong(hash.get("rev")), call.isEmpty() ? null : CallId.of(call),
                    afterCall.isEmpty() ? null : afterCall);
        } catch (RuntimeException e) {
            // A damaged entry must not take routing down; the agent starts over as logged out.
            LOG.warn("agent {} has an unreadable board entry ({}); treating them as logged out", profile.id(), e.toString());
            long revision = hash.containsKey("rev") ? Long.parseLong(hash.get("rev")) : 0;
            return new BoardEntry(Agent.loggedOut(profile.id(), profile.skills(), teams, endpoint, clock.instant()),
                    revision, null, null);
        }
    }

    private BoardEntry unknown(AgentId agent) {
        return new BoardEntry(Agent.loggedOut(agent, Map.of(), Set.of(), "Unknown/" + agent.value(), clock.instant()),
                0, null, null);
    }

    private LocalDate today() {
        return clock.instant().atZone(zone).toLocalDate();
    }

    private static String[] fields(AgentId agent, long expected, BoardEntry next, LocalDate day) {
        Agent a = next.agent();
        return new String[] {agent.value(), Long.toString(expected),
                "state", StateCodec.write(a.state()), "since", Long.toString(a.since().toEpochMilli()),
                "calls", Integer.toString(a.callsToday()), "idleSince", Long.toString(a.idleSince().toEpochMilli()),
                "talk", Long.toString(a.talkTime().toMillis()), "day", day.toString(),
                "wrapUpCall", next.wrapUpCall() == null ? "" : next.wrapUpCall().value(),
                "afterCall", next.notReadyAfterCall() == null ? "" : next.notReadyAfterCall()};
    }

    private static Instant millis(String text) {
        return Instant.ofEpochMilli(Long.parseLong(text));
    }

    private String agentKey(AgentId agent) {
        return keys.root() + "board:agent:" + agent.value();
    }

    private String roster() {
        return keys.root() + "board:agents";
    }
}
