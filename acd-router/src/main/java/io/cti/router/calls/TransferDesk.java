package io.cti.router.calls;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.ids.QueueName;
import io.cti.core.messages.BlindTransfer;
import io.cti.core.messages.ConnectToAgent;
import io.cti.core.messages.TransferCall;
import io.cti.router.agents.AgentState;
import io.cti.router.board.AgentBoard;
import io.cti.router.board.BoardChange;
import io.cti.router.board.BoardEntry;
import io.cti.router.board.BoardMove;
import io.cti.router.queues.QueueDefinition;
import io.cti.router.reservations.ReservationAttempt;
import io.cti.router.routing.CallPriority;
import io.cti.router.routing.CustomerFacts;
import io.cti.router.waiting.CallContext;
import io.cti.router.waiting.QueuedCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An agent hands their caller on. To a queue: the caller leaves the agent for the holding music, waits in that queue
 * from now (its service level counts from the transfer) with their customer context, and is routed like any call;
 * the transferring agent goes to wrap-up for the stretch they talked ({@link CallSegments}). To a named agent, who
 * must be Ready: the same, in the queue the call was routed in, and that agent is reserved for it at once and rung;
 * should they not answer (RONA) the caller keeps their place in that queue and goes to the next free agent, as any
 * call whose agent does not answer. Refused (and nothing done) when the agent is not talking on the call, the call is
 * on hold (resume first), the queue is unknown or the named agent is not Ready, and a transfer to a named agent of a
 * call routed in no active queue (a click-to-dial's), which would have nowhere to wait should that agent not answer.
 * A callback's or click-to-dial's call goes on as a plain live call (see {@link CallSegments}). The caller is moved with a blind
 * transfer to the holding context's {@code wait}. Not thread-safe: the flow calls it under its lock.
 */
final class TransferDesk {

    /** Where a caller waits for an agent (config/asterisk: [cti-hold], "wait" plays music and raises nothing). */
    static final String HOLDING_CONTEXT = "cti-hold";
    static final String HOLDING_EXTEN = "wait";

    private static final Logger LOG = LoggerFactory.getLogger(TransferDesk.class);

    private final FlowParts parts;
    private final AgentBoard board;
    private final Definitions definitions;
    private final Dispatcher dispatcher;
    private final QueueFiguresDesk figures;
    private final CallControlDesk control;
    private final CallLedger ledger;
    private final CallSegments segments;
    private final WrapUpDesk wrapUps;

    TransferDesk(FlowParts parts, AgentBoard board, CallLedger ledger, Definitions definitions, Dispatcher dispatcher,
                 QueueFiguresDesk figures, CallControlDesk control, WrapUpDesk wrapUps) {
        this.parts = parts;
        this.board = board;
        this.definitions = definitions;
        this.dispatcher = dispatcher;
        this.figures = figures;
        this.control = control;
        this.ledger = ledger;
        this.segments = new CallSegments(ledger);
        this.wrapUps = wrapUps;
    }

    void transfer(TransferCall command) {
        Optional<CallRecord> found = control.ownCall(command, command.agentId(), command.callId());
        if (found.isEmpty()) {
            return;
        }
        CallRecord call = found.get();
        if (CallControlDesk.isHeld(call)) {
            refuse(command, "on-hold", "call " + command.callId() + " is on hold: resume it, then transfer");
            return;
        }
        Optional<QueueName> queue = command.target().queue();
        if (queue.isPresent()) {
            if (definitions.queue(queue.get()).isEmpty()) {
                refuse(command, "unknown-queue", "there is no active queue " + queue.get());
                return;
            }
            // Other routers learn of the call from the change feed; this one's board is told at once.
            handOn(command, call, queue.get(), "transferred to queue " + queue.get())
                    .ifPresentOrElse(dispatcher::queued, () -> dispatcher.tryRoute(false));
            return;
        }
        AgentId target = command.target().agent().orElseThrow();
        if (definitions.queue(call.routedQueue()).isEmpty()) {
            // Should the named agent not answer, the caller would wait in a queue nobody serves (a click-to-dial's).
            refuse(command, "not-transferable", "call " + command.callId() + " belongs to no active queue ("
                    + call.routedQueue() + ") to wait in should " + target + " not answer: transfer it to a queue");
            return;
        }
        Optional<BoardEntry> entry = board.entry(target);
        if (entry.isEmpty() || !(entry.get().state() instanceof AgentState.Ready)
                || !parts.ready().isReady(target)) {
            refuse(command, "agent-not-ready", "agent " + target + " is not Ready"
                    + entry.map(e -> " (" + e.state() + ")").orElse(" (no such active agent)"));
            return;
        }
        QueueName routed = call.routedQueue();
        handOn(command, call, routed, "transferred to agent " + target);
        reserveForTarget(command.callId(), target, routed, command.agentId());
        dispatcher.tryRoute(false);
    }

    /** The caller leaves the agent and waits in {@code queue}; the agent goes to wrap-up for their stretch. */
    private Optional<QueuedCall> handOn(TransferCall command, CallRecord call, QueueName queue, String what) {
        Instant at = parts.clock().instant();
        AgentId agent = command.agentId();
        CallId closed = segments.transfer(call, queue, at, what,
                "transferred by " + agent + " from " + call.routedQueue());
        Duration wrapUp = definitions.queue(call.routedQueue()).map(QueueDefinition::wrapUp).orElse(Duration.ZERO);
        BoardMove move = board.move(agent, entry -> entry.state().equals(new AgentState.OnCall(call.id()))
                ? BoardChange.wrapUp(at.plus(wrapUp.isNegative() ? Duration.ZERO : wrapUp), closed)
                : BoardChange.none());
        if (move.moved() && (wrapUp.isZero() || wrapUp.isNegative())) {
            wrapUps.finish(closed, agent, "", "", null, 0, at);
        }
        parts.publisher().accept(BlindTransfer.now(call.id(), HOLDING_CONTEXT, HOLDING_EXTEN));
        CustomerFacts facts = call.customer().flatMap(parts.cards()::byId).map(CustomerFacts::of)
                .orElse(CustomerFacts.unknownCaller());
        CallPriority priority = dispatcher.policy().priorityOf(facts, queue, definitions.queues());
        // The transferring agent is not the caller's sticky agent for this stretch.
        CallContext context = new CallContext(call.customer(), Optional.empty(), List.of(), List.of(),
                CallerFacts.attributes(facts));
        QueuedCall queued = new QueuedCall(call.id(), queue, at, priority.orderKey(at), context);
        boolean requeued = parts.waiting().requeue(queued);
        if (requeued) {
            figures.changed(queue);
        }
        LOG.info("call {} {} by {}; {} wraps up stretch {}", call.id(), what, agent, agent, closed);
        return requeued ? Optional.of(queued) : Optional.empty();
    }

    /** The named agent, Ready a moment ago, is reserved for the call and rung; refused: the call waits its turn. */
    private void reserveForTarget(CallId call, AgentId target, QueueName queue, AgentId by) {
        // Decided after whatever was sent about the target without waiting, as a move of theirs would be.
        parts.inFlight().beforeMoving(target);
        ReservationAttempt attempt = parts.reservations().reserve(call, target, parts.settings().reservationTimeout());
        if (!(attempt instanceof ReservationAttempt.Granted granted)) {
            LOG.info("call {} transferred to {} waits in {}: {} could not be reserved ({})", call, target, queue,
                    target, attempt);
            return;
        }
        BoardMove move = board.move(target, entry -> entry.state() instanceof AgentState.Ready
                ? BoardChange.to(new AgentState.Reserved(call)) : BoardChange.none());
        if (!move.moved()) {
            parts.reservations().release(granted.granted().token());
            return;
        }
        ledger.write(call, Map.of(CallLedger.AGENT, target.value(), CallLedger.TOKEN,
                granted.granted().token().toString(), CallLedger.ROUTED_QUEUE, queue.value(), CallLedger.REASON,
                "transferred to " + target + " by " + by, CallLedger.DECIDED_AT,
                CallLedger.millis(parts.clock().instant())));
        String endpoint = move.current().agent().endpoint();
        Duration ring = definitions.queue(queue).map(QueueDefinition::ringTimeout)
                .filter(d -> !d.isZero() && !d.isNegative()).orElse(Duration.ofSeconds(15));
        parts.publisher().accept(ConnectToAgent.now(call, target, endpoint.substring(endpoint.indexOf('/') + 1), ring,
                granted.granted().token().value()));
        LOG.info("call {} transferred by {}: {} reserved and rung", call, by, target);
    }

    private void refuse(TransferCall command, String reasonId, String reason) {
        control.refuse(command, command.agentId(), command.callId(), reasonId, reason);
    }
}
