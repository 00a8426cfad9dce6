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
import io.cti.router.queues.QueueDefinition;
import io.cti.router.reservations.Reservation;
import io.cti.router.screenpop.ScreenPopComposer;
import io.cti.router.screenpop.ScreenPopComposer.PopContext;
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

    private final FlowParts parts;
    private final AgentBoard board;
    private final CallLedger ledger;
    private final Definitions definitions;
    private final Dispatcher dispatcher;
    private final QueueFiguresDesk figures;
    private final ScreenPopComposer composer;
    private final PopCards pops;
    private final RingRecords rings;

    AgentLegDesk(FlowParts parts, AgentBoard board, CallLedger ledger, Definitions definitions, Dispatcher dispatcher,
                 QueueFiguresDesk figures, ScreenPopComposer composer, PopCards pops) {
        this.parts = parts;
        this.board = board;
        this.ledger = ledger;
        this.definitions = definitions;
        this.dispatcher = dispatcher;
        this.figures = figures;
        this.composer = composer;
        this.pops = pops;
        this.rings = new RingRecords(parts.redis(), parts.keys());
    }

    /**
     * The pop's path, kept short: the call's record and current reservation in one read, the reservation confirmed
     * with the ring's moment and the pop's once-marker in one write (nothing written, no move and no pop when the
     * reservation ended meanwhile), the agent's move to Ringing (one compare-and-set on what the board last saw),
     * and the caller's card as read ahead at the reservation.
     */
    void ringing(AgentLegRinging event) {
        CallId call = event.callId();
        RingRecords.Ring ring = rings.read(call);
        Optional<CallRecord> record = ring.record();
        Optional<Reservation> reservation = ring.reservation().filter(r -> sitsAt(r.agent(), event.endpoint()));
        if (record.isEmpty() || reservation.isEmpty()) {
            // A late ring of an earlier reservation's phone, or of one the reaper already gave up.
            LOG.info("{} rings at {} without a current reservation of that phone; no pop", call, event.endpoint());
            return;
        }
        AgentId agent = reservation.get().agent();
        Duration ringTime = definitions.queue(record.get().routedQueue()).map(QueueDefinition::ringTimeout)
                .orElse(Duration.ofSeconds(15));
        RingRecords.Rang rang = rings.rang(call, reservation.get().token(),
                ringTime.plus(parts.settings().ringMargin()), event.occurredAt(), "pop:" + reservation.get().token());
        if (!rang.confirmed()) {
            // Expired or given up between the read and the write: the reaper puts the call back; no pop for it.
            LOG.info("{} rings at {} as its reservation {} ends; no pop", call, event.endpoint(),
                    reservation.get().token());
            return;
        }
        board.move(agent, entry -> entry.state().equals(new AgentState.Reserved(call))
                ? BoardChange.to(new AgentState.Ringing(call)) : BoardChange.none());
        if (rang.firstPop()) {
            CallRecord r = record.get();
            PopContext context = new PopContext(call, agent, r.routedQueue(), r.callerNumber(), r.customer(),
                    r.arrivedAt(), r.ivrChoices(), r.popReason());
            parts.publisher().accept(composer.compose(context, event.occurredAt(),
                    pops.take(call, r.customer(), event.occurredAt())));
        }
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

    private boolean sitsAt(AgentId agent, String endpoint) {
        return definitions.profileOf(agent).map(p -> p.endpoint().toString().equals(endpoint)).orElse(false);
    }

    /** Whether the agent's state is the reservation or the ringing of {@code call}. */
    static boolean isAbout(AgentState state, CallId call) {
        return state.equals(new AgentState.Reserved(call)) || state.equals(new AgentState.Ringing(call));
    }
}
