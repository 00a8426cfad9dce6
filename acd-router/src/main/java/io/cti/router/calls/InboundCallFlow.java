package io.cti.router.calls;

import io.cti.core.bus.MessageHandler;
import io.cti.core.customers.CustomerCards;
import io.cti.core.customers.CustomerHistory;
import io.cti.core.ids.CallId;
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
import io.cti.router.waiting.RouterKeys;
import io.cti.router.waiting.WaitingCalls;
import io.lettuce.core.api.sync.RedisCommands;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The inbound call flow of the ACD router: turns the bus's call events and the agents' commands into routing,
 * reservations, connect commands, screen-pops, agent states, history and queue figures. Every handler is
 * idempotent and keeps its state in Redis (waiting calls, reservations, the agent board, the calls' records), so
 * events of one call may be handled by different router processes and redelivered. Callbacks (virtual hold and
 * scheduled) are kept in PostgreSQL and routed like calls once due ({@link CallbackDesk}), through the same routing
 * board. {@link #tick()} is the safety net: due wrap-ups end, agents left reserved by expired reservations return,
 * due callbacks are queued, routing catches up with what other router processes did and the figures are published;
 * between the ticks, {@link #followChanges()} keeps close behind the other routers. What one handling
 * publishes goes to the bus together at its end ({@link Outbox}). A handling that moves an agent through the
 * dispatcher (freeing them, with their reservation, or moving them on) does not wait for the script: its answer, and
 * the connect command it allows, are taken in by the next handlings, before any other Redis command, before the agent
 * is moved again, or by the bus's settle at the latest ({@link ReservationsInFlight}); a synchronous {@link #handle}
 * takes in all it sent before it returns. Thread-safe: handlers, the tick's parts, the follower's batches and the
 * REST calls of one process run one at a time ({@link FlowLock}).
 */
public final class InboundCallFlow {

    private final FlowLock flowLock;
    private final FlowTick ticks;
    private final ReservationsInFlight inFlight;
    private final FlowParts parts;
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
        this.inFlight = parts.inFlight();
        this.flowLock = new FlowLock(lock, inFlight, outbox);
        this.parts = parts;
        this.definitions = new Definitions(queues, agents, parts.clock(), parts.settings().definitionsMaxAge());
        Queue<BoardEntry> moves = Dispatcher.movesQueue();
        this.board = new AgentBoard(parts.redis(), parts.keys(), parts.ready(), definitions, parts.publisher(),
                parts.clock(), parts.settings().zone(), parts.settings().agentsMaxAge(), moves::add,
                inFlight::beforeMoving);
        this.ledger = new CallLedger(parts.redis(), parts.keys());
        ScreenPopComposer composer = new ScreenPopComposer(parts.cards(), parts.history(), parts.clock(),
                parts.settings().zone());
        PopCards pops = new PopCards(composer, parts.clock());
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
        this.arrivals = new ArrivalDesk(parts, ledger, definitions, dispatcher, figures, pops, hangUps::abandoned);
        this.agentStates = new AgentStateDesk(board, wrapUps, dispatcher::writer);
        this.callbacks = new CallbackDesk(parts, ledger, board, dispatcher, definitions, figures, callbackStore,
                callbackSettings, parts.router().value());
        this.callControl = new CallControlDesk(parts, board, ledger);
        this.transfers = new TransferDesk(parts, board, ledger, definitions, dispatcher, figures, callControl, wrapUps);
        this.clickToDial = new ClickToDialDesk(parts, board, ledger, callControl, dialing, callbackSettings);
        this.clickToDialCalls = new ClickToDialCalls(parts, board, ledger, ClickToDialDesk.AGENT_RING);
        this.ticks = new FlowTick(flowLock, parts, board, ledger, dispatcher, figures, wrapUps, hangUps, callbacks,
                pops, clickToDialCalls);
    }

    /**
     * The flow on the router's Redis state under {@code keys}, the definitions and callbacks in PostgreSQL, the
     * customer database, publishing through {@code publisher} (the bus; {@link FlowPublishing#onBus} sends each
     * handling's messages as one batch).
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
                flowLock.settle();
            }
        };
    }

    private void handle(DomainMessage message, boolean unsettled) {
        flowLock.message(() -> flowLock.handling(() -> {
            // What answered meanwhile goes out now, and what it left to do is done before this message.
            inFlight.takeInAnswered();
            flowLock.followUpAll();
            if (unsettled) {
                inFlight.overlapping(() -> dispatch(message));
                flowLock.followUpAll();
                inFlight.takeInAnswered();
            } else {
                handleWholly(message);
            }
            figures.publishHeldBack();
            return null;
        }, unsettled, unsettled));
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
            flowLock.takeInAll();
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
     * The once-a-second safety net; see the class comment and {@link FlowTick}. Its parts take the lock one after the
     * other, each once the messages being handled are through, so a message waits for one part at most.
     */
    public void tick() {
        ticks.tick();
    }

    /**
     * Takes in what other router processes changed since the last read of the change feed (see
     * {@link FlowTick#followChanges}): run every few milliseconds beside the tick, it keeps the board close behind
     * the other routers' moves. Takes no lock when nothing changed, and gives the round up while a handling's scripts
     * are in flight.
     */
    public void followChanges() {
        ticks.followChanges();
    }

    /**
     * Forgets the calls of a PBX that is gone for good (such as the embedded pbx-sim of an earlier run, whose calls
     * will never end on the bus): every waiting or reserved call leaves its queue, its reservation given up (none is
     * left for the reaper to bring back), and every agent reserved, ringing or talking for one is logged out (the
     * console, or a demo bot, logs them in again); callbacks keep their places. Never for a PBX that keeps its calls.
     */
    public void forgetCallsOfAVanishedPbx() {
        flowLock.locked(hangUps::forgetAll);
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
            waitReason = flowLock.locked(() -> dispatcher.whyWaiting(call)).map(WaitExplanation::text)
                    .orElse(waitReason);
        }
        return Optional.of(new CallRouting(call, phase(r), r.queue(), r.routedQueue(), r.agent().orElse(null),
                r.reason().orElse(null), waitReason, r.arrivedAt(), r.decidedAt().orElse(null)));
    }

    /** The figures last published per queue. */
    public List<QueueFiguresUpdated> queueFigures() {
        return flowLock.locked(figures::latest);
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
