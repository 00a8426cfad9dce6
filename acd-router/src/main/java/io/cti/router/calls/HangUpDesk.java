package io.cti.router.calls;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.messages.CallEnded;
import io.cti.core.messages.CallHeld;
import io.cti.core.messages.CallResumed;
import io.cti.router.agents.AgentState;
import io.cti.router.board.AgentBoard;
import io.cti.router.board.BoardChange;
import io.cti.router.board.BoardEntry;
import io.cti.router.waiting.QueuedCall;
import io.cti.router.queues.QueueDefinition;
import io.cti.router.reservations.Reservation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The end of a call and its holds. Ended while waiting: abandoned (out of the queue, counted). Ended while an agent
 * was reserved or rang: the reservation is given up and the agent Ready again. Ended after talk: the agent goes to
 * wrap-up for the queue's wrap-up time (none: the call is wrapped up at once). Hold time is summed from
 * CallHeld/CallResumed. Not thread-safe: the flow calls it under its lock.
 */
final class HangUpDesk {

    private static final Logger LOG = LoggerFactory.getLogger(HangUpDesk.class);

    /** Beyond the queue's maximum wait, how long before a waiting call is taken for gone. */
    private static final Duration OVERDUE_GRACE = Duration.ofMinutes(2);

    private final FlowParts parts;
    private final AgentBoard board;
    private final CallLedger ledger;
    private final Definitions definitions;
    private final Dispatcher dispatcher;
    private final QueueFiguresDesk figures;
    private final WrapUpDesk wrapUps;

    HangUpDesk(FlowParts parts, AgentBoard board, CallLedger ledger, Definitions definitions, Dispatcher dispatcher,
               QueueFiguresDesk figures, WrapUpDesk wrapUps) {
        this.parts = parts;
        this.board = board;
        this.ledger = ledger;
        this.definitions = definitions;
        this.dispatcher = dispatcher;
        this.figures = figures;
        this.wrapUps = wrapUps;
    }

    void ended(CallEnded event) {
        CallId call = event.callId();
        Optional<CallRecord> found = ledger.find(call);
        if (found.isEmpty()) {
            parts.waiting().remove(call);
            return;
        }
        ledger.firstTime(call, CallLedger.ENDED_AT, event.occurredAt());
        CallRecord record = ledger.find(call).orElseThrow();
        if (record.answered()) {
            afterTalk(record, record.endedAt().orElse(event.occurredAt()));
            return;
        }
        Optional<Reservation> reservation = parts.reservations().currentOf(call);
        parts.waiting().remove(call);
        // Removed first, so the release finds no call to put back; the agent returns to the ready set.
        reservation.ifPresent(r -> parts.reservations().release(r.token()));
        record.agent().ifPresent(agent -> board.move(agent, entry -> AgentLegDesk.isAbout(entry.state(), call)
                ? BoardChange.to(AgentState.READY) : BoardChange.none()));
        if (ledger.once(call, "abandoned")) {
            LOG.info("call {} abandoned in {} after {} s", call, record.queue(),
                    Duration.between(record.arrivedAt(), event.occurredAt()).toSeconds());
            figures.abandoned(record.queue(), call, event.occurredAt());
        }
        dispatcher.tryRoute(false);
    }

    private void afterTalk(CallRecord record, Instant endedAt) {
        CallId call = record.id();
        Optional<AgentId> agent = record.agent();
        if (agent.isEmpty()) {
            return;
        }
        Duration wrapUp = definitions.queue(record.routedQueue()).map(QueueDefinition::wrapUp).orElse(Duration.ZERO);
        if (wrapUp.isZero() || wrapUp.isNegative()) {
            wrapUps.finish(call, agent.get(), "", "", null, 0, endedAt);
            return;
        }
        board.move(agent.get(), entry -> entry.state().equals(new AgentState.OnCall(call))
                ? BoardChange.wrapUp(endedAt.plus(wrapUp), call) : BoardChange.none());
        record.holdSince().ifPresent(since -> resumed(call, endedAt));
    }

    /**
     * Calls waiting far past their queue's maximum wait (the PBX's hold timeout ends them there) are gone without
     * an end on the bus, such as calls of a PBX that restarted: they leave the queue, uncounted.
     */
    void dropOverdue() {
        Instant now = parts.clock().instant();
        for (QueueDefinition queue : definitions.queues()) {
            Duration limit = queue.maxWait().plus(OVERDUE_GRACE);
            for (QueuedCall call : parts.waiting().heads(queue.name(), parts.settings().headsPerQueue())) {
                // A callback keeps the place its caller entered at and waits as long as it takes: it is no PBX call.
                if (Duration.between(call.enqueuedAt(), now).compareTo(limit) > 0 && !CallbackDesk.isCallback(call)) {
                    forget(call.id(), now, "waited past the maximum wait of " + queue.name());
                }
            }
        }
    }

    /** Whether a call of {@code queue} waiting since {@code since} is long gone at {@code now}. */
    static boolean overdue(Optional<QueueDefinition> queue, Instant since, Instant now) {
        return queue.map(q -> Duration.between(since, now).compareTo(q.maxWait().plus(OVERDUE_GRACE)) > 0)
                .orElse(false);
    }

    void forgetAll() {
        Instant now = parts.clock().instant();
        for (QueueDefinition queue : definitions.queues()) {
            for (QueuedCall call : parts.waiting().heads(queue.name(), 10_000)) {
                if (!CallbackDesk.isCallback(call)) {
                    forget(call.id(), now, "its PBX is gone");
                }
            }
        }
        for (BoardEntry entry : board.all()) {
            AgentState state = entry.state();
            if (state instanceof AgentState.Reserved || state instanceof AgentState.Ringing
                    || state instanceof AgentState.OnCall) {
                entry.call().ifPresent(call -> ledger.firstTime(call, CallLedger.ENDED_AT, now));
                board.move(entry.agent().id(), e -> e.state().equals(state) ? BoardChange.to(AgentState.LOGGED_OUT)
                        : BoardChange.none());
            }
        }
    }

    private void forget(CallId call, Instant at, String why) {
        parts.waiting().remove(call);
        ledger.firstTime(call, CallLedger.ENDED_AT, at);
        ledger.find(call).ifPresent(record -> figures.left(record.queue(), call, at));
        LOG.info("call {} dropped: {}", call, why);
    }

    void held(CallHeld event) {
        ledger.firstTime(event.callId(), CallLedger.HOLD_SINCE, event.occurredAt());
    }

    void resumed(CallResumed event) {
        resumed(event.callId(), event.occurredAt());
    }

    private void resumed(CallId call, Instant at) {
        ledger.find(call).flatMap(CallRecord::holdSince).ifPresent(since -> {
            // Clearing the start first makes a redelivered resume find nothing to add.
            ledger.write(call, CallLedger.HOLD_SINCE, "");
            ledger.add(call, CallLedger.HOLD_MILLIS, Math.max(0, Duration.between(since, at).toMillis()));
        });
    }
}
