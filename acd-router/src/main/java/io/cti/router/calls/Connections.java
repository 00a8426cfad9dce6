package io.cti.router.calls;

import io.cti.core.ids.CallId;
import io.cti.core.messages.ConnectToAgent;
import io.cti.router.board.AgentBoard;
import io.cti.router.board.BoardEntry;
import io.cti.router.board.BoardReservation;
import io.cti.router.board.ReservationRequest;
import io.cti.router.queues.QueueDefinition;
import io.cti.router.reservations.Refusal;
import io.cti.router.routing.RoutingDecision;
import io.cti.router.routing.WaitingCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns one routing decision into a call ringing at the agent's phone: reserves the agent for the call on the board
 * (one Lua script: the reservation with its fencing token, the agent Reserved, the decision filed in the call's
 * record), then sends {@link ConnectToAgent} carrying the reservation's fencing token (or what the {@link CallConnector} chooses for a call of the router's
 * own, such as a callback) and starts reading the caller's card for the screen-pop. A refused
 * reservation changes nothing and says which side is gone, for the dispatcher to try the next decision.
 * Not thread-safe: the flow calls it under its lock.
 */
final class Connections {

    private static final Logger LOG = LoggerFactory.getLogger(Connections.class);
    /** How long the agent's phone rings for a queue that says nothing. */
    private static final Duration DEFAULT_RING = Duration.ofSeconds(15);

    /** What became of one decision. */
    sealed interface Outcome {
    }

    /** The call rings at the agent's phone. */
    record Connected() implements Outcome {
    }

    /** The call is not waiting any more: another router took it, or it ended. */
    record CallGone() implements Outcome {
    }

    /** The agent is not free any more (another router reserved them, or they moved on); {@code agent} as read now. */
    record AgentTaken(Optional<BoardEntry> agent) implements Outcome {
    }

    /** The decision names a queue the definitions no longer have: the board is behind the definitions. */
    record QueueUnknown() implements Outcome {
    }

    private final FlowParts parts;
    private final AgentBoard board;
    private final Definitions definitions;
    private final PopCards pops;
    private final CallConnector connector;

    Connections(FlowParts parts, AgentBoard board, Definitions definitions, PopCards pops, CallConnector connector) {
        this.parts = parts;
        this.board = board;
        this.definitions = definitions;
        this.pops = pops;
        this.connector = connector;
    }

    Outcome connect(RoutingDecision decision, WaitingCall call) {
        return connect(decision, call, board::reserve);
    }

    /**
     * As {@link #connect(RoutingDecision, WaitingCall)}, the reservation made by {@code reserving} (null: nothing
     * was reserved, the agent was not as the decision took them to be).
     */
    Outcome connect(RoutingDecision decision, WaitingCall call,
                    Function<ReservationRequest, BoardReservation> reserving) {
        Optional<ReservationRequest> request = requestFor(decision);
        if (request.isEmpty()) {
            return new QueueUnknown();
        }
        return reserved(decision, call, reserving.apply(request.get()));
    }

    /** The reservation {@code decision} asks for; empty if it names a queue the definitions no longer have. */
    Optional<ReservationRequest> requestFor(RoutingDecision decision) {
        if (definitions.queue(decision.queue()).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ReservationRequest(decision.call(), decision.agent(),
                parts.settings().reservationTimeout(), parts.router(),
                Map.of(CallLedger.AGENT, decision.agent().value(), CallLedger.ROUTED_QUEUE, decision.queue().value(),
                        CallLedger.REASON, decision.text(), CallLedger.DECIDED_AT, CallLedger.millis(decision.decidedAt())),
                CallLedger.TOKEN, CallLedger.KEEP));
    }

    /**
     * What became of {@code decision} once its reservation was made ({@code reservation}; null: nothing was
     * reserved, the agent was not as the decision took them to be): a granted one is connected - also if its queue was
     * deleted since the reservation was sent (it rings for the default time then), as the call waited in it.
     */
    Outcome reserved(RoutingDecision decision, WaitingCall call, BoardReservation reservation) {
        CallId id = decision.call();
        if (reservation == null) {
            return new AgentTaken(Optional.empty());
        }
        if (reservation instanceof BoardReservation.Refused refused) {
            LOG.debug("{} not reserved: {}", id, refused.reason());
            return refused.reason() == Refusal.CALL_NOT_WAITING ? new CallGone()
                    : new AgentTaken(board.entry(decision.agent()));
        }
        BoardReservation.Granted granted = (BoardReservation.Granted) reservation;
        String endpoint = granted.after().agent().endpoint();
        Duration ringTimeout = definitions.queue(decision.queue()).map(Connections::ringTimeout).orElse(DEFAULT_RING);
        parts.publisher().accept(connector.connect(id, decision.agent(), endpoint.substring(endpoint.indexOf('/') + 1),
                ringTimeout, granted.reservation().token()));
        if (call != null) {
            pops.readAhead(id, call.customer().customerId());
        }
        LOG.info("routed {}", decision.text());
        return new Connected();
    }

    private static Duration ringTimeout(QueueDefinition queue) {
        return queue.ringTimeout().isZero() || queue.ringTimeout().isNegative() ? DEFAULT_RING : queue.ringTimeout();
    }
}
