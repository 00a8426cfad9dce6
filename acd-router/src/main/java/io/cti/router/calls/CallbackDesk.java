package io.cti.router.calls;

import io.cti.core.customers.CustomerCard;
import io.cti.core.customers.FieldError;
import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.ids.CustomerId;
import io.cti.core.messages.AgentLegUnanswered;
import io.cti.core.messages.BlindTransfer;
import io.cti.core.messages.CallEnded;
import io.cti.core.messages.CallbackDialed;
import io.cti.core.messages.CallbackRequested;
import io.cti.core.messages.CompleteWrapUp;
import io.cti.core.messages.DomainMessage;
import io.cti.core.messages.OriginateOutcome;
import io.cti.core.phone.PhoneNumber;
import io.cti.router.RouterException;
import io.cti.router.agents.AgentState;
import io.cti.router.board.AgentBoard;
import io.cti.router.board.BoardChange;
import io.cti.router.board.BoardMove;
import io.cti.router.callbacks.Callback;
import io.cti.router.callbacks.CallbackId;
import io.cti.router.callbacks.CallbackKind;
import io.cti.router.callbacks.CallbackRepository;
import io.cti.router.callbacks.CallbackRequest;
import io.cti.router.callbacks.CallbackSettings;
import io.cti.router.callbacks.DueTimes;
import io.cti.router.queues.QueueDefinition;
import io.cti.router.waiting.QueuedCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Callbacks in the call flow. A caller's virtual-hold request (only in a queue that offers callbacks; refused, the
 * caller waits in the queue) and an agent's callback time from wrap-up are filed in PostgreSQL; due callbacks are claimed (once, whichever router scans) and put in their queues as calls, routed
 * like any call; the dispatcher then rings the agent first ({@link CallbackCalls}). RONA puts the callback back at
 * its place under a new call id; a customer not reached is an attempt, tried again after the retry delay until the
 * attempts run out, then given up with an interaction row saying so; a customer reached is talked to and wrapped
 * up as any call (the history row outbound). Not thread-safe: the flow calls it under its lock, except
 * {@link #claimDue()}.
 */
final class CallbackDesk {

    /** Where the dialplan lets a caller go whose callback was filed ({@code [cti-callback-confirmed]}). */
    static final String CONFIRMED = "cti-callback-confirmed";
    /** Where the dialplan queues a caller whose callback was refused ({@code [cti-callback-refused]}). */
    static final String REFUSED = "cti-callback-refused";

    /** The attribute that marks a waiting call as a callback's (its id). */
    static final String MARK = "callback";

    private static final Logger LOG = LoggerFactory.getLogger(CallbackDesk.class);

    private final FlowParts parts;
    private final CallLedger ledger;
    private final AgentBoard board;
    private final Dispatcher dispatcher;
    private final Definitions definitions;
    private final CallbackRepository callbacks;
    private final CallbackSettings settings;
    private final CallbackFiling filing;
    private final CallbackEndings endings;
    private final CallbackOutcomes outcomes;
    private final String claimant;
    private final AtomicReference<Instant> nextSweep = new AtomicReference<>(Instant.MIN);

    CallbackDesk(FlowParts parts, CallLedger ledger, AgentBoard board, Dispatcher dispatcher, Definitions definitions,
                 QueueFiguresDesk figures, CallbackRepository callbacks, CallbackSettings settings, String claimant) {
        this.parts = parts;
        this.ledger = ledger;
        this.board = board;
        this.dispatcher = dispatcher;
        this.definitions = definitions;
        this.callbacks = callbacks;
        this.settings = settings;
        this.filing = new CallbackFiling(parts, ledger, definitions, dispatcher);
        this.outcomes = new CallbackOutcomes(figures);
        this.endings = new CallbackEndings(parts, callbacks, settings, outcomes);
        this.claimant = claimant;
    }

    static boolean isCallback(QueuedCall call) {
        return call.context().attributes().containsKey(MARK);
    }

    /** Handles a callback's message; false for any message that is not about a callback (the other desks' work). */
    boolean handle(DomainMessage message) {
        if (message instanceof CallbackRequested m) {
            requested(m);
            return true;
        }
        if (message instanceof CallbackDialed m) {
            callbackCall(m.callId()).ifPresent(record -> dialed(record, m));
            return true;
        }
        if (message instanceof AgentLegUnanswered m) {
            Optional<CallRecord> record = callbackCall(m.callId());
            record.ifPresent(r -> agentMissed(r, m.dialStatus(), m.occurredAt()));
            return record.isPresent();
        }
        if (message instanceof CallEnded m) {
            return callbackCall(m.callId()).map(record -> ended(record, m)).orElse(false);
        }
        return false;
    }

    /** Puts the callbacks due by now in their queues, and once in a while those a stopped router left claimed. */
    void offerDue() {
        offer(claimDue());
    }

    /**
     * Claims the callbacks due by now for this router, and once in a while makes those a stopped router left claimed
     * due again. PostgreSQL and Redis only, nothing of the flow's memory: the tick claims without the flow's lock (a
     * claim can take milliseconds) and queues what it claimed, with {@link #offer(List)}, under it. Thread-safe.
     */
    List<Callback> claimDue() {
        Instant now = parts.clock().instant();
        List<Callback> due = callbacks.claimDue(now, settings.claimBatch(), claimant);
        Instant sweep = nextSweep.get();
        if (!now.isBefore(sweep) && nextSweep.compareAndSet(sweep, now.plus(settings.stuckAfter().dividedBy(2)))) {
            offerStuck();
        }
        return due;
    }

    /** Puts callbacks claimed by {@link #claimDue()} in their queues. */
    void offer(List<Callback> claimed) {
        claimed.forEach(this::offer);
    }

    /** The callback an agent asked for in a wrap-up the flow accepted (once, whatever the redelivery). */
    void scheduleAfterWrapUp(CompleteWrapUp command) {
        if (command.callbackAt() == null) {
            return;
        }
        Optional<CallRecord> found = ledger.find(command.callId()).filter(r -> r.endedAt().isPresent()
                && r.agent().filter(command.agentId()::equals).isPresent());
        if (found.isEmpty()) {
            return;
        }
        CallRecord call = found.get();
        Instant now = parts.clock().instant();
        Optional<FieldError> problem = DueTimes.problem("callbackAt", command.callbackAt(), now, settings.maxAhead());
        Optional<PhoneNumber> number = parts.normalizer().tryNormalize(call.callerNumber());
        if (problem.isPresent() || number.isEmpty()) {
            LOG.warn("callback asked by {} in the wrap-up of {} not scheduled: {}", command.agentId(), call.id(),
                    problem.map(p -> "callbackAt " + p.message()).orElse("the caller's number "
                            + PhoneNumber.mask(call.callerNumber()) + " cannot be called"));
            return;
        }
        Instant due = command.callbackAt().isBefore(now) ? now : command.callbackAt();
        String notes = command.notes().strip();
        CallbackRequest request = new CallbackRequest(CallbackKind.SCHEDULED, call.routedQueue(), number.get(),
                call.customer().orElse(null), command.agentId(), command.agentId(), call.id(), call.dnis(), List.of(),
                notes.length() > 500 ? notes.substring(0, 500) : notes, due, due, settings.maxAttempts());
        callbacks.file(request).ifPresent(callback -> LOG.info("callback {} to {} scheduled by {} for {} in {}",
                callback.id(), callback.number(), command.agentId(), due, callback.queue()));
    }

    /**
     * A caller's virtual-hold request, answered to the PBX: filed, the caller is let go ({@link #CONFIRMED}); refused
     * (the queue offers no callbacks, the number cannot be called, or the caller already waits in the queue), the
     * caller is sent to wait in the queue as any caller ({@link #REFUSED}). The dialplan waits a moment for either.
     */
    private void requested(CallbackRequested request) {
        Optional<String> refusal = refusal(request);
        if (refusal.isPresent()) {
            LOG.info("call {} asked to be called back in {}: refused, {}; the caller waits in the queue",
                    request.callId(), request.queue(), refusal.get());
            parts.publisher().accept(BlindTransfer.now(request.callId(), REFUSED, "s"));
            return;
        }
        PhoneNumber number = parts.normalizer().tryNormalize(request.callerNumber()).orElseThrow();
        CustomerId customer = parts.cards().byNumber(number).map(CustomerCard::id).orElse(null);
        Instant now = parts.clock().instant();
        callbacks.file(new CallbackRequest(CallbackKind.VIRTUAL_HOLD, request.queue(), number, customer, null,
                null, request.callId(), request.dnis(), request.ivrChoices(), "", request.enteredAt(), now,
                settings.maxAttempts())).ifPresent(callback -> LOG.info("call {} asked to be called back: callback {}"
                + " to {} in {}, entered {}", request.callId(), callback.id(), callback.number(), callback.queue(),
                callback.enteredAt()));
        // Filed now or by an earlier delivery of this request: either way the caller may hang up.
        parts.publisher().accept(BlindTransfer.now(request.callId(), CONFIRMED, "s"));
        offerDue();
    }

    /** Why {@code request} is not filed; empty if it is to be. */
    private Optional<String> refusal(CallbackRequested request) {
        Optional<QueueDefinition> queue = definitions.queue(request.queue());
        if (queue.isEmpty()) {
            return Optional.of("no active queue " + request.queue());
        }
        if (!queue.get().callbackOffered()) {
            return Optional.of("queue " + request.queue() + " does not offer callbacks");
        }
        if (parts.normalizer().tryNormalize(request.callerNumber()).isEmpty()) {
            return Optional.of("the number " + PhoneNumber.mask(request.callerNumber()) + " cannot be called");
        }
        if (ledger.find(request.callId()).isPresent()) {
            // The dialplan gave up waiting for an answer and queued the caller: they keep that place.
            return Optional.of("the caller already waits in the queue");
        }
        return Optional.empty();
    }

    private void offer(Callback callback) {
        if (definitions.queue(callback.queue()).isEmpty()) {
            callbacks.giveUp(callback.id(), "queue " + callback.queue() + " takes no calls");
            LOG.warn("callback {} given up: its queue {} is not an active queue", callback.id(), callback.queue());
            return;
        }
        try {
            filing.file(callback, callback.currentCall().orElseThrow(), null);
        } catch (RouterException e) {
            // Redis refused: the callback waits to be claimed again rather than sitting claimed and lost.
            callbacks.pendAgain(callback.id(), parts.clock().instant());
            LOG.warn("callback {} could not be queued, due again: {}", callback.id(), e.getMessage());
        }
    }

    private void offerStuck() {
        for (Callback callback : callbacks.queuedLongerThan(settings.stuckAfter(), settings.claimBatch())) {
            CallId call = callback.currentCall().orElse(null);
            if (call != null && ledger.find(call).isEmpty() && parts.waiting().find(call).isEmpty()
                    && callbacks.pendAgain(callback.id(), parts.clock().instant())) {
                LOG.warn("callback {} was claimed but never queued (its router stopped?): due again", callback.id());
            }
        }
    }

    /** RONA: the agent Not ready, the callback back at its place under a new call (the PBX's call has ended). */
    private void agentMissed(CallRecord record, String dialStatus, Instant at) {
        CallId call = record.id();
        if (!ledger.once(call, "missed")) {
            return;
        }
        Optional<QueuedCall> place = parts.waiting().find(call);
        var reservation = parts.reservations().currentOf(call);
        // Removed first, so that giving the reservation up finds no call to put back under the old id.
        parts.waiting().remove(call);
        reservation.ifPresent(r -> parts.reservations().redirectOnNoAnswer(r.token()));
        // The agent routed to, and whoever else the board shows reserved or ringing for the call (the board may
        // answer from memory a moment behind; each move is decided again on the agent's current entry).
        Set<AgentId> rung = new LinkedHashSet<>();
        record.agent().ifPresent(rung::add);
        board.all().stream().filter(entry -> AgentLegDesk.isAbout(entry.state(), call))
                .forEach(entry -> rung.add(entry.agent().id()));
        for (AgentId agent : rung) {
            BoardMove move = board.move(agent, e -> AgentLegDesk.isAbout(e.state(), call)
                    ? BoardChange.to(new AgentState.NotReady(AgentState.NotReady.NO_ANSWER)) : BoardChange.none());
            if (move.moved()) {
                LOG.info("RONA: {} did not answer callback call {} ({}); agent Not ready", agent, call, dialStatus);
            }
        }
        ledger.write(call, Map.of(CallLedger.AGENT, "", CallLedger.TOKEN, ""));
        ledger.firstTime(call, CallLedger.ENDED_AT, at);
        CallbackId id = record.callback().orElseThrow();
        callbacks.reoffer(id).ifPresentOrElse(
                callback -> filing.file(callback, callback.currentCall().orElseThrow(), place.orElse(null)),
                () -> LOG.info("callback {} is no longer queued; not put back", id));
    }

    private void dialed(CallRecord record, CallbackDialed dialed) {
        CallId call = record.id();
        if (!ledger.once(call, "dialed")) {
            return;
        }
        ledger.write(call, CallLedger.DIAL_OUTCOME, dialed.outcome().name());
        CallbackId id = record.callback().orElseThrow();
        AgentId agent = record.agent().orElse(null);
        if (dialed.reached()) {
            // Talk time starts when the customer answers, not when the agent picked up the ringing phone.
            ledger.write(call, CallLedger.ANSWERED_AT, CallLedger.millis(dialed.occurredAt()));
            // Done by this delivery or an earlier one; the figures count the contact once either way.
            callbacks.markDone(id, call, agent, dialed.occurredAt()).or(() -> callbacks.find(id))
                    .ifPresent(callback -> outcomes.answered(callback, record.routedQueue(), dialed.occurredAt()));
            LOG.info("callback {} reached its customer on call {} with {}", id, call, agent);
        } else {
            endings.notReached(id, call, agent, dialed.outcome(), dialed.dialStatus(), dialed.occurredAt());
        }
    }

    /**
     * A callback's call ended. Talked: false, the hang-up desk wraps it up as any call. The agent never answered:
     * RONA. The agent answered but the customer was not reached: the attempt (if the dial's end was not told), and
     * the agent straight back to work, with no wrap-up for a call that never was.
     */
    private boolean ended(CallRecord record, CallEnded ended) {
        CallId call = record.id();
        ledger.firstTime(call, CallLedger.ENDED_AT, ended.occurredAt());
        if (record.dialOutcome().filter(OriginateOutcome.ANSWERED.name()::equals).isPresent()) {
            return false;
        }
        if (!record.answered()) {
            agentMissed(record, "ended unanswered", ended.occurredAt());
            return true;
        }
        if (record.dialOutcome().isEmpty() && ledger.once(call, "dialed")) {
            endings.notReached(record.callback().orElseThrow(), call, record.agent().orElse(null),
                    OriginateOutcome.FAILED, "ENDED", ended.occurredAt());
        }
        record.agent().ifPresent(agent -> board.move(agent, entry -> entry.state().equals(new AgentState.OnCall(call))
                ? BoardChange.to(entry.notReadyAfterCall() == null ? AgentState.READY
                        : new AgentState.NotReady(entry.notReadyAfterCall()))
                : BoardChange.none()));
        dispatcher.tryRoute(false);
        return true;
    }

    private Optional<CallRecord> callbackCall(CallId call) {
        return CallbackId.mayBeCallback(call) ? ledger.find(call).filter(CallRecord::isCallback) : Optional.empty();
    }
}
