package io.cti.router.calls;

import io.cti.core.customers.CustomerCard;
import io.cti.core.customers.Interaction;
import io.cti.core.ids.AgentId;
import io.cti.core.messages.CallArrived;
import io.cti.core.phone.PhoneNumber;
import io.cti.router.routing.CallPriority;
import io.cti.router.routing.CustomerFacts;
import io.cti.router.waiting.CallContext;
import io.cti.router.waiting.QueuedCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A caller arrives: the number is normalized, the customer looked up, the priority computed from the record, the
 * call filed in its queue at the priority's place with the caller's IVR choices, its record kept, and counted as
 * queued; the card read is kept for the call's screen-pop. A redelivered arrival finds the call known and changes
 * nothing; an arrival handled after the call's end (two routers took its events in the other order) is never queued:
 * the call counts as abandoned. Not thread-safe: the flow calls it under its lock.
 */
final class ArrivalDesk {

    private static final Logger LOG = LoggerFactory.getLogger(ArrivalDesk.class);

    private final FlowParts parts;
    private final CallLedger ledger;
    private final Definitions definitions;
    private final Dispatcher dispatcher;
    private final QueueFiguresDesk figures;
    private final PopCards pops;
    private final Consumer<CallRecord> endedUnanswered;

    /** @param endedUnanswered what becomes of a call whose caller hung up before it was answered */
    ArrivalDesk(FlowParts parts, CallLedger ledger, Definitions definitions, Dispatcher dispatcher,
                QueueFiguresDesk figures, PopCards pops, Consumer<CallRecord> endedUnanswered) {
        this.parts = parts;
        this.pops = pops;
        this.ledger = ledger;
        this.definitions = definitions;
        this.dispatcher = dispatcher;
        this.figures = figures;
        this.endedUnanswered = endedUnanswered;
    }

    void arrived(CallArrived event) {
        if (HangUpDesk.overdue(definitions.queue(event.queue()), event.occurredAt(), parts.clock().instant())) {
            // A late arrival (redelivered from before a restart) of a call the PBX has long ended.
            LOG.info("call {} arrived {} ago in {}: past the queue's maximum wait, not queued", event.callId(),
                    java.time.Duration.between(event.occurredAt(), parts.clock().instant()), event.queue());
            return;
        }
        Optional<PhoneNumber> number = parts.normalizer().tryNormalize(event.ani());
        Optional<CustomerCard> card = number.flatMap(parts.cards()::byNumber);
        CustomerFacts facts = card.map(CustomerFacts::of).orElse(CustomerFacts.unknownCaller());
        CallPriority priority = dispatcher.policy().priorityOf(facts, event.queue(), definitions.queues());
        Map<String, String> record = new HashMap<>();
        record.put(CallLedger.NUMBER, number.map(PhoneNumber::e164).orElse(event.ani()));
        record.put(CallLedger.ANI, event.ani());
        record.put(CallLedger.QUEUE, event.queue().value());
        card.ifPresent(c -> record.put(CallLedger.CUSTOMER, Long.toString(c.id().value())));
        record.put(CallLedger.DNIS, event.dnis());
        record.put(CallLedger.IVR, String.join("\n", event.ivrChoices()));
        // The record is the same on every delivery; only the arrival time is kept from the first one.
        CallRecord known = ledger.arrive(event.callId(), record, event.occurredAt());
        if (known.endedAt().isPresent()) {
            // The end was handled first (by another router) or this is a redelivery: never queue an ended call.
            if (!known.answered()) {
                endedUnanswered.accept(known);
            }
            return;
        }
        CallContext context = new CallContext(card.map(CustomerCard::id), card.flatMap(ArrivalDesk::lastAgent),
                List.of(), event.ivrChoices(), CallerFacts.attributes(facts));
        QueuedCall call = new QueuedCall(event.callId(), event.queue(), event.occurredAt(),
                priority.orderKey(event.occurredAt()), context);
        // Before queueing, which may reserve an agent at once: the pop then needs no read of its own.
        card.ifPresent(c -> pops.arrived(event.callId(), c));
        if (parts.waiting().enqueue(call)) {
            LOG.info("call {} from {} queued in {}: {}", event.callId(), PhoneNumber.mask(event.ani()), event.queue(),
                    priority.explain());
            figures.changed(event.queue());
            dispatcher.queued(call);
        } else {
            dispatcher.tryRoute(false);
        }
    }

    /** The agent who last spoke with the customer, for sticky routing. */
    static Optional<AgentId> lastAgent(CustomerCard card) {
        for (Interaction interaction : card.lastInteractions()) {
            String agent = interaction.agentId();
            if (agent != null && !agent.isBlank()) {
                try {
                    return Optional.of(AgentId.of(agent));
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
