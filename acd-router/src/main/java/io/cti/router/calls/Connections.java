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
        Optional<QueueDefinition> queue = definitions.queue(decision.queue());
        if (queue.isEmpty()) {
            return new QueueUnknown();
        }
        CallId id = decision.call();
        BoardReservation reservation = reserving.apply(new ReservationRequest(id, decision.agent(),
                parts.settings().reservationTimeout(), parts.router(),
                Map.of(CallLedger.AGENT, decision.agent().value(), CallLedger.ROUTED_QUEUE, decision.queue().value(),
                        CallLedger.REASON, decision.text(), CallLedger.DECIDED_AT, CallLedger.millis(decision.decidedAt())),
                CallLedger.TOKEN, CallLedger.KEEP));
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
        parts.publisher().accept(connector.connect(id, decision.agent(), endpoint.substring(endpoint.indexOf('/') + 1),
                ringTimeout(queue.get()), granted.reservation().token()));
        if (call != null) {
            pops.readAhead(id, call.customer().customerId());
        }
        LOG.info("routed {}", decision.text());
        return new Connected();
    }

    private static Duration ringTimeout(QueueDefinition queue) {
        return queue.ringTimeout().isZero() || queue.ringTimeout().isNegative() ? Duration.ofSeconds(15)
                : queue.ringTimeout();
    }
}
