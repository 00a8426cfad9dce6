package io.cti.router.calls;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.router.board.AgentBoard;
import io.cti.router.board.BoardEntry;
import io.cti.router.board.BoardMove;
import io.cti.router.board.FreeingSent;
import io.cti.router.board.MoveSent;
import io.cti.router.board.ReservationRequest;
import io.cti.router.queues.QueueDefinition;
import io.cti.router.routing.CustomerFacts;
import io.cti.router.routing.LaneCounts;
import io.cti.router.routing.PriorityPolicy;
import io.cti.router.routing.RoundRobinMemory;
import io.cti.router.routing.Router;
import io.cti.router.routing.RoutingDecision;
import io.cti.router.routing.RoutingSnapshot;
import io.cti.router.routing.WaitExplanation;
import io.cti.router.routing.WaitingCall;
import io.cti.router.waiting.ChangeFeed;
import io.cti.router.waiting.QueuedCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Routes with one routing board per router process, kept in step with Redis instead of rebuilt per event: read in
 * full at the first use, after a definitions change, when the change feed lost entries, and every
 * {@code boardResync}; in between fed with what this process did (calls queued here, agents this process moved)
 * and with what the change feed says the other processes did. Each step routes what the change allows; the board's
 * decisions are only proposals, each reserved in Redis ({@link Connections}), the one authority on who gets whom;
 * the {@link CallConnector} then chooses how a reserved call is connected (a callback rings the agent first). In a
 * handling that allows it, a freed agent's move and reservation are sent without waiting for Redis's answer, which is
 * taken in later ({@link ReservationsInFlight}): the desk goes on as if the move were written, the board holds the
 * call as routed, and a refusal or a stale move is put right when the answer comes.
 * A step that connects nothing reads the change feed before giving up, so a call queued by another router reaches
 * an agent freed here and the other way round, unless a follower read the feed to its end a moment ago and has not
 * given way since ({@link #followed}): it reads again within its round, off the handling's time. Why a call waits
 * is worked out when asked, or for a few calls per tick. Not thread-safe: the flow calls it under its lock, except
 * {@link #readAhead}, which only touches Redis (and the change feed's own position), and {@link #followed}, which
 * run without it.
 */
final class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    /**
     * Entries of the change feed read per round trip. A step that connected nothing reads one batch (unless a follower
     * just did); the tick and the follower read batch after batch, letting messages in between, until they are through.
     */
    private static final int FEED_BATCH = 100;
    /** How old the agents counted for a lane's wait reason may get (a filed reason is renewed every 10 s anyway). */
    static final Duration LANE_COUNTS_MAX_AGE = Duration.ofSeconds(5);
    /**
     * Lanes whose agents one part of the wait reasons may count: a count walks the agents of the lane's skills and
     * takes milliseconds at thousands of agents, under the flow's lock (a probe at 1,000 decisions/s saw parts of
     * 24-34 ms, each counting the lanes of up to five calls). The rest of the part's calls wait for the next part.
     */
    static final int LANES_PER_PART = 1;
    /**
     * How recent a follower's reading of the change feed to its end spares a step that connected nothing its own
     * reading: ten of the follower's default rounds, so a step leaves the feed to a follower that keeps up, and reads
     * it as before without a follower, with one that stalled or is set to read seldom, or while it gives way to
     * scripts in flight ({@link #notFollowing}).
     */
    static final Duration FOLLOWED_RECENTLY = Duration.ofMillis(200);

    private final FlowParts parts;
    private final AgentBoard board;
    private final Definitions definitions;
    private final PriorityPolicy policy;
    private final RoundRobinStore roundRobin;
    private final Router router;
    private final ChangeFeed feed;
    private final Queue<BoardEntry> moves;
    private final Connections connections;
    private final ReservationsInFlight inFlight;

    /** Null until read, and after a failure left it unsure. */
    private RoutingState state;
    /**
     * When a follower last read the change feed to its end, by the flow's clock; null: never, or it gave way since.
     * Written without the lock.
     */
    private volatile Instant followedAt;
    /** A move that frees an agent, shown to the board but not written yet: written with the agent's reservation. */
    private AgentBoard.PlannedMove freeing;
    /**
     * What is done with {@link #freeing} if it turns out not written once its answer is taken in; null: never sent
     * without waiting.
     */
    private Consumer<BoardMove> freeingRedo;
    /**
     * What became of {@link #freeing} once written with a reservation (answered as written when sent without
     * waiting); null while not written.
     */
    private BoardMove freeingWritten;
    /** The agents counted per lane for wait reasons, and when; null until counted, and after the board is read. */
    private LaneCounts laneCounts;
    private Instant laneCountedAt = Instant.MIN;
    /** Whether the last read of the change feed stopped at its batch limit. */
    private boolean feedBehind;
    private long definitionsVersion;
    private Instant loadedAt;
    private LocalDate loadedOn;
    private RoundRobinMemory savedMemory = RoundRobinMemory.empty();

    Dispatcher(FlowParts parts, AgentBoard board, Queue<BoardEntry> moves, Definitions definitions,
               RoundRobinStore roundRobin, PopCards pops) {
        this(parts, board, moves, definitions, roundRobin, pops, CallConnector.DIRECT);
    }

    /** With {@code connector} choosing the command that connects a routed call (a callback calls back). */
    Dispatcher(FlowParts parts, AgentBoard board, Queue<BoardEntry> moves, Definitions definitions,
               RoundRobinStore roundRobin, PopCards pops, CallConnector connector) {
        this.parts = parts;
        this.board = board;
        this.moves = moves;
        this.definitions = definitions;
        this.policy = new PriorityPolicy(parts.settings().priority());
        this.roundRobin = roundRobin;
        this.router = new Router(new Random(parts.settings().randomSeed()));
        this.feed = ChangeFeed.on(parts.redis(), parts.keys());
        this.connections = new Connections(parts, board, definitions, pops, connector);
        this.inFlight = parts.inFlight();
    }

    /**
     * The dispatcher as a desk's move writer: a move that frees an agent is written with their reservation. In a
     * handling that may overlap, the move is sent without waiting and answered as written; if it turns out stale when
     * taken in, it is made again afresh as a follow-up (before the next message, or before the agent is moved again),
     * and what that move did goes to {@code afterRetry} (for the desk to do what it does after a move).
     */
    AgentBoard.MoveWriter writer(Consumer<BoardMove> afterRetry) {
        return new AgentBoard.MoveWriter() {
            @Override
            public BoardMove write(AgentBoard.PlannedMove move) {
                return Dispatcher.this.write(move, null);
            }

            @Override
            public BoardMove write(AgentBoard.PlannedMove move, Function<BoardEntry, BoardMove> retryFrom) {
                return Dispatcher.this.write(move, outcome -> afterRetry.accept(
                        outcome instanceof BoardMove.Stale stale ? retryFrom.apply(stale.current()) : outcome));
            }
        };
    }

    /** Where the agents this process moves are told to the dispatcher. */
    static Queue<BoardEntry> movesQueue() {
        return new ConcurrentLinkedQueue<>();
    }

    PriorityPolicy policy() {
        return policy;
    }

    /** A call was queued by this process: it joins the board, and is routed if an agent can take it now. */
    int queued(QueuedCall call) {
        return step(now -> state.callWaits(waitingCall(call, definitions.queues()), now), false);
    }

    /**
     * Writes a planned move of an agent; a move that frees the agent is first shown to the board, and if the board
     * gives the agent a call, written together with that call's reservation in one script (one round trip, not
     * two). Whatever the freed agent allows is routed.
     */
    BoardMove write(AgentBoard.PlannedMove move) {
        return write(move, null);
    }

    /**
     * As {@link #write(AgentBoard.PlannedMove)}; in a handling that may overlap ({@link ReservationsInFlight}), the
     * move (and a freed agent's reservation) is sent without waiting and answered as written, and if it turns out not
     * written, {@code redo} is given what became of it once taken in (null: never sent without waiting).
     */
    BoardMove write(AgentBoard.PlannedMove move, Consumer<BoardMove> redo) {
        AgentId agent = move.seen().agent().id();
        if (!move.freesAgent() && redo != null && inFlight.mayOverlap()) {
            // Such as a Ready asked for during a call, decided on a board a moment behind another router.
            inFlight.makeRoom();
            MoveSent sent = board.sendMove(move);
            inFlight.add(agent, sent::answered, () -> {
                BoardMove outcome = takeIn(sent);
                if (!outcome.moved()) {
                    inFlight.afterHandling(agent, () -> redo.accept(outcome));
                }
            });
            return new BoardMove.Moved(move.seen(), move.next());
        }
        if (!move.freesAgent()) {
            return board.write(move);
        }
        freeing = move;
        freeingRedo = redo;
        freeingWritten = null;
        try {
            step(now -> state.agentSeen(move.next(), now), false);
        } finally {
            freeing = null;
            freeingRedo = null;
        }
        if (freeingWritten != null) {
            return freeingWritten;
        }
        // The board had no call for the agent (or read itself afresh meanwhile): the move alone.
        BoardMove written = board.write(move);
        step(now -> written instanceof BoardMove.Stale stale
                ? state.agentCorrected(stale.current(), now) : List.of(), false, false);
        return written;
    }

    /**
     * Routes what the changes since the last step allow: the agents this process moved, the overflow steps and
     * sticky holds now due, and, if that connects nothing, what the change feed tells (unless a follower just read
     * it). {@code explain} is for the tick: the feed is read to its end and the round-robin memory saved (the wait
     * reasons are filed apart).
     */
    int tryRoute(boolean explain) {
        int connected = step(now -> List.of(), explain);
        if (explain && state != null) {
            saveRoundRobin();
        }
        return connected;
    }

    /**
     * The reasons of at most {@code limit} waiting calls whose filed reason is due, for the flow to write. The tick
     * works out its round in parts, each under the flow's lock on its own, and files each part's reasons after the
     * lock is released; it stops at the first part that finds none. The agents counted per lane ("no agent: 3 busy,
     * 1 on a break") are kept for {@link #LANE_COUNTS_MAX_AGE}, across parts and ticks: counting them is most of the
     * cost.
     */
    Map<CallId, Map<String, String>> waitReasonsDue(int limit) {
        if (state == null || limit <= 0) {
            return Map.of();
        }
        Instant now = parts.clock().instant();
        if (laneCounts == null || !now.isBefore(laneCountedAt.plus(LANE_COUNTS_MAX_AGE))
                || now.isBefore(laneCountedAt)) {
            laneCounts = LaneCounts.fresh();
            laneCountedAt = now;
        }
        LaneCounts counts = laneCounts;
        Map<CallId, Map<String, String>> reasons = new LinkedHashMap<>();
        for (WaitExplanation wait : state.dueReasons(now, parts.settings().explanationMaxAge(), limit, counts,
                LANES_PER_PART)) {
            reasons.put(wait.call(), Map.of(CallLedger.WAIT_REASON, wait.text()));
        }
        return reasons;
    }

    /**
     * Reads one batch of the change feed, without the flow's lock: the tick and the follower read while messages are
     * handled, and take the batch in with {@link #catchUp} under the lock.
     */
    ChangeFeed.Batch readAhead() {
        return feed.read(FEED_BATCH);
    }

    /**
     * Takes in a batch read ahead and routes what it allows; true if more changes wait. A batch read from a position
     * that moved since (a handling read the feed, or the board was read in full) is stale and dropped: then true, to
     * read again. The tick and the follower call it until the feed is through, each call under the flow's lock on its
     * own.
     */
    boolean catchUp(ChangeFeed.Batch batch) {
        if (state != null && !feed.isAt(batch)) {
            // Read from a position another reader moved since: read again, without a step for nothing.
            return true;
        }
        step(now -> List.of(), false, false);
        if (state == null) {
            return false;
        }
        if (!feed.advance(batch)) {
            return true;
        }
        Instant now = parts.clock().instant();
        forgetBoardOnFailure(() -> connect(learned(batch.changes(), now), now));
        return feedBehind;
    }

    /**
     * A follower read the change feed to its end just now (with or without the lock): for
     * {@link #FOLLOWED_RECENTLY}, a step that connects nothing leaves the feed to it instead of reading it on the
     * handling's time.
     */
    void followed() {
        followedAt = parts.clock().instant();
    }

    /** The follower gave a round up (scripts were in flight): the steps read the feed themselves again. */
    void notFollowing() {
        followedAt = null;
    }

    private boolean followedRecently(Instant now) {
        Instant at = followedAt;
        return at != null && !now.isBefore(at) && now.isBefore(at.plus(FOLLOWED_RECENTLY));
    }

    /** Why {@code call} waits now, if it waits; the board is brought up to date first. */
    Optional<WaitExplanation> whyWaiting(CallId call) {
        step(now -> List.of(), true);
        return state == null ? Optional.empty() : state.whyWaiting(call, parts.clock().instant());
    }

    /** {@code catchingUp}: read the change feed to its end, not only one batch when nothing was connected. */
    private int step(Function<Instant, List<RoutingDecision>> change, boolean catchingUp) {
        return step(change, catchingUp, true);
    }

    /** {@code learning}: read the change feed when nothing was connected. */
    private int step(Function<Instant, List<RoutingDecision>> change, boolean catchingUp, boolean learning) {
        Instant now = parts.clock().instant();
        return forgetBoardOnFailure(() -> {
            if (needsLoading(now)) {
                load(now);
            }
            List<RoutingDecision> decisions = new ArrayList<>(applyMoves(now));
            decisions.addAll(change.apply(now));
            decisions.addAll(state.due(now));
            int connected = connect(decisions, now);
            if (state != null && (catchingUp || connected == 0 && learning && !followedRecently(now))) {
                connected += learn(now, catchingUp ? Integer.MAX_VALUE : 1);
            }
            return connected;
        });
    }

    /** Runs {@code work} on the board; if it fails, the board is read afresh next time. */
    private int forgetBoardOnFailure(IntSupplier work) {
        try {
            return work.getAsInt();
        } catch (RuntimeException e) {
            // The board may be out of step with what was written before the failure.
            state = null;
            throw e;
        }
    }

    private boolean needsLoading(Instant now) {
        return state == null || definitions.version() != definitionsVersion
                || Duration.between(loadedAt, now).compareTo(parts.settings().boardResync()) > 0
                // A new day in the centre's zone: the agents' calls today start again from none (fewest calls).
                || !dayOf(now).equals(loadedOn);
    }

    private LocalDate dayOf(Instant at) {
        return at.atZone(parts.settings().zone()).toLocalDate();
    }

    /** Reads the board in full: the feed's position first, so nothing that changes while reading is missed. */
    private void load(Instant now) {
        long started = System.nanoTime();
        feed.startHere();
        moves.clear();
        long version = definitions.version();
        List<QueueDefinition> queues = definitions.queues();
        List<BoardEntry> entries = board.readAll();
        List<WaitingCall> calls = new ArrayList<>();
        for (QueueDefinition queue : queues) {
            for (QueuedCall call : parts.waiting().heads(queue.name(), Integer.MAX_VALUE)) {
                calls.add(waitingCall(call, queues));
            }
        }
        RoundRobinMemory memory = roundRobin.load();
        RoutingSnapshot snapshot = new RoutingSnapshot(queues, entries.stream().map(BoardEntry::agent).toList(),
                calls, memory);
        state = new RoutingState(router.board(snapshot, now), entries, calls);
        laneCounts = null;
        savedMemory = memory;
        definitionsVersion = version;
        loadedAt = now;
        loadedOn = dayOf(now);
        LOG.info("routing board read from Redis: {} calls waiting in {} queues, {} agents, in {} ms", calls.size(),
                queues.size(), entries.size(), (System.nanoTime() - started) / 1_000_000);
    }

    /** The agents this process moved since the last step, the last move of each, in the order of those moves. */
    private List<RoutingDecision> applyMoves(Instant now) {
        Map<AgentId, BoardEntry> latest = new LinkedHashMap<>();
        BoardEntry entry;
        while ((entry = moves.poll()) != null) {
            latest.remove(entry.agent().id());
            latest.put(entry.agent().id(), entry);
        }
        List<RoutingDecision> decisions = new ArrayList<>();
        for (BoardEntry moved : latest.values()) {
            decisions.addAll(state.agentSeen(moved, now));
        }
        return decisions;
    }

    /**
     * Reads what changed elsewhere, at most {@code batches} batches, routing what each batch allows. What the board
     * already holds as it is (this process's own changes coming back) is passed over.
     */
    private int learn(Instant now, int batches) {
        int connected = 0;
        int read = 0;
        do {
            ChangeFeed.Changes changes = feed.next(FEED_BATCH);
            read++;
            connected += connect(learned(changes, now), now);
        } while (feedBehind && state != null && read < batches);
        return connected;
    }

    /**
     * What one batch of the change feed changes on the board, and the decisions that allows; a gap in the feed has
     * the board read in full instead.
     */
    private List<RoutingDecision> learned(ChangeFeed.Changes changes, Instant now) {
        if (changes.gap()) {
            LOG.warn("the change feed was trimmed past what this router had read; reading the routing board again");
            load(now);
            feedBehind = false;
            return state.due(now);
        }
        List<RoutingDecision> decisions = new ArrayList<>();
        changes.agents().forEach((id, hash) -> board.learn(id, hash)
                .ifPresent(entry -> decisions.addAll(state.agentSeen(entry, now))));
        changes.notWaiting().forEach(state::forget);
        List<QueueDefinition> queues = definitions.queues();
        for (QueuedCall call : changes.waiting()) {
            if (!state.holdsAsIs(call)) {
                decisions.addAll(state.callWaits(waitingCall(call, queues), now));
            }
        }
        feedBehind = changes.more();
        return decisions;
    }

    /**
     * Reserves and connects the decisions in order. A refusal means another router was faster or the call or agent
     * moved on: the side that is gone leaves the board, the other side is offered again, and what that allows is
     * tried next. Every refusal takes a call or an agent out of the running, so this ends.
     */
    private int connect(List<RoutingDecision> decisions, Instant now) {
        Deque<RoutingDecision> work = new ArrayDeque<>(decisions);
        int connected = 0;
        boolean reloaded = false;
        while (!work.isEmpty()) {
            RoutingDecision decision = work.poll();
            WaitingCall call = state.call(decision.call()).orElse(null);
            Connections.Outcome outcome;
            if (freeing != null && freeing.seen().agent().id().equals(decision.agent()) && freeingRedo != null
                    && inFlight.mayOverlap()) {
                AgentBoard.PlannedMove move = freeing;
                freeing = null;
                if (send(decision, call, move)) {
                    connected++;
                    continue;
                }
                outcome = new Connections.QueueUnknown();
            } else if (freeing != null && freeing.seen().agent().id().equals(decision.agent())) {
                AgentBoard.PlannedMove move = freeing;
                freeing = null;
                outcome = connections.connect(decision, call, request -> {
                    AgentBoard.FreedAndReserved done = board.freeAndReserve(move, request);
                    freeingWritten = done.move();
                    return done.reservation();
                });
                if (freeingWritten instanceof BoardMove.Stale stale) {
                    // Moved by another router since: the agent as found, and the call offered again.
                    work.addAll(state.agentCorrected(stale.current(), now));
                    work.addAll(state.callBackInLine(decision.call(), now));
                    continue;
                }
            } else {
                outcome = connections.connect(decision, call);
            }
            if (outcome instanceof Connections.Connected) {
                connected++;
            }
            if (!(outcome instanceof Connections.QueueUnknown)) {
                work.addAll(settled(decision, outcome, now));
            } else if (!reloaded) {
                LOG.info("{} names a queue the definitions no longer have; reading the routing board again", decision);
                reloaded = true;
                load(now);
                work.clear();
                work.addAll(state.due(now));
            } else {
                LOG.warn("the queue definitions changed twice while routing; routing again at the next step");
                state = null;
                return connected;
            }
        }
        return connected;
    }

    /**
     * The board after what became of {@code decision} ({@code outcome}, not {@link Connections.QueueUnknown}): a
     * refusal takes the side that is gone off the board and offers the other again; the decisions that allows.
     */
    private List<RoutingDecision> settled(RoutingDecision decision, Connections.Outcome outcome, Instant now) {
        if (outcome instanceof Connections.Connected) {
            state.connected(decision.call());
            return List.of();
        }
        if (outcome instanceof Connections.CallGone) {
            state.forget(decision.call());
            return state.agentFreeAgain(decision.agent(), now);
        }
        List<RoutingDecision> next = new ArrayList<>();
        if (outcome instanceof Connections.AgentTaken taken) {
            taken.agent().ifPresent(e -> {
                if (e.agent().isReady()) {
                    state.agentWithheld(e.agent().id());
                } else {
                    next.addAll(state.agentSeen(e, now));
                }
            });
        }
        next.addAll(state.callBackInLine(decision.call(), now));
        return next;
    }

    /**
     * Sends the freed agent's move with the reservation {@code decision} asks for, without waiting; its answer is
     * taken in later ({@link #takeIn}). False if the decision names a queue the definitions no longer have.
     */
    private boolean send(RoutingDecision decision, WaitingCall call, AgentBoard.PlannedMove move) {
        Optional<ReservationRequest> request = connections.requestFor(decision);
        if (request.isEmpty()) {
            return false;
        }
        inFlight.makeRoom();
        FreeingSent sent = board.sendFreeAndReserve(move, request.get());
        Consumer<BoardMove> redo = freeingRedo;
        inFlight.add(decision.agent(), sent::answered, () -> takeIn(decision, call, sent, redo));
        // Answered as written: the desk goes on as if it were; the answer corrects the board if it was not.
        freeingWritten = new BoardMove.Moved(move.seen(), move.next());
        return true;
    }

    /**
     * Takes in the answer of a freed agent's move and reservation sent by {@link #send}: a granted one is connected
     * now, as {@link #connect} does with one it waited for. What a refusal or a stale move leaves to route (and the
     * stale move, made again afresh) is a follow-up (see {@link ReservationsInFlight}): this may run in the middle of
     * another step, before its Redis command, where it cannot route.
     */
    private void takeIn(RoutingDecision decision, WaitingCall call, FreeingSent sent,
                        Consumer<BoardMove> redo) {
        AgentBoard.FreedAndReserved done = takeIn(() -> board.takeIn(sent));
        AgentId agent = decision.agent();
        if (done.move() instanceof BoardMove.Stale stale) {
            inFlight.afterHandling(agent, () -> {
                // Without reading the change feed: the move made again routes the agent, and reads it if need be.
                step(now -> {
                    List<RoutingDecision> again = new ArrayList<>(state.agentCorrected(stale.current(), now));
                    again.addAll(state.callBackInLine(decision.call(), now));
                    return again;
                }, false, false);
                redo.accept(stale);
            });
            return;
        }
        Connections.Outcome outcome = connections.reserved(decision, call, done.reservation());
        if (outcome instanceof Connections.Connected) {
            if (state != null) {
                state.connected(decision.call());
            }
            return;
        }
        inFlight.afterHandling(agent, () -> {
            step(now -> settled(decision, outcome, now), false);
            if (!done.move().moved()) {
                // Refused: the agent is gone from the definitions since.
                redo.accept(done.move());
            }
        });
    }

    private BoardMove takeIn(MoveSent sent) {
        return takeIn(() -> board.takeIn(sent));
    }

    /** Takes an answer in; if that fails, whether the script ran is unknown, and the board is read afresh next time. */
    private <T> T takeIn(Supplier<T> answer) {
        try {
            return answer.get();
        } catch (RuntimeException e) {
            state = null;
            throw e;
        }
    }

    /** Files why the calls due wait, in one pipelined write. */
    private void saveRoundRobin() {
        RoundRobinMemory memory = state.memory();
        if (!memory.equals(savedMemory)) {
            roundRobin.save(memory);
            savedMemory = memory;
        }
    }

    private WaitingCall waitingCall(QueuedCall call, List<QueueDefinition> queues) {
        CustomerFacts facts = CallerFacts.of(call.context());
        return new WaitingCall(call.id(), call.queue(), policy.priorityOf(facts, call.queue(), queues),
                call.enqueuedAt(), facts, call.context().lastAgent().orElse(null));
    }
}
