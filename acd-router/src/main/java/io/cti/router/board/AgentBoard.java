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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The agents' runtime states, in Redis so that every router process sees the same board and a restart forgets
 * nothing: per agent the state, since when, calls handled today, idle since, talk time, the call of a wrap-up and a
 * Not ready reason asked for while busy. The day's counts (calls, talk time) belong to the calendar day in the
 * center's zone they were written on, and read as none from the next local midnight on. Every move is checked against {@link AgentTransitions} and written with a
 * compare-and-set on the agent's revision, in one Lua script together with the ready set of {@link ReadyAgents},
 * so two routers never both move one agent and the ready set never lags the board; every change is published as
 * {@link AgentStateChanged}. A reservation made here ({@link #reserve}) moves the agent to Reserved in the same
 * script. Thread-safe.
 *
 * <p>The board remembers the last entry it read or wrote of each agent: a move decides first on that entry and
 * lets the compare-and-set tell whether it is still current (one round trip instead of two), and {@link #all()}
 * may answer from it for up to the configured age ({@code allMaxAge}), this process's own moves included.
 *
 * <pre>
 * R:board:agent:&lt;agentId&gt;  hash  state, since, calls, idleSince, talk (ms), day (of calls and talk),
 *                                wrapUpCall, afterCall, rev
 * R:board:agents           set   the agents that ever were on the board
 * </pre>
 */
public final class AgentBoard {

    private static final String RESERVATIONS = "/io/cti/router/reservations/prelude.lua";
    private static final RedisScript MOVE = RedisScript.load(RedisScript.KEYS_PRELUDE, RESERVATIONS,
            ReserveScript.BOARD_PRELUDE, "/io/cti/router/board/move.lua");
    private static final RedisScript ALL = RedisScript.load(RedisScript.KEYS_PRELUDE, "/io/cti/router/board/all.lua");
    /** A handful of retries is plenty: a conflict means another router just moved the agent, not a livelock. */
    private static final int ATTEMPTS = 8;

    private final RedisCommands<String, String> redis;
    private final RouterKeys keys;
    private final Staffing staffing;
    private final Consumer<DomainMessage> publisher;
    private final Clock clock;
    private final ZoneId zone;
    private final BoardMemory memory;
    private final Consumer<BoardEntry> moves;
    private final Consumer<AgentId> beforeMove;
    /** Moves refused as stale so far (see {@link #staleMoves}). */
    private final LongAdder stale = new LongAdder();
    /** The day of the last {@link #today()}; replaced whole, so a reader on another thread sees one consistent day. */
    private volatile Day day = Day.NONE;

    /** A board whose {@link #all()} always reads Redis, and whose days are those of {@code clock}'s zone. */
    public AgentBoard(RedisCommands<String, String> redis, RouterKeys keys, ReadyAgents ready, Staffing staffing,
                      Consumer<DomainMessage> publisher, Clock clock) {
        this(redis, keys, ready, staffing, publisher, clock, clock.getZone());
    }

    /** A board whose {@link #all()} always reads Redis, and whose days start at midnight in {@code zone}. */
    public AgentBoard(RedisCommands<String, String> redis, RouterKeys keys, ReadyAgents ready, Staffing staffing,
                      Consumer<DomainMessage> publisher, Clock clock, ZoneId zone) {
        this(redis, keys, ready, staffing, publisher, clock, zone, Duration.ZERO, entry -> { });
    }

    /**
     * @param ready     the ready set, which the move script keeps in step
     * @param zone      the call center's zone: the days (calls handled today) start at its midnight
     * @param allMaxAge how old the entries {@link #all()} answers with may be (zero: always read)
     * @param moves     told of every move this board writes, after it is written (on the mover's thread)
     */
    public AgentBoard(RedisCommands<String, String> redis, RouterKeys keys, ReadyAgents ready, Staffing staffing,
                      Consumer<DomainMessage> publisher, Clock clock, ZoneId zone, Duration allMaxAge,
                      Consumer<BoardEntry> moves) {
        this(redis, keys, ready, staffing, publisher, clock, zone, allMaxAge, moves, agent -> { });
    }

    /**
     * As above, {@code beforeMove} told of every agent about to be moved by {@link #move}, before anything is decided
     * (so that whoever sent moves of the agent without waiting can take them in first).
     */
    public AgentBoard(RedisCommands<String, String> redis, RouterKeys keys, ReadyAgents ready, Staffing staffing,
                      Consumer<DomainMessage> publisher, Clock clock, ZoneId zone, Duration allMaxAge,
                      Consumer<BoardEntry> moves, Consumer<AgentId> beforeMove) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keys = Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(ready, "ready");
        this.staffing = Objects.requireNonNull(staffing, "staffing");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.memory = new BoardMemory(allMaxAge);
        this.moves = Objects.requireNonNull(moves, "moves");
        this.beforeMove = Objects.requireNonNull(beforeMove, "beforeMove");
    }

    /** Whether the definitions know the agent (an active agent profile); no round trip. */
    public boolean knows(AgentId agent) {
        return staffing.profileOf(agent).isPresent();
    }

    /** The agent as on the board now, read from Redis (logged out if never seen); empty for an unknown agent. */
    public Optional<BoardEntry> entry(AgentId agent) {
        return staffing.profileOf(agent).map(profile -> memory.remember(BoardCodec.read(profile, hash(agent),
                clock.instant(), today())));
    }

    /**
     * Takes in an agent's hash read elsewhere in one step with other state (such as the change feed), keeping it if
     * it is not older than what this board knows; empty for an agent the definitions do not know.
     */
    public Optional<BoardEntry> learn(AgentId agent, Map<String, String> hash) {
        return staffing.profileOf(agent).map(profile -> memory.remember(BoardCodec.read(profile, hash, clock.instant(),
                today())));
    }

    /** Every known agent that ever was on the board, in any state, at most {@code allMaxAge} old. */
    public List<BoardEntry> all() {
        return allWhere(state -> true);
    }

    /**
     * The agents of {@link #all()} whose state {@code wanted} accepts, with their profiles put together for those
     * only: for the tick's scans, which look at a few agents of thousands.
     */
    public List<BoardEntry> allWhere(Predicate<AgentState> wanted) {
        today();
        if (memory.allIsStale()) {
            return readAll().stream().filter(e -> wanted.test(e.state())).toList();
        }
        List<BoardEntry> entries = new ArrayList<>();
        for (BoardEntry known : memory.onBoard()) {
            if (wanted.test(known.state())) {
                staffing.profileOf(known.agent().id()).ifPresent(p -> entries.add(BoardCodec.withProfile(known, p)));
            }
        }
        return entries;
    }

    /**
     * The agents' states on the board as {@link #all()} knows them (empty for an agent never on the board), without
     * putting their profiles together, the day and the age of what is known checked once for all the reads: counting
     * a queue's agents by state reads hundreds, several times a second.
     */
    public Function<AgentId, Optional<AgentState>> states() {
        today();
        if (memory.allIsStale()) {
            readAll();
        }
        return agent -> memory.get(agent).filter(e -> e.revision() > 0).map(BoardEntry::state);
    }

    /** Every known agent that ever was on the board, read from Redis now in one round trip. */
    public List<BoardEntry> readAll() {
        long started = System.nanoTime();
        List<Object> reply = ALL.run(redis, ScriptOutputType.MULTI, new String[] {keys.boardRoster()}, keys.root());
        Instant now = clock.instant();
        LocalDate day = today();
        List<BoardEntry> entries = new ArrayList<>(reply.size());
        for (Object item : reply) {
            List<?> pair = (List<?>) item;
            AgentId id = AgentId.of(String.valueOf(pair.get(0)));
            Map<String, String> hash = BoardCodec.pairs((List<?>) pair.get(1), 0);
            staffing.profileOf(id).ifPresent(p -> entries.add(memory.remember(BoardCodec.read(p, hash, now, day))));
        }
        memory.readAllAt(started);
        return entries;
    }

    /**
     * A move decided on the entry it starts from ({@code seen}), not written yet: the entry it writes ({@code next})
     * and the move script's arguments. Immutable.
     */
    public record PlannedMove(BoardEntry seen, BoardEntry next, boolean stateChanged, List<String> args) {

        /** Whether the move makes an agent who was not Ready Ready: routing may reserve them in the same step. */
        public boolean freesAgent() {
            return next.agent().isReady() && !seen.agent().isReady();
        }
    }

    /** How a planned move is written: {@link #write} alone, or together with the reservation routing decides. */
    @FunctionalInterface
    public interface MoveWriter {
        /** {@link BoardMove.Moved} if written, {@link BoardMove.Stale} if the agent was moved meanwhile. */
        BoardMove write(PlannedMove move);

        /**
         * As {@link #write(PlannedMove)}, for a writer that may answer before the move is written (taking its
         * answer in later): {@code retryFrom} makes the move again from the agent as found, deciding afresh, for
         * when the move then turns out stale.
         */
        default BoardMove write(PlannedMove move, Function<BoardEntry, BoardMove> retryFrom) {
            return write(move);
        }
    }

    /** What {@link #freeAndReserve} did: the move (moved or stale) and, only if it was written, the reservation. */
    public record FreedAndReserved(BoardMove move, BoardReservation reservation) {
    }

    /**
     * Moves the agent as {@code decide} says from what is on the board, deciding again on a fresh reading when
     * another router moved the agent in between. The first decision is made on the entry this board last saw: a
     * move is written only if that entry is still current, and a decision to leave the agent as they are is checked
     * against a fresh reading. Unknown agents are refused.
     */
    public BoardMove move(AgentId agent, Function<BoardEntry, BoardChange> decide) {
        return move(agent, decide, this::write);
    }

    /** As {@link #move(AgentId, Function)}, each attempt's planned move written by {@code writer}. */
    public BoardMove move(AgentId agent, Function<BoardEntry, BoardChange> decide, MoveWriter writer) {
        beforeMove.accept(agent);
        today();
        Optional<BoardEntry> known = memory.get(agent);
        Optional<AgentProfile> profile = staffing.profileOf(agent);
        if (known.isPresent() && profile.isPresent()) {
            BoardEntry seen = BoardCodec.withProfile(known.get(), profile.get());
            BoardMove move = apply(seen, decide.apply(seen), writer, retry(agent, decide, writer));
            if (move.moved()) {
                return move;
            }
            if (move instanceof BoardMove.Stale stale) {
                return movedFrom(stale.current(), agent, decide, writer);
            }
        }
        Optional<BoardEntry> seen = entry(agent);
        if (seen.isEmpty()) {
            return new BoardMove.Refused(BoardCodec.unknown(agent, clock.instant()), "no active agent " + agent);
        }
        return movedFrom(seen.get(), agent, decide, writer);
    }

    /** Decides and writes from {@code current}, again from where a failed compare-and-set found the agent. */
    private BoardMove movedFrom(BoardEntry current, AgentId agent, Function<BoardEntry, BoardChange> decide,
                                MoveWriter writer) {
        BoardEntry seen = current;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            BoardMove move = apply(seen, decide.apply(seen), writer, retry(agent, decide, writer));
            if (!(move instanceof BoardMove.Stale stale)) {
                return move;
            }
            seen = stale.current();
        }
        throw RouterException.agentBoardContended(agent, ATTEMPTS);
    }

    private Function<BoardEntry, BoardMove> retry(AgentId agent, Function<BoardEntry, BoardChange> decide,
                                                  MoveWriter writer) {
        return found -> movedFrom(found, agent, decide, writer);
    }

    /** Moves the agent to {@code next} from whatever state they are in, if the rules allow it. */
    public BoardMove moveTo(AgentId agent, AgentState next) {
        return move(agent, entry -> BoardChange.to(next));
    }

    /**
     * One compare-and-set attempt from {@code seen}: {@link BoardMove.Stale} with the agent as they are now if they
     * were moved since.
     */
    public BoardMove apply(BoardEntry seen, BoardChange change) {
        return apply(seen, change, this::write, BoardMove.Stale::new);
    }

    private BoardMove apply(BoardEntry seen, BoardChange change, MoveWriter writer,
                            Function<BoardEntry, BoardMove> retryFrom) {
        if (change.isNone()) {
            return new BoardMove.Unchanged(seen);
        }
        Agent before = seen.agent();
        Agent after = before;
        if (change.ownCall()) {
            if (!AgentTransitions.allowedForOwnCall(before.state(), change.next())) {
                return new BoardMove.Refused(seen, "cannot place a call of their own while " + before.state());
            }
            after = before.reservedForOwnCall(((AgentState.Reserved) change.next()).call(), clock);
        } else if (change.next() != null) {
            if (!AgentTransitions.allowed(before.state(), change.next())) {
                return new BoardMove.Refused(seen, "cannot go from " + before.state() + " to " + change.next());
            }
            after = before.moveTo(change.next(), clock);
        }
        CallId wrapUpCall = change.wrapUpCall() != null ? change.wrapUpCall() : seen.wrapUpCall();
        String afterCall = change.setAfterCall() ? change.afterCall()
                : settled(after.state()) ? null : seen.notReadyAfterCall();
        BoardEntry next = new BoardEntry(after, seen.revision() + 1, wrapUpCall, afterCall);
        List<String> args = new ArrayList<>(List.of(keys.root(), before.id().value(), Long.toString(seen.revision()),
                change.ownCall() ? "not-ready" : readyAction(change.next(), after), Long.toString(after.idleSince().toEpochMilli())));
        args.addAll(List.of(BoardCodec.stateFields(next, today())));
        return writer.write(new PlannedMove(seen, next, change.next() != null, List.copyOf(args)), retryFrom);
    }

    /** Writes a planned move on its own (one compare-and-set). */
    public BoardMove write(PlannedMove move) {
        return written(move, runMove(move));
    }

    /** Sends what {@link #write} writes without waiting for the answer (see {@link #sendFreeAndReserve}). */
    public MoveSent sendMove(PlannedMove move) {
        return new MoveSent(move, MOVE.runLater(redis.getStatefulConnection().async(), ScriptOutputType.MULTI,
                moveKeys(move), move.args().toArray(String[]::new)));
    }

    /** What a {@link #sendMove} did, as {@link #write} answers it, waiting for Redis's answer if it is not in yet. */
    public BoardMove takeIn(MoveSent sent) {
        return written(sent.move, MOVE.answerOf(sent.answer, () -> runMove(sent.move)));
    }

    private List<Object> runMove(PlannedMove move) {
        return MOVE.run(redis, ScriptOutputType.MULTI, moveKeys(move), move.args().toArray(String[]::new));
    }

    private String[] moveKeys(PlannedMove move) {
        AgentId id = move.seen().agent().id();
        return new String[] {keys.boardAgent(id), keys.boardRoster()};
    }

    private BoardMove written(PlannedMove move, List<Object> reply) {
        if (((Number) reply.get(0)).longValue() < 0) {
            return stale(move, reply);
        }
        moved(move.next(), move.stateChanged());
        return new BoardMove.Moved(move.seen(), move.next());
    }

    /**
     * Writes a move that frees the agent ({@link PlannedMove#freesAgent()}) and, only if it was written, reserves
     * the agent as {@link #reserve} does, in one round trip: for routing that decided on the agent as Ready before
     * the move was written. A stale move writes and reserves nothing.
     */
    public FreedAndReserved freeAndReserve(PlannedMove move, ReservationRequest request) {
        if (!move.freesAgent() || !request.agent().equals(move.seen().agent().id())) {
            throw new IllegalArgumentException("not a move that frees " + request.agent() + ": " + move.next());
        }
        Instant since = Instant.ofEpochMilli(clock.millis());
        return freedAndReserved(move, request, since, ReserveScript.runAfterMove(redis, keys, request, since,
                move.args()));
    }

    private FreedAndReserved freedAndReserved(PlannedMove move, ReservationRequest request, Instant since,
                                              ReserveScript.Answer answer) {
        if (answer.staleAgent() != null) {
            return new FreedAndReserved(stale(move, answer.staleAgent()), null);
        }
        moved(move.next(), move.stateChanged());
        BoardMove moved = new BoardMove.Moved(move.seen(), move.next());
        if (answer.refusal() != null) {
            return new FreedAndReserved(moved, new BoardReservation.Refused(answer.refusal()));
        }
        BoardEntry after = reservedEntry(request.agent(), request.call(), since, answer.revision());
        moved(after, true);
        return new FreedAndReserved(moved, new BoardReservation.Granted(answer.reservation(), after));
    }

    /**
     * Sends what {@link #freeAndReserve} writes, in one script, without waiting for the answer: Redis runs it after
     * everything sent on the connection before and before everything sent after. Until {@link #takeIn} the board
     * remembers the agent as before the move (a move decided meanwhile on that entry would find out in Redis that it
     * is stale, as after another router's move; the flow takes the answer in before it moves the agent again).
     */
    public FreeingSent sendFreeAndReserve(PlannedMove move, ReservationRequest request) {
        if (!move.freesAgent() || !request.agent().equals(move.seen().agent().id())) {
            throw new IllegalArgumentException("not a move that frees " + request.agent() + ": " + move.next());
        }
        Instant since = Instant.ofEpochMilli(clock.millis());
        return new FreeingSent(move, request, since, ReserveScript.runAfterMoveLater(
                redis.getStatefulConnection().async(), keys, request, since, move.args()));
    }

    /**
     * What a {@link #sendFreeAndReserve} did, as {@link #freeAndReserve} answers it, waiting for Redis's answer if
     * it is not in yet; the board remembers, tells and publishes it now. A script the server did not know (it was
     * restarted or flushed meanwhile) is run again in full, after whatever was sent since (the flow sends nothing about
     * the same agent before it takes this answer in, and the call was the decision's alone).
     */
    public FreedAndReserved takeIn(FreeingSent sent) {
        return freedAndReserved(sent.move, sent.request, sent.since, ReserveScript.answerOf(sent.answer,
                () -> ReserveScript.runAfterMove(redis, keys, sent.request, sent.since, sent.move.args())));
    }

    /**
     * Moves this board sent that Redis refused as stale so far: another process had moved the agent since this board
     * last saw them, so the move was decided again and sent once more (a round trip more each).
     */
    public long staleMoves() {
        return stale.sum();
    }

    /** The agent as the failed compare-and-set found them ({@code reply}: -1, then their hash's pairs). */
    private BoardMove stale(PlannedMove move, List<Object> reply) {
        stale.increment();
        BoardEntry seen = move.seen();
        Map<String, String> hash = BoardCodec.pairs(reply, 1);
        Optional<AgentProfile> profile = staffing.profileOf(seen.agent().id());
        if (profile.isEmpty()) {
            return new BoardMove.Refused(seen, "no active agent " + seen.agent().id());
        }
        return new BoardMove.Stale(memory.remember(BoardCodec.read(profile.get(), hash, clock.instant(), today())));
    }

    /**
     * Reserves the agent for the call as {@link io.cti.router.reservations.Reservations#reserve} does, but only
     * while the agent is Ready on the board, and in the same step moves them to Reserved and files the request's
     * fields (and the token) in the call's record: one round trip, and no router ever sees the reservation without
     * the board or the board without the reservation. A refusal changes nothing.
     */
    public BoardReservation reserve(ReservationRequest request) {
        Instant since = Instant.ofEpochMilli(clock.millis());
        ReserveScript.Answer answer = ReserveScript.run(redis, keys, request, since);
        if (answer.refusal() != null) {
            return new BoardReservation.Refused(answer.refusal());
        }
        BoardEntry after = reservedEntry(request.agent(), request.call(), since, answer.revision());
        moved(after, true);
        return new BoardReservation.Granted(answer.reservation(), after);
    }

    /** The center's date now; what the board remembers of another day is forgotten. */
    private LocalDate today() {
        Instant now = clock.instant();
        Day day = this.day;
        if (!day.holds(now)) {
            day = Day.of(now, zone);
            this.day = day;
        }
        memory.dayIs(day.date());
        return day.date();
    }

    /**
     * A day in the centre's zone and the instants it spans: most calls of {@link #today()} fall within the day of
     * the one before, and knowing that costs two comparisons, not a time-zone conversion (it runs several times per
     * routing decision).
     */
    private record Day(LocalDate date, Instant start, Instant end) {

        static final Day NONE = new Day(LocalDate.MIN, Instant.MAX, Instant.MIN);

        static Day of(Instant at, ZoneId zone) {
            LocalDate date = at.atZone(zone).toLocalDate();
            return new Day(date, date.atStartOfDay(zone).toInstant(), date.plusDays(1).atStartOfDay(zone).toInstant());
        }

        boolean holds(Instant at) {
            return !at.isBefore(start) && at.isBefore(end);
        }
    }

    /** Publishes the agent's state as it is, such as the answer to a refused request. */
    public void announce(BoardEntry entry) {
        publisher.accept(changed(entry));
    }

    /** The entry the reservation script wrote, from what this board knew just before, else read afresh. */
    private BoardEntry reservedEntry(AgentId agent, CallId call, Instant since, long revision) {
        today();
        Optional<BoardEntry> before = memory.get(agent).filter(e -> e.revision() == revision - 1);
        Optional<AgentProfile> profile = staffing.profileOf(agent);
        if (before.isEmpty() || profile.isEmpty()) {
            return entry(agent).orElseThrow(() -> RouterException.noSuchAgent(agent.value()));
        }
        Agent a = BoardCodec.withProfile(before.get(), profile.get()).agent();
        Agent reserved = new Agent(a.id(), a.skills(), a.teams(), a.endpoint(), new AgentState.Reserved(call), since,
                a.callsToday(), a.idleSince(), a.talkTime());
        return new BoardEntry(reserved, revision, before.get().wrapUpCall(), before.get().notReadyAfterCall());
    }

    private void moved(BoardEntry next, boolean stateChanged) {
        memory.remember(next);
        moves.accept(next);
        if (stateChanged) {
            publisher.accept(changed(next));
        }
    }

    /** What the ready set does with the move: Ready joins it, Reserved leaves it to the reservation, others leave it. */
    private static String readyAction(AgentState next, Agent after) {
        if (next == null) {
            return "keep";
        }
        if (after.state() instanceof AgentState.Ready) {
            return "ready";
        }
        return after.state() instanceof AgentState.Reserved ? "keep" : "not-ready";
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
            return redis.hgetall(keys.boardAgent(agent));
        } catch (RedisException e) {
            throw RouterException.routerStateUnavailable("reading agent " + agent, e);
        }
    }
}
