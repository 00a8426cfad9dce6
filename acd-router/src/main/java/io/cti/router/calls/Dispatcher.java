package io.cti.router.calls;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.messages.ConnectToAgent;
import io.cti.core.messages.DomainMessage;
import io.cti.router.agents.Agent;
import io.cti.router.agents.AgentState;
import io.cti.router.board.AgentBoard;
import io.cti.router.board.BoardChange;
import io.cti.router.board.BoardEntry;
import io.cti.router.board.BoardMove;
import io.cti.router.queues.QueueDefinition;
import io.cti.router.reservations.ReadyAgents;
import io.cti.router.reservations.Reservation;
import io.cti.router.reservations.ReservationAttempt;
import io.cti.router.reservations.Reservations;
import io.cti.router.routing.CustomerFacts;
import io.cti.router.routing.PriorityPolicy;
import io.cti.router.routing.RoundResult;
import io.cti.router.routing.Router;
import io.cti.router.routing.RoutingDecision;
import io.cti.router.routing.RoutingSnapshot;
import io.cti.router.routing.WaitExplanation;
import io.cti.router.routing.WaitingCall;
import io.cti.router.waiting.QueuedCall;
import io.cti.router.waiting.WaitingCalls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Tries to route: builds a routing snapshot from Redis (waiting calls, the agents on the board), runs the
 * {@link Router}, and for each decision reserves the agent; only a granted reservation moves the agent to Reserved,
 * files the decision's reason with the call and sends {@link ConnectToAgent} (or what the {@link CallConnector}
 * chooses for a call of its own, such as a callback). A refused reservation means another
 * router won that call or agent; the next decision is tried. Not thread-safe: the flow calls it under its lock.
 */
final class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final WaitingCalls waiting;
    private final Reservations reservations;
    private final ReadyAgents ready;
    private final AgentBoard board;
    private final CallLedger ledger;
    private final Definitions definitions;
    private final PriorityPolicy policy;
    private final RoundRobinStore roundRobin;
    private final Router router;
    private final Consumer<DomainMessage> publisher;
    private final Clock clock;
    private final FlowSettings settings;
    private final CallConnector connector;

    Dispatcher(FlowParts parts, AgentBoard board, CallLedger ledger, Definitions definitions, RoundRobinStore roundRobin) {
        this(parts, board, ledger, definitions, roundRobin, CallConnector.DIRECT);
    }

    /** With {@code connector} choosing the command that connects a routed call (a callback calls back). */
    Dispatcher(FlowParts parts, AgentBoard board, CallLedger ledger, Definitions definitions, RoundRobinStore roundRobin,
               CallConnector connector) {
        this.waiting = parts.waiting();
        this.reservations = parts.reservations();
        this.ready = parts.ready();
        this.board = board;
        this.ledger = ledger;
        this.definitions = definitions;
        this.policy = new PriorityPolicy(parts.settings().priority());
        this.roundRobin = roundRobin;
        this.router = new Router(new java.util.Random());
        this.publisher = parts.publisher();
        this.clock = parts.clock();
        this.settings = parts.settings();
        this.connector = connector;
    }

    PriorityPolicy policy() {
        return policy;
    }

    /** One routing round; with {@code explain} the reason each remaining call waits is filed with it as well. */
    int tryRoute(boolean explain) {
        Instant now = clock.instant();
        // The board first: with nobody Ready and nothing to explain, the queues' heads need not be read at all.
        List<Agent> agents = board.all().stream().map(BoardEntry::agent)
                .filter(agent -> !(agent.state() instanceof AgentState.LoggedOut)).toList();
        if (!explain && agents.stream().noneMatch(Agent::isReady)) {
            return 0;
        }
        List<QueueDefinition> queues = definitions.queues();
        List<WaitingCall> calls = new ArrayList<>();
        for (QueueDefinition queue : queues) {
            for (QueuedCall call : waiting.heads(queue.name(), settings.headsPerQueue())) {
                calls.add(waitingCall(call, queues));
            }
        }
        if (calls.isEmpty()) {
            return 0;
        }
        RoundResult round = router.route(new RoutingSnapshot(queues, agents, calls, roundRobin.load()), now);
        int connected = 0;
        for (RoutingDecision decision : round.decisions()) {
            if (reserveAndConnect(decision)) {
                connected++;
            }
        }
        roundRobin.save(round.memory());
        if (explain) {
            for (WaitExplanation wait : round.waiting()) {
                ledger.write(wait.call(), CallLedger.WAIT_REASON, wait.text());
            }
        }
        return connected;
    }

    private boolean reserveAndConnect(RoutingDecision decision) {
        QueueDefinition queue = definitions.queue(decision.queue()).orElse(null);
        if (queue == null) {
            return false;
        }
        ReservationAttempt attempt = reservations.reserve(decision.call(), decision.agent(), settings.reservationTimeout());
        if (!(attempt instanceof ReservationAttempt.Granted granted)) {
            LOG.debug("{} not reserved: {}", decision.call(), attempt);
            return false;
        }
        Reservation reservation = granted.granted();
        CallId call = decision.call();
        AgentId agent = decision.agent();
        BoardMove move = board.move(agent, entry -> entry.state() instanceof AgentState.Ready
                ? BoardChange.to(new AgentState.Reserved(call)) : BoardChange.none());
        if (!move.moved()) {
            // The agent left Ready between the snapshot and the reservation: give the call its place back.
            reservations.redirectOnNoAnswer(reservation.token());
            if (move.current().agent().isReady()) {
                ready.markReady(agent, move.current().agent().idleSince());
            }
            return false;
        }
        ledger.write(call, Map.of(CallLedger.AGENT, agent.value(), CallLedger.TOKEN, reservation.token().toString(),
                CallLedger.ROUTED_QUEUE, decision.queue().value(), CallLedger.REASON, decision.text(),
                CallLedger.DECIDED_AT, CallLedger.millis(decision.decidedAt())));
        String endpoint = move.current().agent().endpoint();
        publisher.accept(connector.connect(call, agent, endpoint.substring(endpoint.indexOf('/') + 1),
                ringTimeout(queue)));
        LOG.info("routed {}", decision.text());
        return true;
    }

    private static Duration ringTimeout(QueueDefinition queue) {
        return queue.ringTimeout().isZero() || queue.ringTimeout().isNegative() ? Duration.ofSeconds(15)
                : queue.ringTimeout();
    }

    private WaitingCall waitingCall(QueuedCall call, List<QueueDefinition> queues) {
        CustomerFacts facts = CallerFacts.of(call.context());
        return new WaitingCall(call.id(), call.queue(), policy.priorityOf(facts, call.queue(), queues),
                call.enqueuedAt(), facts, call.context().lastAgent().orElse(null));
    }
}
