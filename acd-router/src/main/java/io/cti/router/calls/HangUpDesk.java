package io.cti.router.calls;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.ids.QueueName;
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
import java.util.List;
import java.util.Optional;

/**
 * The end of a call and its holds. Ended unanswered, while waiting or while an agent was reserved or rang: abandoned
 * (out of the queue, counted, written to the known caller's history), the reservation given up and the agent Ready
 * again. Ended after talk: the agent goes to wrap-up for the queue's wrap-up time (none: the call is wrapped up at
 * once). CallHeld and CallResumed go to the call's hold log, from which the hold time is taken at wrap-up. Not
 * thread-safe: the flow calls it under its lock.
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
    private final HistoryWriter history;

    HangUpDesk(FlowParts parts, AgentBoard board, CallLedger ledger, Definitions definitions, Dispatcher dispatcher,
               QueueFiguresDesk figures, WrapUpDesk wrapUps, HistoryWriter history) {
        this.parts = parts;
        this.board = board;
        this.ledger = ledger;
        this.definitions = definitions;
        this.dispatcher = dispatcher;
        this.figures = figures;
        this.wrapUps = wrapUps;
        this.history = history;
    }

    void ended(CallEnded event) {
        CallId call = event.callId();
        Optional<CallRecord> found = ledger.find(call);
        if (found.isEmpty()) {
            // Not arrived yet as far as the router knows: another router may still be handling its arrival, which
            // then finds the end here and counts the call abandoned instead of queueing it.
            parts.waiting().remove(call);
            ledger.endedBeforeArrival(call, event.occurredAt());
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
        abandoned(record);
        dispatcher.tryRoute(false);
    }

    /** The caller of a call never answered hung up: written to their history and counted, once each. */
    void abandoned(CallRecord record) {
        Instant endedAt = record.endedAt().orElseThrow();
        CallTimings timings = CallTimings.unanswered(record.arrivedAt(), record.ringingAt(), endedAt);
        // Both are once per call by themselves (a redelivered end writes and counts nothing), history first: a
        // failure there leaves the end to be handled again.
        history.abandoned(record, timings, endedAt);
        figures.abandoned(record.routedQueue(), record.segmentId(), endedAt,
                Duration.ofSeconds(timings.secondsBeforeTalk()));
        if (ledger.once(record.id(), "abandoned")) {
            LOG.info("call {} abandoned in {} after {} s", record.id(), record.routedQueue(),
                    timings.secondsBeforeTalk());
        }
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
    }

    /**
     * Calls of {@code queue} waiting far past its maximum wait (the PBX's hold timeout ends them there) are gone
     * without an end on the bus, such as calls of a PBX that restarted: they leave the queue, uncounted. The queue's
     * oldest call is looked at first: its calls are read only when that one is overdue.
     */
    void dropOverdue(QueueName name) {
        Instant now = parts.clock().instant();
        definitions.queue(name).ifPresent(queue -> {
            Duration limit = queue.maxWait().plus(OVERDUE_GRACE);
            Optional<Instant> oldest = parts.waiting().depth(name).oldestEnqueuedAt();
            if (oldest.isEmpty() || Duration.between(oldest.get(), now).compareTo(limit) <= 0) {
                return;
            }
            for (QueuedCall call : parts.waiting().heads(name, parts.settings().headsPerQueue())) {
                // A callback keeps the place its caller entered at and waits as long as it takes: it is no PBX call.
                if (Duration.between(call.enqueuedAt(), now).compareTo(limit) > 0 && !CallbackDesk.isCallback(call)) {
                    forget(call.id(), now, "waited past the maximum wait of " + name);
                }
            }
        });
    }

    /** Whether a call of {@code queue} waiting since {@code since} is long gone at {@code now}. */
    static boolean overdue(Optional<QueueDefinition> queue, Instant since, Instant now) {
        return queue.map(q -> Duration.between(since, now).compareTo(q.maxWait().plus(OVERDUE_GRACE)) > 0)
                .orElse(false);
    }

    /**
     * Forgets the calls of a PBX that is gone for good. Reservations go first, since their calls are out of their
     * queues: expired ones are reaped and current ones of agents reserved or rung are given up, so every such call is
     * back at its place before the waiting calls are forgotten; none is left for the reaper to bring back later as a
     * call that no longer exists. Callbacks (no PBX calls) keep their places, as waiting callbacks do.
     */
    void forgetAll() {
        Instant now = parts.clock().instant();
        parts.reservations().reapExpired();
        List<BoardEntry> busy = board.all().stream().filter(entry -> onACall(entry.state())).toList();
        for (BoardEntry entry : busy) {
            if (!(entry.state() instanceof AgentState.OnCall)) {
                entry.call().flatMap(parts.reservations()::currentOf)
                        .ifPresent(reservation -> parts.reservations().redirectOnNoAnswer(reservation.token()));
            }
        }
        for (QueueDefinition queue : definitions.queues()) {
            for (QueuedCall call : parts.waiting().heads(queue.name(), 10_000)) {
                if (!CallbackDesk.isCallback(call)) {
                    forget(call.id(), now, "its PBX is gone");
                }
            }
        }
        for (BoardEntry entry : busy) {
            AgentState state = entry.state();
            entry.call().filter(call -> parts.waiting().find(call).isEmpty())
                    .ifPresent(call -> ledger.firstTime(call, CallLedger.ENDED_AT, now));
            board.move(entry.agent().id(), e -> e.state().equals(state) ? BoardChange.to(AgentState.LOGGED_OUT)
                    : BoardChange.none());
        }
    }

    private static boolean onACall(AgentState state) {
        return state instanceof AgentState.Reserved || state instanceof AgentState.Ringing
                || state instanceof AgentState.OnCall;
    }

    private void forget(CallId call, Instant at, String why) {
        parts.waiting().remove(call);
        ledger.firstTime(call, CallLedger.ENDED_AT, at);
        ledger.find(call).ifPresent(record -> figures.changed(record.queue()));
        LOG.info("call {} dropped: {}", call, why);
    }

    void held(CallHeld event) {
        ledger.logHold(event.callId(), event.id(), true, event.occurredAt(), event.channel());
    }

    void resumed(CallResumed event) {
        ledger.logHold(event.callId(), event.id(), false, event.occurredAt(), event.channel());
    }
}
