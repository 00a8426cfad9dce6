package io.cti.router.calls;

import io.cti.core.bus.MessageHandler;
import io.cti.core.customers.CustomerCards;
import io.cti.core.customers.CustomerHistory;
import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.ids.QueueName;
import io.cti.core.messages.AgentLegRinging;
import io.cti.core.messages.AgentLegUnanswered;
import io.cti.core.messages.CallArrived;
import io.cti.core.messages.CallConnected;
import io.cti.core.messages.CallEnded;
import io.cti.core.messages.CallHeld;
import io.cti.core.messages.CallResumed;
import io.cti.core.messages.ChangeAgentState;
import io.cti.core.messages.CompleteWrapUp;
import io.cti.core.messages.DomainMessage;
import io.cti.core.messages.DialCustomer;
import io.cti.core.messages.HoldCall;
import io.cti.core.messages.ResumeCall;
import io.cti.core.messages.TransferCall;
import io.cti.core.messages.QueueFiguresUpdated;
import io.cti.core.phone.PhoneNumberNormalizer;
import io.cti.router.agents.AgentState;
import io.cti.router.board.AgentBoard;
import io.cti.router.board.AgentStatuses;
import io.cti.router.board.BoardChange;
import io.cti.router.board.BoardEntry;
import io.cti.router.callbacks.CallbackRepository;
import io.cti.router.callbacks.CallbackSettings;
import io.cti.router.queues.QueueRepository;
import io.cti.router.reservations.ReadyAgents;
import io.cti.router.reservations.Reservations;
import io.cti.router.reservations.RouterId;
import io.cti.router.routing.WaitExplanation;
import io.cti.router.screenpop.ScreenPopComposer;
import io.cti.router.staff.AgentRepository;
import io.cti.router.stats.AgentDay;
import io.cti.router.stats.QueueStatistics;
import io.cti.router.waiting.ChangeFeed;
import io.cti.router.waiting.RouterKeys;
import io.cti.router.waiting.WaitingCalls;
import io.lettuce.core.api.sync.RedisCommands;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The inbound call flow of the ACD router: turns the bus's call events and the agents' commands into routing,
 * reservations, connect commands, screen-pops, agent states, history and queue figures. Every handler is
 * idempotent and keeps its state in Redis (waiting calls, reservations, the agent board, the calls' records), so
 * events of one call may be handled by different router processes and redelivered. Callbacks (virtual hold and
 * scheduled) are kept in PostgreSQL and routed like calls once due ({@link CallbackDesk}), through the same routing
 * board. {@link #tick()} is the safety net: due wrap-ups end, agents left reserved by expired reservations return,
 * due callbacks are queued, routing catches up with what other router processes did and the figures are published;
 * between the ticks, {@link #followChanges()} keeps up with the other routers within moments. What one handling
 * publishes goes to the bus together at its
 * end ({@link Outbox}). A handling that moves an agent through the dispatcher (freeing them, with their
 * reservation, or moving them on) does not wait for the script: its answer, and the connect command it allows, are
 * taken in by the next handlings, before any other Redis command, before the agent is moved again, or by the bus's
 * settle at the latest ({@link ReservationsInFlight}); a synchronous {@link #handle} takes in all it sent before it
 * returns. Thread-safe: handlers and ticks of one process run one at a time.
 */
public final class InboundCallFlow {

    /** How often the tick looks for calls waiting far past their queue's maximum wait: they are gone minutes ago. */
    private static final Duration OVERDUE_CHECK = Duration.ofSeconds(10);
    /** A tick reads at most this many batches (of 100) of the change feed; the next tick or step goes on. */
    private static final int MAX_CATCH_UP_BATCHES = 500;
    /** How long into a tick its parts let messages go first. */
    private static final Duration TICK_PATIENCE = Duration.ofMillis(500);
    /** Wait reasons filed per part of a tick: a part counting the agents of a few lanes takes a few milliseconds. */
    private static final int REASONS_PER_PART = 5;

    /** Fair, so that a message waiting for the lock is handled between the parts of a tick. */
    private final ReentrantLock lock;
    private final ReservationsInFlight inFlight;
    /** Messages being handled or waiting to be: a part of the tick waits for them (see {@link #part}). */
    private final AtomicInteger messagesWaiting = new AtomicInteger();
    /** When the running tick started (nanoTime); the tick's own thread only. */
    private long tickStartedAt;
    private final FlowParts parts;
    private final Outbox outbox;
    private final PopCards pops;
    /** Read and written by the tick's thread only. */
    private volatile Instant overdueCheckedAt = Instant.MIN;
    private final AgentBoard board;
    private final CallLedger ledger;
    private final Definitions definitions;
    private final Dispatcher dispatcher;
    private final QueueFiguresDesk figures;
    private final ArrivalDesk arrivals;
    private final AgentLegDesk legs;
    private final WrapUpDesk wrapUps;
    private final HangUpDesk hangUps;
    private final AgentStateDesk agentStates;
    private final CallbackDesk callbacks;
    private final CallControlDesk callControl;
    private final TransferDesk transfers;
    private final ClickToDialDesk clickToDial;
    private final ClickToDialCalls clickToDialCalls;
    private final ScreenPops screenPops;

    private InboundCallFlow(ReentrantLock lock, FlowParts parts, Outbox outbox, Consumer<DomainMessage> direct,
                            QueueRepository queues, AgentRepository agents, CallbackRepository callbackStore,
                            CallbackSettings callbackSettings, DialingRules dialing) {
        this.lock = lock;
        this.inFlight = parts.inFlight();
        this.parts = parts;
        this.outbox = outbox;
        this.definitions = new Definitions(queues, agents, parts.clock(), parts.settings().definitionsMaxAge());
        Queue<BoardEntry> moves = Dispatcher.movesQueue();
        this.board = new AgentBoard(parts.redis(), parts.keys(), parts.ready(), definitions, parts.publisher(),
                parts.clock(), parts.settings().zone(), parts.settings().agentsMaxAge(), moves::add,
                inFlight::beforeMoving);
        this.ledger = new CallLedger(parts.redis(), parts.keys());
        ScreenPopComposer composer = new ScreenPopComposer(parts.cards(), parts.history(), parts.clock(),
                parts.settings().zone());
        this.pops = new PopCards(composer, parts.clock());
        this.dispatcher = new Dispatcher(parts, board, moves, definitions,
                new RoundRobinStore(parts.redis(), parts.keys()), pops, new CallbackCalls(ledger, callbackSettings));
        this.figures = new QueueFiguresDesk(definitions, parts.waiting(), board,
                new QueueStatistics(parts.redis(), parts.keys(), parts.settings().zone()), parts.publisher(),
                parts.clock());
        this.screenPops = new ScreenPops(new RingRecords(parts.redis(), parts.keys()), ledger, definitions,
                parts.settings(), composer, pops, direct);
        this.legs = new AgentLegDesk(parts, board, ledger, definitions, dispatcher, figures, screenPops);
        Runnable tryRoute = () -> dispatcher.tryRoute(false);
        HistoryWriter history = new HistoryWriter(parts);
        this.wrapUps = new WrapUpDesk(parts, board, ledger, figures, history, tryRoute, dispatcher::writer);
        this.hangUps = new HangUpDesk(parts, board, ledger, definitions, dispatcher, figures, wrapUps, history);
        this.arrivals = new ArrivalDesk(parts, ledger, definitions, dispatcher, figures, hangUps::abandoned);
        this.agentStates = new AgentStateDesk(board, wrapUps, dispatcher::writer);
        this.callbacks = new CallbackDesk(parts, ledger, board, dispatcher, definitions, figures, callbackStore,
                callbackSettings, parts.router().value());
        this.callControl = new CallControlDesk(parts, board, ledger);
        this.transfers = new TransferDesk(parts, board, ledger, definitions, dispatcher, figures, callControl, wrapUps);
        this.clickToDial = new ClickToDialDesk(parts, board, ledger, callControl, dialing, callbackSettings);
        this.clickToDialCalls = new ClickToDialCalls(parts, board, ledger, ClickToDialDesk.AGENT_RING);
    }

    /**
     * The flow on the router's Redis state under {@code keys}, the definitions and callbacks in PostgreSQL, the
     * customer database, publishing through {@code publisher} (the bus; {@link FlowPublishing#onBus} sends each handling's messages as
     * one batch).
     */
    public static InboundCallFlow create(RedisCommands<String, String> redis, RouterKeys keys, RouterId router,
                                         QueueRepository queues, AgentRepository agents, CustomerCards cards,
                                         CustomerHistory history, PhoneNumberNormalizer normalizer,
                                         Consumer<DomainMessage> publisher, Clock clock, FlowSettings settings,
                                         CallbackRepository callbacks, CallbackSettings callbackSettings) {
        return create(redis, keys, router, queues, agents, cards, history, normalizer, publisher, clock, settings,
                callbacks, callbackSettings, DialingRules.defaults());
    }

    /** As {@link #create}, click-to-dial following {@code dialing} (such as a Do-Not-Call list). */
    public static InboundCallFlow create(RedisCommands<String, String> redis, RouterKeys keys, RouterId router,
                                         QueueRepository queues, AgentRepository agents, CustomerCards cards,
                                         CustomerHistory history, PhoneNumberNormalizer normalizer,
                                         Consumer<DomainMessage> publisher, Clock clock, FlowSettings settings,
                                         CallbackRepository callbacks, CallbackSettings callbackSettings,
                                         DialingRules dialing) {
        Outbox outbox = new Outbox(publisher);
        ReentrantLock lock = new ReentrantLock(true);
        ReservationsInFlight inFlight = new ReservationsInFlight(lock::isHeldByCurrentThread);
        RedisCommands<String, String> settling = SettlingRedis.of(redis, inFlight);
        FlowParts parts = new FlowParts(settling, keys, router, WaitingCalls.on(settling, keys),
                Reservations.on(settling, keys, router), ReadyAgents.on(settling, keys), cards, history, normalizer,
                outbox, clock, settings, inFlight);
        return new InboundCallFlow(lock, parts, outbox, publisher, queues, agents, callbacks, callbackSettings,
                dialing);
    }

    /**
     * Handles one message and publishes what the handling produced before returning; messages the flow does not
     * know are ignored.
     */
    public void handle(DomainMessage message) {
        handle(message, false);
    }

    /**
     * The flow as the bus's handler: a handling's messages go to the bus without waiting for Redis's answer, and
     * the bus's {@link MessageHandler#settle} waits for them before it acknowledges what was handled (a publishing
     * that failed has the messages delivered again). So the next message need not wait for the last one's
     * publishing. Settle on the thread that handled.
     */
    public MessageHandler busHandler() {
        return new MessageHandler() {
            @Override
            public void handle(DomainMessage message) {
                // Also a handling that fails leaves its publishing to the bus's settle, which follows every batch.
                InboundCallFlow.this.handle(message, true);
            }

            @Override
            public void settle() {
                settleBatch();
            }
        };
    }

    private void handle(DomainMessage message, boolean unsettled) {
        messagesWaiting.incrementAndGet();
        try {
            handling(() -> {
                // What answered meanwhile goes out now, and what it left to do is done before this message.
                inFlight.takeInAnswered();
                followUpAll();
                if (unsettled) {
                    inFlight.overlapping(() -> dispatch(message));
                    followUpAll();
                    inFlight.takeInAnswered();
                } else {
                    handleWholly(message);
                }
                figures.publishHeldBack();
                return null;
            }, unsettled, unsettled);
        } finally {
            messagesWaiting.decrementAndGet();
        }
    }

    /**
     * A synchronous handling: everything it sent is taken in before it ends, also when it fails; a failure it met
     * taking an answer in is told by it, not kept for a settle.
     */
    private void handleWholly(DomainMessage message) {
        RuntimeException keptBefore = inFlight.keptFailure();
        RuntimeException failure = null;
        try {
            inFlight.overlapping(() -> dispatch(message));
        } catch (RuntimeException e) {
            failure = e;
        }
        try {
            takeInAll();
        } catch (RuntimeException e) {
            failure = ReservationsInFlight.joined(failure, e);
        }
        if (failure != null) {
            if (keptBefore == null) {
                // Told by this handling itself: no later settle owes it.
                inFlight.forgetKeptFailure();
            }
            throw failure;
        }
    }

    /**
     * The bus's settle: every answer in flight taken in (and followed up), then what the batch's handlings published
     * waited for. A failure to take an answer in met by any handling of the batch (or by a tick's part, for a
     * handling's answer) fails it too, so that none of the batch is acknowledged.
     */
    private void settleBatch() {
        RuntimeException failure = null;
        try {
            // What it takes in is published with this thread's batches, which the settle waits for just below.
            handling(() -> {
                takeInAll();
                return null;
            }, true, true);
        } catch (RuntimeException e) {
            failure = e;
        }
        if (failure == null) {
            outbox.settle();
        } else {
            outbox.settleAfter(failure);
        }
        lock.lock();
        try {
            RuntimeException kept = inFlight.takeKeptFailure();
            if (failure == null && kept != null) {
                failure = kept;
            }
        } finally {
            lock.unlock();
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void dispatch(DomainMessage message) {
        if (clickToDialCalls.handle(message) || callbacks.handle(message)) {
            return;
        }
        if (message instanceof CallArrived m) {
            arrivals.arrived(m);
        } else if (message instanceof AgentLegRinging m) {
            legs.ringing(m);
        } else if (message instanceof CallConnected m) {
            legs.connected(m);
        } else if (message instanceof AgentLegUnanswered m) {
            legs.unanswered(m);
        } else if (message instanceof CallEnded m) {
            hangUps.ended(m);
        } else if (message instanceof CallHeld m) {
            hangUps.held(m);
        } else if (message instanceof CallResumed m) {
            hangUps.resumed(m);
        } else if (message instanceof CompleteWrapUp m) {
            wrapUps.complete(m);
            callbacks.scheduleAfterWrapUp(m);
        } else if (message instanceof ChangeAgentState m) {
            agentStates.change(m);
        } else if (message instanceof HoldCall m) {
            callControl.hold(m);
        } else if (message instanceof ResumeCall m) {
            callControl.resume(m);
        } else if (message instanceof TransferCall m) {
            transfers.transfer(m);
        } else if (message instanceof DialCustomer m) {
            clickToDial.dial(m);
        }
    }

    /**
     * The once-a-second safety net; see the class comment. Its parts take the lock one after the other, each once
     * the messages being handled are through ({@link #part}), so a message waits for one part at most, not the tick.
     */
    public void tick() {
        tickStartedAt = System.nanoTime();
        part(wrapUps::expireDue);
        Instant now = parts.clock().instant();
        if (!now.isBefore(overdueCheckedAt.plus(OVERDUE_CHECK))) {
            for (QueueName queue : part(figures::queues)) {
                part(() -> hangUps.dropOverdue(queue));
            }
            overdueCheckedAt = now;
        }
        partDoing(callbacks::claimDue, callbacks::offer);
        // What other routers changed, a batch at a time, so that no message waits for all of it.
        boolean more = true;
        for (int batch = 0; more && batch < MAX_CATCH_UP_BATCHES; batch++) {
            more = part(dispatcher::readAhead, dispatcher::catchUp);
        }
        // After catching up: the board's memory of the agents is as fresh as it gets.
        returnAgentsOfLostReservations();
        part(() -> dispatcher.tryRoute(true));
        fileWaitReasons();
        pops.dropStale();
        for (QueueName queue : part(figures::queues)) {
            partDoing(() -> figures.measure(queue), measured -> figures.publishNow(queue, measured));
        }
    }

    /**
     * Takes in what other router processes changed since the last read of the change feed, to its end, a batch at a
     * time: each read without the lock and taken in under it on its own, as the tick's catch-up, but without letting
     * messages go first (a batch of a few milliseconds' changes is taken in within a fraction of one). Run every few
     * milliseconds beside the tick, it keeps the board within moments of the other routers' moves, so that a move
     * this router sends about an agent another router moved since is seldom refused as stale and made again. Reads
     * nothing more, and takes no lock, when nothing changed.
     */
    public void followChanges() {
        boolean more = true;
        for (int batch = 0; more && batch < MAX_CATCH_UP_BATCHES; batch++) {
            ChangeFeed.Batch read = dispatcher.readAhead();
            if (read.isEmpty()) {
                return;
            }
            more = lockedWith(read, dispatcher::catchUp);
        }
    }

    /** The wait reasons due, a few calls per part so that no message waits for all of them. */
    private void fileWaitReasons() {
        int left = parts.settings().explanationsPerTick();
        while (left > 0) {
            int size = Math.min(REASONS_PER_PART, left);
            Map<CallId, Map<String, String>> reasons = part(() -> dispatcher.waitReasonsDue(size));
            if (reasons.isEmpty()) {
                return;
            }
            // Outside the lock: written a moment after it was worked out, it still says why the call waited until then.
            ledger.writeMany(reasons);
            left -= size;
        }
    }

    /**
     * Forgets the calls of a PBX that is gone for good (such as the embedded pbx-sim of an earlier run, whose calls
     * will never end on the bus): every waiting call leaves its queue, and every agent reserved, ringing or talking
     * for one is logged out (the console, or a demo bot, logs them in again). Never for a PBX that keeps its calls.
     */
    public void forgetCallsOfAVanishedPbx() {
        locked(hangUps::forgetAll);
    }

    /**
     * Why the call went where it went and why it waited; empty for a call the router never saw (or a day later).
     * For a call still waiting, the reason is worked out now.
     */
    public Optional<CallRouting> routingOf(CallId call) {
        Optional<CallRecord> found = ledger.find(call);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CallRecord r = found.get();
        String waitReason = r.waitReason().orElse(null);
        if ("waiting".equals(phase(r))) {
            waitReason = locked(() -> dispatcher.whyWaiting(call)).map(WaitExplanation::text).orElse(waitReason);
        }
        return Optional.of(new CallRouting(call, phase(r), r.queue(), r.routedQueue(), r.agent().orElse(null),
                r.reason().orElse(null), waitReason, r.arrivedAt(), r.decidedAt().orElse(null)));
    }

    /** The figures last published per queue. */
    public List<QueueFiguresUpdated> queueFigures() {
        return locked(figures::latest);
    }

    /**
     * Every agent on the board, by id, with their calls handled today and average handle time (talk, hold and
     * wrap-up) as every router counts them, the day starting at midnight in the center's zone.
     */
    public List<AgentStateView> agentStates() {
        return board.all().stream().sorted(Comparator.comparing(e -> e.agent().id().value()))
                .map(e -> {
                    AgentDay today = figures.agentToday(e.agent().id());
                    return new AgentStateView(e.agent().id(), AgentStatuses.of(e.state()),
                            e.state() instanceof AgentState.NotReady n ? n.reason() : "", e.agent().since(),
                            e.agent().timeInState(parts.clock()), e.call().orElse(null), today.callsHandled(),
                            today.averageHandleTime(), e.state() instanceof AgentState.WrapUp w ? w.endsAt() : null);
                })
                .toList();
    }

    /**
     * Hands the screen-pops to a consumer of their own: from now on the flow confirms rings and moves agents to
     * Ringing but sends no pop; the {@link ScreenPops} returned does, when given the bus's {@code AgentLegRinging}
     * events by a subscription of its own (another consumer group), so that a pop never waits behind the flow's
     * other messages. Call before the flow handles its first message.
     */
    public ScreenPops separateScreenPops() {
        legs.popsApart();
        return screenPops;
    }

    /** The agents' runtime states, shared with whoever needs to read or move them directly. */
    public AgentBoard board() {
        return board;
    }

    /** Reads queue and agent definitions afresh at the next use (after an edit, or in tests). */
    public void forgetDefinitions() {
        definitions.forget();
    }

    private void part(Runnable work) {
        part(() -> {
            work.run();
            return null;
        });
    }

    /**
     * A part of the tick: it lets the messages being handled or waiting go first, then takes the lock. Only for the
     * tick's first {@link #TICK_PATIENCE}: a router flooded with messages still ticks, its parts then taking turns
     * with the messages (the lock is fair).
     */
    private <T> T part(Supplier<T> work) {
        return part(() -> null, ignored -> work.get());
    }

    /** As {@link #part(Supplier, Function)}, for work that answers nothing. */
    private <A> void partDoing(Supplier<A> ahead, Consumer<A> work) {
        this.<A, Void>part(ahead, read -> {
            work.accept(read);
            return null;
        });
    }

    /**
     * A part of the tick that reads from Redis first, without the lock ({@code ahead}), and then does its {@code work}
     * with what was read under the lock; what the work publishes is waited for after the lock is released (unless the
     * part took in a handling's answers first: see {@link #locked(Supplier, boolean)}). So a message waits for the
     * part's work in memory, not for its round trips.
     */
    private <A, T> T part(Supplier<A> ahead, Function<A, T> work) {
        long giveUp = tickStartedAt + TICK_PATIENCE.toNanos();
        while (messagesWaiting.get() > 0 && System.nanoTime() - giveUp < 0) {
            LockSupport.parkNanos(50_000);
        }
        return lockedWith(ahead.get(), work);
    }

    /**
     * Does {@code work} with what was {@code read} without the lock, under it; what the work publishes is waited for
     * after the lock is released.
     */
    private <A, T> T lockedWith(A read, Function<A, T> work) {
        T result;
        try {
            result = locked(() -> work.apply(read), true);
        } catch (RuntimeException | Error e) {
            outbox.settleAfter(e);
            throw e;
        }
        outbox.settle();
        return result;
    }

    private void locked(Runnable work) {
        locked(() -> {
            work.run();
            return null;
        });
    }

    private <T> T locked(Supplier<T> work) {
        return locked(work, false);
    }

    /**
     * Runs {@code work} under the lock, the reservations in flight taken in first; its messages are published at
     * its end, unsettled if so asked (see Outbox).
     */
    private <T> T locked(Supplier<T> work, boolean unsettled) {
        return handling(() -> {
            long before = inFlight.takenIn();
            takeInAll();
            if (inFlight.takenIn() != before) {
                // What was taken in is a bus handling's, whose settle would not wait for this thread's publishing.
                outbox.settleThisBatch();
            }
            return work.get();
        }, unsettled, true);
    }

    /**
     * Runs a handling under the lock, as it is: it takes in what it chooses of the moves in flight. If it fails
     * (publishing included) after taking some in, the failure is kept for the bus's settle if so asked
     * ({@code keepFailure}; not for a synchronous handling, which tells its own): what it published may have been a
     * bus message's connect command.
     */
    private <T> T handling(Supplier<T> work, boolean unsettled, boolean keepFailure) {
        lock.lock();
        try {
            long before = inFlight.takenIn();
            try {
                return outbox.during(work, unsettled);
            } catch (RuntimeException e) {
                if (keepFailure && inFlight.takenIn() != before) {
                    inFlight.keep(e);
                }
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes in every move in flight and does what they left to do; a failure still leaves every answer taken in and
     * every follow-up done that can be, and is thrown at the end.
     */
    private void takeInAll() {
        RuntimeException failure = null;
        boolean more = true;
        while (more) {
            try {
                inFlight.takeInAll();
            } catch (RuntimeException e) {
                failure = ReservationsInFlight.joined(failure, e);
            }
            try {
                more = inFlight.followUp();
            } catch (RuntimeException e) {
                // Every follow-up due was tried: another round takes in and follows up what they left.
                failure = ReservationsInFlight.joined(failure, e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Does the follow-ups due, and those that doing them left, before anything else. */
    private void followUpAll() {
        while (inFlight.followUp()) {
            // A follow-up's own Redis command may take in another answer, which leaves a follow-up of its own.
        }
    }


    /**
     * An agent still Reserved or Ringing for a call whose reservation is gone and that was never answered: the
     * reservation expired (the bridge never rang) and the reaper returned call and agent; the board follows. Only
     * agents in that state longer than a reservation can last unconfirmed (Reserved) or than the margin after the
     * ring (Ringing) are looked at: a younger reservation cannot have expired. A Ready agent missing from the ready
     * set is put back into it.
     */
    private void returnAgentsOfLostReservations() {
        for (BoardEntry entry : part(this::routableAgents, this::agentsToLookAt)) {
            part(() -> lookAt(entry));
        }
    }

    /**
     * The ready set, read before the lock: an agent a handling makes Ready meanwhile looks missing from it, and
     * {@link #lookAt} then finds them in it (each suspect is checked afresh).
     */
    private Set<AgentId> routableAgents() {
        Set<AgentId> routable = new HashSet<>();
        parts.ready().longestIdleFirst().forEach(r -> routable.add(r.agent()));
        return routable;
    }

    /**
     * The agents {@link #returnAgentsOfLostReservations} looks at, one part each: found in the board's memory and
     * the ready set read ahead ({@code routable}), without a round trip each.
     */
    private List<BoardEntry> agentsToLookAt(Set<AgentId> routable) {
        Instant now = parts.clock().instant();
        List<BoardEntry> suspects = new ArrayList<>();
        for (BoardEntry entry : board.allWhere(state -> state instanceof AgentState.Reserved
                || state instanceof AgentState.Ringing || state instanceof AgentState.Ready)) {
            Duration held = entry.state() instanceof AgentState.Reserved ? parts.settings().reservationTimeout()
                    : parts.settings().ringMargin();
            boolean young = entry.agent().since().plus(held).isAfter(now);
            if ((entry.state() instanceof AgentState.Reserved || entry.state() instanceof AgentState.Ringing) && !young
                    || entry.state() instanceof AgentState.Ready && !routable.contains(entry.agent().id())) {
                suspects.add(entry);
            }
        }
        return suspects;
    }

    private void lookAt(BoardEntry entry) {
        if (entry.state() instanceof AgentState.Reserved || entry.state() instanceof AgentState.Ringing) {
            CallId call = entry.call().orElseThrow();
            // Answered by this agent: CallConnected is moving them on. Answered by another, or reserved for
            // another (the call was routed again after this agent's reservation expired), or never answered:
            // this agent is free.
            AgentId agent = entry.agent().id();
            board.move(agent, e -> e.state().equals(entry.state())
                    && parts.reservations().currentOf(call).filter(r -> r.agent().equals(agent)).isEmpty()
                    && !clickToDialCalls.agentLegPending(call, parts.clock().instant())
                    && !ledger.find(call).filter(r -> r.answered()
                            && r.agent().filter(entry.agent().id()::equals).isPresent()).isPresent()
                    ? BoardChange.to(AgentState.READY) : BoardChange.none());
        } else {
            // Checked afresh: the entry above may be a moment behind another router that moved the agent.
            board.entry(entry.agent().id()).filter(e -> e.state() instanceof AgentState.Ready)
                    .ifPresent(e -> parts.ready().markReady(e.agent().id(), e.agent().idleSince()));
        }
    }

    private static String phase(CallRecord record) {
        if (record.endedAt().isPresent()) {
            return "ended";
        }
        if (record.answered()) {
            return "answered";
        }
        return record.agent().isPresent() ? "routed" : "waiting";
    }
}
