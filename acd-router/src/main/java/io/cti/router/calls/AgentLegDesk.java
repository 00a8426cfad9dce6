package io.cti.router.calls;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.messages.AgentLegRinging;
import io.cti.core.messages.AgentLegUnanswered;
import io.cti.core.messages.CallConnected;
import io.cti.router.agents.AgentState;
import io.cti.router.board.AgentBoard;
import io.cti.router.board.BoardChange;
import io.cti.router.board.BoardEntry;
import io.cti.router.board.BoardMove;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The agent's leg of a routed call: ringing (agent Ringing, reservation confirmed, screen-pop), answered (agent
 * OnCall, reservation completed, counted as answered) and unanswered (RONA: agent Not ready "no answer", the call
 * back at its original place, routed again). Each step checks the call's current reservation, so a late event of
 * an expired or settled reservation changes nothing. Not thread-safe: the flow calls it under its lock.
 */
final class AgentLegDesk {

    private static final Logger LOG = LoggerFactory.getLogger(AgentLegDesk.class);
    /** The flow only confirms the ring when the pops are sent apart: it needs no once-marker of its own. */
    private static final String NO_MARKER = "";

    private final FlowParts parts;
    private final AgentBoard board;
    private final CallLedger ledger;
    private final Definitions definitions;
    private final Dispatcher dispatcher;
    private final QueueFiguresDesk figures;
    private final ScreenPops screenPops;
    /** Whether another consumer sends the pops; read by the flow's thread, set before the flow starts. */
    private volatile boolean popsApart;

    AgentLegDesk(FlowParts parts, AgentBoard board, CallLedger ledger, Definitions definitions, Dispatcher dispatcher,
                 QueueFiguresDesk figures, ScreenPops screenPops) {
        this.parts = parts;
        this.board = board;
        this.ledger = ledger;
        this.definitions = definitions;
        this.dispatcher = dispatcher;
        this.figures = figures;
        this.screenPops = screenPops;
    }

    /**
     * The ring confirmed and, unless the pops are sent apart ({@link ScreenPops}), the screen-pop sent; then the
     * agent's move to Ringing (one compare-and-set on what the board last saw). Nothing moves and nothing pops when
     * the reservation ended meanwhile or belongs to another phone.
     */
    void ringing(AgentLegRinging event) {
        Optional<ScreenPops.Confirmed> confirmed = popsApart ? screenPops.confirm(event, NO_MARKER)
                : screenPops.ringAndPop(event, parts.publisher());
        confirmed.ifPresent(c -> board.move(c.reservation().agent(),
                entry -> entry.state().equals(new AgentState.Reserved(event.callId()))
                        ? BoardChange.to(new AgentState.Ringing(event.callId())) : BoardChange.none()));
    }

    /** From now on the pops are sent by the {@link ScreenPops} consumer, not on the flow's thread. */
    void popsApart() {
        popsApart = true;
    }

    void connected(CallConnected event) {
        CallId call = event.callId();
        Optional<CallRecord> record = ledger.find(call);
        if (record.isEmpty() || record.get().agent().isEmpty()) {
            LOG.info("{} connected at {} but was not routed by the router; ignored", call, event.endpoint());
            return;
        }
        AgentId agent = record.get().agent().get();
        // First, so that a tick seeing the reservation gone knows the call was answered, not lost.
        ledger.firstTime(call, CallLedger.ANSWERED_AT, event.occurredAt());
        // Reserved goes through Ringing (a ring event may come after the answer, or not at all) to OnCall.
        BoardMove move = board.move(agent, entry -> entry.state().equals(new AgentState.Reserved(call))
                ? BoardChange.to(new AgentState.Ringing(call))
                : entry.state().equals(new AgentState.Ringing(call)) ? BoardChange.to(new AgentState.OnCall(call))
                : BoardChange.none());
        if (move.current().state().equals(new AgentState.Ringing(call))) {
            board.move(agent, entry -> entry.state().equals(new AgentState.Ringing(call))
                    ? BoardChange.to(new AgentState.OnCall(call)) : BoardChange.none());
        }
        parts.reservations().currentOf(call).ifPresent(r -> parts.reservations().complete(r.token()));
        // Counted once per call by the statistics themselves, with the first answer's time, so a redelivery that
        // follows a failure here still counts the answer.
        CallRecord answered = ledger.find(call).orElse(record.get());
        if (answered.isCallback()) {
            // The agent's phone answered; the contact is answered once the customer is (CallbackOutcomes).
            return;
        }
        Instant answeredAt = answered.answeredAt().orElse(event.occurredAt());
        int toAnswer = CallTimings.secondsToAnswer(answered.arrivedAt(), answered.ringingAt(), answeredAt);
        figures.answered(answered.routedQueue(), answered.segmentId(), answeredAt, Duration.ofSeconds(toAnswer));
    }

    void unanswered(AgentLegUnanswered event) {
        CallId call = event.callId();
        // The agent is the one at the phone that rang out: a late RONA of an earlier leg must not undo a newer one.
        Optional<BoardEntry> rang = definitions.agents().stream()
                .filter(p -> p.endpoint().toString().equals(event.endpoint()))
                .map(p -> board.entry(p.id())).flatMap(Optional::stream)
                .filter(e -> isAbout(e.state(), call)).findFirst();
        if (rang.isEmpty()) {
            return;
        }
        AgentId agent = rang.get().agent().id();
        parts.reservations().currentOf(call).filter(r -> r.agent().equals(agent))
                .ifPresent(r -> parts.reservations().redirectOnNoAnswer(r.token()));
        BoardMove move = board.move(agent, entry -> isAbout(entry.state(), call)
                ? BoardChange.to(new AgentState.NotReady(AgentState.NotReady.NO_ANSWER)) : BoardChange.none());
        if (move.moved()) {
            LOG.info("RONA: {} did not answer {} ({}); agent Not ready, the call back at its place", agent, call,
                    event.dialStatus());
        }
        if (ledger.find(call).flatMap(CallRecord::agent).filter(agent::equals).isPresent()) {
            ledger.write(call, java.util.Map.of(CallLedger.AGENT, "", CallLedger.TOKEN, ""));
        }
        dispatcher.tryRoute(false);
    }

    /** Whether the agent's state is the reservation or the ringing of {@code call}. */
    static boolean isAbout(AgentState state, CallId call) {
        return state.equals(new AgentState.Reserved(call)) || state.equals(new AgentState.Ringing(call));
    }
}
