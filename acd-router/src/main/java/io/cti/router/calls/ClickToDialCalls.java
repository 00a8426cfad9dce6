package io.cti.router.calls;

import io.cti.core.customers.Channel;
import io.cti.core.customers.Direction;
import io.cti.core.customers.Interaction;
import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.ids.CustomerId;
import io.cti.core.messages.AgentLegRinging;
import io.cti.core.messages.AgentLegUnanswered;
import io.cti.core.messages.CallEnded;
import io.cti.core.messages.CallbackDialed;
import io.cti.core.messages.DomainMessage;
import io.cti.core.messages.InteractionRecorded;
import io.cti.core.messages.OriginateOutcome;
import io.cti.core.messages.RefreshCustomerFigures;
import io.cti.router.agents.AgentState;
import io.cti.router.board.AgentBoard;
import io.cti.router.board.BoardChange;
import io.cti.router.board.BoardEntry;
import io.cti.router.screenpop.ScreenPopComposer;
import io.cti.router.screenpop.ScreenPopComposer.PopContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The calls agents place from the customer card, once placed ({@link ClickToDialDesk}): they run as a callback's
 * call does on the PBX (the agent's phone first, then the customer through [cti-callback]), but belong to no queue
 * and hold no reservation, so their agent's leg is followed here. The agent's phone rings (agent Ringing, the
 * customer's card popped); the agent answers (CallConnected, left to the agent-leg desk: agent on the call); the
 * customer answers (talk time starts there) and the call ends as any talked call, written to the customer's
 * history as outbound with its timings; a customer not reached is written as {@code not-reached} and the agent is
 * free again at once; an agent who does not answer their own phone is free again too, with no RONA. Not
 * thread-safe: the flow calls it under its lock.
 */
final class ClickToDialCalls {

    /** The start of a click-to-dial's call id (what the PBX names the call by). */
    static final String PREFIX = "c2d-";
    static final String NOT_REACHED = "not-reached";

    private static final Logger LOG = LoggerFactory.getLogger(ClickToDialCalls.class);

    private final FlowParts parts;
    private final AgentBoard board;
    private final CallLedger ledger;
    private final ScreenPopComposer composer;
    private final Duration agentRing;

    ClickToDialCalls(FlowParts parts, AgentBoard board, CallLedger ledger, Duration agentRing) {
        this.parts = parts;
        this.board = board;
        this.ledger = ledger;
        this.agentRing = agentRing;
        this.composer = new ScreenPopComposer(parts.cards(), parts.history(), parts.clock(), parts.settings().zone());
    }

    /** Handles a click-to-dial call's message; false for any other call's, and for what the other desks do alike. */
    boolean handle(DomainMessage message) {
        if (message instanceof AgentLegRinging m) {
            return find(m.callId()).map(record -> ringing(record, m)).orElse(false);
        }
        if (message instanceof CallbackDialed m) {
            return find(m.callId()).map(record -> dialed(record, m)).orElse(false);
        }
        if (message instanceof AgentLegUnanswered m) {
            return find(m.callId()).map(record -> agentMissed(record, m.occurredAt())).orElse(false);
        }
        if (message instanceof CallEnded m) {
            return find(m.callId()).map(record -> ended(record, m)).orElse(false);
        }
        return false;
    }

    /**
     * Whether {@code call} is a click-to-dial whose agent's phone may still be ringing at {@code now}: it holds no
     * reservation, so the tick must not take its agent for one left by a lost reservation before then.
     */
    boolean agentLegPending(CallId call, Instant now) {
        return find(call).filter(r -> !r.answered() && r.endedAt().isEmpty())
                .flatMap(CallRecord::decidedAt)
                .map(placed -> now.isBefore(placed.plus(agentRing).plus(parts.settings().ringMargin())))
                .orElse(false);
    }

    private boolean ringing(CallRecord record, AgentLegRinging event) {
        CallId call = record.id();
        AgentId agent = record.agent().orElseThrow();
        board.move(agent, entry -> entry.state().equals(new AgentState.Reserved(call))
                ? BoardChange.to(new AgentState.Ringing(call)) : BoardChange.none());
        ledger.write(call, CallLedger.RINGING_AT, CallLedger.millis(event.occurredAt()));
        if (ledger.once(call, "pop")) {
            parts.publisher().accept(composer.compose(new PopContext(call, agent, record.routedQueue(),
                    record.callerNumber(), record.customer(), record.arrivedAt(), record.ivrChoices(),
                    record.popReason()), event.occurredAt()));
        }
        return true;
    }

    private boolean dialed(CallRecord record, CallbackDialed dialed) {
        CallId call = record.id();
        if (!ledger.once(call, "dialed")) {
            return true;
        }
        ledger.write(call, CallLedger.DIAL_OUTCOME, dialed.outcome().name());
        if (dialed.reached()) {
            // Talk time starts when the customer answers, not when the agent picked up their ringing phone.
            ledger.write(call, CallLedger.ANSWERED_AT, CallLedger.millis(dialed.occurredAt()));
            LOG.info("click-to-dial {} by {} reached {}", call, record.agent().orElse(null),
                    io.cti.core.phone.PhoneNumber.mask(record.callerNumber()));
        } else {
            notReached(record, dialed.outcome(), dialed.dialStatus(), dialed.occurredAt());
        }
        return true;
    }

    /** The agent's own phone did not answer: the agent is free again (their own call, so no RONA). */
    private boolean agentMissed(CallRecord record, Instant at) {
        ledger.firstTime(record.id(), CallLedger.ENDED_AT, at);
        record.agent().ifPresent(agent -> free(agent, record.id(), at));
        LOG.info("click-to-dial {}: {} did not answer their phone; not dialed", record.id(), record.agent().orElse(null));
        return true;
    }

    /**
     * Talked to the customer: false, the hang-up desk ends it as any talked call. Otherwise the agent is free again,
     * and a customer not reached whose dial's end was not told is written so.
     */
    private boolean ended(CallRecord record, CallEnded ended) {
        CallId call = record.id();
        ledger.firstTime(call, CallLedger.ENDED_AT, ended.occurredAt());
        if (record.dialOutcome().filter(OriginateOutcome.ANSWERED.name()::equals).isPresent()) {
            return false;
        }
        if (record.answered() && record.dialOutcome().isEmpty() && ledger.once(call, "dialed")) {
            notReached(record, OriginateOutcome.FAILED, "ENDED", ended.occurredAt());
        }
        record.agent().ifPresent(agent -> free(agent, call, ended.occurredAt()));
        return true;
    }

    private void notReached(CallRecord record, OriginateOutcome outcome, String dialStatus, Instant at) {
        CallId call = record.id();
        String agent = record.agent().map(AgentId::value).orElse(null);
        Optional<CustomerId> customer = record.customer();
        if (customer.isPresent() && !ledger.done(call, "history")) {
            Instant started = record.arrivedAt().isAfter(at) ? at : record.arrivedAt();
            Interaction row = new Interaction(0, Channel.PHONE, Direction.OUTBOUND, agent, call.value(),
                    record.routedQueue().value(), NOT_REACHED, null, "click-to-dial by " + agent
                    + ": the customer was not reached (" + outcome + ", " + dialStatus + ")", started, at, null, 0);
            long rowId = parts.history().recordInteraction(customer.get(), row);
            parts.publisher().accept(InteractionRecorded.now(customer.get(), rowId, Channel.PHONE.name(),
                    Direction.OUTBOUND.name(), NOT_REACHED));
            parts.publisher().accept(RefreshCustomerFigures.now(customer.get()));
        }
        // Marked even with no customer: the wrap-up that frees an agent going Not ready then writes nothing more.
        ledger.once(call, "history");
        LOG.info("click-to-dial {} by {}: {} not reached ({})", call, agent,
                io.cti.core.phone.PhoneNumber.mask(record.callerNumber()), dialStatus);
    }

    /**
     * Back to Ready, or to the Not ready the agent was in or asked for; from the call itself through a wrap-up that
     * ends at once (the board's rules lead from a call to Not ready only through one).
     */
    private void free(AgentId agent, CallId call, Instant at) {
        board.move(agent, entry -> {
            if (AgentLegDesk.isAbout(entry.state(), call)) {
                return BoardChange.to(after(entry));
            }
            if (entry.state().equals(new AgentState.OnCall(call))) {
                return entry.notReadyAfterCall() == null ? BoardChange.to(AgentState.READY)
                        : BoardChange.wrapUp(at, call);
            }
            return BoardChange.none();
        });
    }

    private static AgentState after(BoardEntry entry) {
        return entry.notReadyAfterCall() == null ? AgentState.READY : new AgentState.NotReady(entry.notReadyAfterCall());
    }

    private Optional<CallRecord> find(CallId call) {
        return call.value().startsWith(PREFIX) ? ledger.find(call).filter(CallRecord::isClickToDial) : Optional.empty();
    }
}
