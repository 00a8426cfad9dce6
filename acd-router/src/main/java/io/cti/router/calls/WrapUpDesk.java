package io.cti.router.calls;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.messages.CompleteWrapUp;
import io.cti.router.agents.AgentState;
import io.cti.router.board.AgentBoard;
import io.cti.router.board.BoardChange;
import io.cti.router.board.BoardMove;
import io.cti.router.board.BoardEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Ends wrap-ups, by the agent's CompleteWrapUp or when the queue's wrap-up time runs out: writes the call to the
 * customer's history with its timings (through {@link HistoryWriter}: once, and in one transaction with the refresh
 * of the customer's figures), counts the call completed with its handle time for the queue and the agent, and puts
 * the agent back to Ready, or Not ready if they asked for it during the call or went Not ready during wrap-up.
 * Not thread-safe: the flow calls it under its lock.
 */
final class WrapUpDesk {

    private static final Logger LOG = LoggerFactory.getLogger(WrapUpDesk.class);

    private final FlowParts parts;
    private final AgentBoard board;
    private final CallLedger ledger;
    private final QueueFiguresDesk figures;
    private final HistoryWriter history;
    private final Runnable tryRoute;
    /**
     * Writes the agent's move back, routing them in the same step if it frees them; given what to do after the move
     * if it has to be made again (see {@link Dispatcher#writer}).
     */
    private final Function<Consumer<BoardMove>, AgentBoard.MoveWriter> writer;

    WrapUpDesk(FlowParts parts, AgentBoard board, CallLedger ledger, QueueFiguresDesk figures, HistoryWriter history,
               Runnable tryRoute, Function<Consumer<BoardMove>, AgentBoard.MoveWriter> writer) {
        this.parts = parts;
        this.board = board;
        this.ledger = ledger;
        this.figures = figures;
        this.history = history;
        this.tryRoute = tryRoute;
        this.writer = writer;
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
        boolean routeAfter = false;
        for (BoardEntry entry : board.allWhere(state -> state instanceof AgentState.WrapUp w && w.isOverAt(now))) {
            if (entry.state() instanceof AgentState.WrapUp w) {
                if (entry.wrapUpCall() == null) {
                    routeAfter |= movedBack(entry.agent().id(), e -> e.state().equals(w));
                } else {
                    finish(entry.wrapUpCall(), entry.agent().id(), "", "", null, 0, w.endsAt());
                }
            }
        }
        if (routeAfter) {
            // Once for all of them: an agent who went Not ready (or moved meanwhile) may still leave a call routable.
            tryRoute.run();
        }
    }

    void finish(CallId call, AgentId agent, String disposition, String notes, Instant callbackAt, int satisfaction,
                Instant doneAt) {
        Optional<CallRecord> record = ledger.find(call);
        if (record.isPresent() && !ledger.done(call, "history")) {
            record(record.get(), agent, new HistoryWriter.WrapUpNotes(disposition, notes, callbackAt, satisfaction,
                    doneAt));
            // Marked only once written: a failed write is retried with the redelivered wrap-up.
            ledger.once(call, "history");
        }
        if (movedBack(agent, entry -> isWrappingUp(entry, call))) {
            tryRoute.run();
        }
    }

    /**
     * Moves the agent back (Ready, or Not ready as asked) if still wrapping up as {@code wrappingUp} says, through
     * the dispatcher's writer (freed and reserved in one script). True unless the move made the agent Ready (the
     * writer then routed for them): an agent gone Not ready, moved meanwhile or not moved may still leave a call
     * routable.
     */
    private boolean movedBack(AgentId agent, Predicate<BoardEntry> wrappingUp) {
        BoardMove move = board.move(agent, entry -> wrappingUp.test(entry) ? back(entry) : BoardChange.none(),
                writer.apply(again -> {
                    if (!madeReady(again)) {
                        tryRoute.run();
                    }
                }));
        return !madeReady(move);
    }

    private static boolean madeReady(BoardMove move) {
        return move instanceof BoardMove.Moved moved && moved.after().agent().isReady();
    }

    private static boolean isWrappingUp(BoardEntry entry, CallId call) {
        return entry.state() instanceof AgentState.WrapUp && call.equals(entry.wrapUpCall())
                || entry.state().equals(new AgentState.OnCall(call));
    }

    private static BoardChange back(BoardEntry entry) {
        return BoardChange.to(entry.notReadyAfterCall() == null ? AgentState.READY
                : new AgentState.NotReady(entry.notReadyAfterCall()));
    }

    private void record(CallRecord call, AgentId agent, HistoryWriter.WrapUpNotes wrapUp) {
        Instant ended = call.endedAt().orElse(wrapUp.doneAt());
        Instant answered = call.answeredAt().orElse(call.arrivedAt());
        CallTimings timings = CallTimings.answered(call.arrivedAt(), call.ringingAt(), answered, ended,
                wrapUp.doneAt(), call.holds().total(ended));
        history.answered(call, agent, timings, ended, wrapUp);
        figures.completed(call.routedQueue(), agent, call.segmentId(), wrapUp.doneAt(),
                Duration.ofSeconds(timings.handleSeconds()));
        ledger.write(call.id(), CallLedger.WRAP_UP_DONE_AT, CallLedger.millis(wrapUp.doneAt()));
    }
}
