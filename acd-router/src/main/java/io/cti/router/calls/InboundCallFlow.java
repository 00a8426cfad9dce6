package io.cti.router.calls;

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
import io.cti.router.board.BoardChange;
import io.cti.router.board.BoardEntry;
import io.cti.router.callbacks.CallbackRepository;
import io.cti.router.callbacks.CallbackSettings;
import io.cti.router.queues.QueueRepository;
import io.cti.router.reservations.ReadyAgents;
import io.cti.router.reservations.Reservations;
import io.cti.router.reservations.RouterId;
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
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The inbound call flow of the ACD router: turns the bus's call events and the agents' commands into routing,
 * reservations, connect commands, screen-pops, agent states, history and queue figures. Every handler is
 * idempotent and keeps its state in Redis (waiting calls, reservations, the agent board, the calls' records), so
 * events of one call may be handled by different router processes and redelivered. Callbacks (virtual hold and
 * scheduled) are kept in PostgreSQL and routed like calls once due ({@link CallbackDesk}). {@link #tick()} is the
 * safety net: due wrap-ups end, agents left reserved by expired reservations return, due callbacks are queued,
 * routing is retried and the figures published. Thread-safe: handlers and ticks of one process run one at a time.
 */
public final class InboundCallFlow {

    private final ReentrantLock lock = new ReentrantLock();
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

    private InboundCallFlow(FlowParts parts, QueueRepository queues, AgentRepository agents, RouterId router,
                            CallbackRepository callbackStore, CallbackSettings callbackSettings,
                            DialingRules dialing) {
        this.parts = parts;
        this.definitions = new Definitions(queues, agents, parts.clock(), parts.settings().definitionsMaxAge());
        this.board = new AgentBoard(parts.redis(), parts.keys(), parts.ready(), definitions, parts.publisher(),
                parts.clock(), parts.settings().zone());
        this.ledger = new CallLedger(parts.redis(), parts.keys());
        this.dispatcher = new Dispatcher(parts, board, ledger, definitions, new RoundRobinStore(parts.redis(), parts.keys()),
                new CallbackCalls(ledger, callbackSettings));
        this.figures = new QueueFiguresDesk(definitions, parts.waiting(), board,
                new QueueStatistics(parts.redis(), parts.keys(), parts.settings().zone()), parts.publisher(),
                parts.clock());
        ScreenPopComposer composer = new ScreenPopComposer(parts.cards(), parts.history(), parts.clock(),
                parts.settings().zone());
        this.legs = new AgentLegDesk(parts, board, ledger, definitions, dispatcher, figures, composer);
        Runnable tryRoute = () -> dispatcher.tryRoute(false);
        HistoryWriter history = new HistoryWriter(parts);
        this.wrapUps = new WrapUpDesk(parts, board, ledger, figures, history, tryRoute);
        this.hangUps = new HangUpDesk(parts, board, ledger, definitions, dispatcher, figures, wrapUps, history);
        this.arrivals = new ArrivalDesk(parts, ledger, definitions, dispatcher, figures, hangUps::abandoned);
        this.agentStates = new AgentStateDesk(board, wrapUps, tryRoute);
        this.callbacks = new CallbackDesk(parts, ledger, board, dispatcher, definitions, callbackStore,
                callbackSettings, router.value());
        this.callControl = new CallControlDesk(parts, board, ledger);
        this.transfers = new TransferDesk(parts, board, ledger, definitions, dispatcher, figures, callControl, wrapUps);
        this.clickToDial = new ClickToDialDesk(parts, board, ledger, callControl, dialing, callbackSettings);
        this.clickToDialCalls = new ClickToDialCalls(parts, board, ledger, ClickToDialDesk.AGENT_RING);
    }

    /**
     * The flow on the router's Redis state under {@code keys}, the definitions and callbacks in PostgreSQL, the
     * customer database, publishing through {@code publisher} (the bus).
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
        FlowParts parts = new FlowParts(redis, keys, WaitingCalls.on(redis, keys), Reservations.on(redis, keys, router),
                ReadyAgents.on(redis, keys), cards, history, normalizer, publisher, clock, settings);
        return new InboundCallFlow(parts, queues, agents, router, callbacks, callbackSettings, dialing);
    }

    /** Handles one message from the bus; messages the flow does not know are ignored. */
    public void handle(DomainMessage message) {
        lock.lock();
        try {
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
        } finally {
            lock.unlock();
        }
    }

    /** The once-a-second safety net; see the class comment. */
    public void tick() {
        lock.lock();
        try {
            wrapUps.expireDue();
            hangUps.dropOverdue();
            returnAgentsOfLostReservations();
            callbacks.offerDue();
            dispatcher.tryRoute(true);
            figures.publishAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Forgets the calls of a PBX that is gone for good (such as the embedded pbx-sim of an earlier run, whose calls
     * will never end on the bus): every waiting call leaves its queue, and every agent reserved, ringing or talking
     * for one is logged out (the console, or a demo bot, logs them in again). Never for a PBX that keeps its calls.
     */
    public void forgetCallsOfAVanishedPbx() {
        lock.lock();
        try {
            hangUps.forgetAll();
        } finally {
            lock.unlock();
        }
    }

    /** Why the call went where it went and why it waited; empty for a call the router never saw (or a day later). */
    public Optional<CallRouting> routingOf(CallId call) {
        return ledger.find(call).map(r -> new CallRouting(call, phase(r), r.queue(), r.routedQueue(),
                r.agent().orElse(null), r.reason().orElse(null), r.waitReason().orElse(null), r.arrivedAt(),
                r.decidedAt().orElse(null)));
    }

    /** The figures last published per queue. */
    public List<QueueFiguresUpdated> queueFigures() {
        lock.lock();
        try {
            return figures.latest();
        } finally {
            lock.unlock();
        }
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

    /** The agents' runtime states, shared with whoever needs to read or move them directly. */
    public AgentBoard board() {
        return board;
    }

    /** Reads queue and agent definitions afresh at the next use (after an edit, or in tests). */
    public void forgetDefinitions() {
        definitions.forget();
    }

    /**
     * An agent still Reserved or Ringing for a call whose reservation is gone and that was never answered: the
     * reservation expired (the bridge never rang) and the reaper returned call and agent; the board follows.
     */
    private void returnAgentsOfLostReservations() {
        for (BoardEntry entry : board.all()) {
            if (entry.state() instanceof AgentState.Reserved || entry.state() instanceof AgentState.Ringing) {
                CallId call = entry.call().orElseThrow();
                // Answered by this agent: CallConnected is moving them on. Answered by another (the call was routed
                // again after this agent's reservation expired), or never answered: this agent is free.
                board.move(entry.agent().id(), e -> e.state().equals(entry.state())
                        && parts.reservations().currentOf(call).isEmpty()
                        && !clickToDialCalls.agentLegPending(call, parts.clock().instant())
                        && !ledger.find(call).filter(r -> r.answered()
                                && r.agent().filter(entry.agent().id()::equals).isPresent()).isPresent()
                        ? BoardChange.to(AgentState.READY) : BoardChange.none());
            } else if (entry.state() instanceof AgentState.Ready && !parts.ready().isReady(entry.agent().id())) {
                parts.ready().markReady(entry.agent().id(), entry.agent().idleSince());
            }
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
