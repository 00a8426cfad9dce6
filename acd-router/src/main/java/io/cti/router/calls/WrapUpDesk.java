package io.cti.router.calls;

import io.cti.core.customers.CarePlanContact;
import io.cti.core.customers.Channel;
import io.cti.core.customers.Interaction;
import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.ids.CustomerId;
import io.cti.core.messages.CompleteWrapUp;
import io.cti.core.messages.InteractionRecorded;
import io.cti.core.messages.RefreshCustomerFigures;
import io.cti.core.phone.PhoneNumber;
import io.cti.router.agents.AgentState;
import io.cti.router.board.AgentBoard;
import io.cti.router.board.BoardChange;
import io.cti.router.board.BoardEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Ends wrap-ups, by the agent's CompleteWrapUp or when the queue's wrap-up time runs out: writes the interaction
 * to the customer's history once (timings, queue, agent, disposition, notes; satisfaction and a callback when
 * given), asks for the customer's figures to be refreshed, counts the handle time, and puts the agent back to
 * Ready, or Not ready if they asked for it during the call or went Not ready during wrap-up. Unknown callers have
 * no history to write to (cti-core's history belongs to a customer): their calls are logged and counted only.
 * Not thread-safe: the flow calls it under its lock.
 */
final class WrapUpDesk {

    private static final Logger LOG = LoggerFactory.getLogger(WrapUpDesk.class);

    private final FlowParts parts;
    private final AgentBoard board;
    private final CallLedger ledger;
    private final QueueFiguresDesk figures;
    private final Runnable tryRoute;

    WrapUpDesk(FlowParts parts, AgentBoard board, CallLedger ledger, QueueFiguresDesk figures, Runnable tryRoute) {
        this.parts = parts;
        this.board = board;
        this.ledger = ledger;
        this.figures = figures;
        this.tryRoute = tryRoute;
    }

    void complete(CompleteWrapUp command) {
        Optional<CallRecord> record = ledger.find(command.callId());
        if (record.isEmpty() || record.get().endedAt().isEmpty()
                || !record.get().agent().map(command.agentId()::equals).orElse(false)) {
            LOG.info("wrap-up of {} by {} refused: not a finished call of that agent", command.callId(), command.agentId());
            return;
        }
        finish(command.callId(), command.agentId(), command.disposition(), command.notes(), command.callbackAt(),
                command.satisfaction(), command.occurredAt());
    }

    /** Ends every wrap-up whose time ran out by now. */
    void expireDue() {
        Instant now = parts.clock().instant();
        for (BoardEntry entry : board.all()) {
            if (entry.state() instanceof AgentState.WrapUp w && w.isOverAt(now)) {
                if (entry.wrapUpCall() == null) {
                    board.move(entry.agent().id(), e -> e.state().equals(w) ? back(e) : BoardChange.none());
                } else {
                    finish(entry.wrapUpCall(), entry.agent().id(), "", "", null, 0, w.endsAt());
                }
            }
        }
    }

    void finish(CallId call, AgentId agent, String disposition, String notes, Instant callbackAt, int satisfaction,
                Instant doneAt) {
        Optional<CallRecord> record = ledger.find(call);
        if (record.isPresent() && !ledger.done(call, "history")) {
            record(record.get(), agent, disposition, notes, callbackAt, satisfaction, doneAt);
            ledger.once(call, "history");
        }
        board.move(agent, entry -> isWrappingUp(entry, call) ? back(entry) : BoardChange.none());
        tryRoute.run();
    }

    private static boolean isWrappingUp(BoardEntry entry, CallId call) {
        return entry.state() instanceof AgentState.WrapUp && call.equals(entry.wrapUpCall())
                || entry.state().equals(new AgentState.OnCall(call));
    }

    private static BoardChange back(BoardEntry entry) {
        return BoardChange.to(entry.notReadyAfterCall() == null ? AgentState.READY
                : new AgentState.NotReady(entry.notReadyAfterCall()));
    }

    private void record(CallRecord call, AgentId agent, String disposition, String notes, Instant callbackAt,
                        int satisfaction, Instant doneAt) {
        Instant arrived = call.arrivedAt();
        Instant answered = call.answeredAt().orElse(arrived);
        Instant rang = call.ringingAt().filter(r -> !r.isAfter(answered)).orElse(answered);
        Instant ended = call.endedAt().orElse(doneAt);
        Duration hold = call.hold();
        Duration talk = positive(Duration.between(answered, ended).minus(hold));
        Duration wrapUp = positive(Duration.between(ended, doneAt));
        figures.completed(call.queue(), doneAt, talk.plus(hold).plus(wrapUp));
        ledger.write(call.id(), CallLedger.WRAP_UP_DONE_AT, CallLedger.millis(doneAt));
        String timings = "wait " + seconds(Duration.between(arrived, rang)) + " s, ring " + seconds(Duration.between(rang, answered))
                + " s, talk " + seconds(talk) + " s, hold " + seconds(hold) + " s, wrap-up " + seconds(wrapUp) + " s";
        Optional<CustomerId> customer = call.customer();
        if (customer.isEmpty()) {
            LOG.info("call {} from unknown caller {} wrapped up by {} ({}): no customer history to write", call.id(),
                    PhoneNumber.mask(call.callerNumber()), agent, timings);
            return;
        }
        // cti-core's interaction has columns for wait and talk only; ring, hold and wrap-up go into the notes.
        String allNotes = (notes == null || notes.isBlank() ? "" : notes + "\n") + "[" + timings + "]";
        // A callback is the business calling the customer: outbound, though it was routed like a call.
        Interaction interaction = new Interaction(0, Channel.PHONE, call.direction(), agent.value(), call.id().value(),
                call.routedQueue().value(), "answered", disposition == null || disposition.isBlank() ? null : disposition,
                allNotes, arrived, ended.isBefore(arrived) ? arrived : ended,
                (int) seconds(Duration.between(arrived, rang)), (int) seconds(talk));
        long id = parts.history().recordInteraction(customer.get(), interaction);
        if (satisfaction > 0) {
            parts.history().recordSatisfaction(customer.get(), satisfaction, id, doneAt, null);
        }
        if (callbackAt != null) {
            parts.history().planContact(customer.get(), new CarePlanContact(0, callbackAt, "callback after call "
                    + call.id().value(), Channel.PHONE, agent.value(), null));
        }
        parts.publisher().accept(InteractionRecorded.now(customer.get(), id, Channel.PHONE.name(),
                call.direction().name(), "answered"));
        // recordInteraction does not refresh the figures itself; the customer database does it on this command.
        parts.publisher().accept(RefreshCustomerFigures.now(customer.get()));
        LOG.info("call {} wrapped up by {}: interaction {} of customer {} ({})", call.id(), agent, id, customer.get(),
                timings);
    }

    private static Duration positive(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }

    private static long seconds(Duration duration) {
        return Math.max(0, Math.round(duration.toMillis() / 1000.0));
    }
}
