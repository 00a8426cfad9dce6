package io.cti.router.calls;

import io.cti.core.customers.CustomerCard;
import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.router.callbacks.Callback;
import io.cti.router.callbacks.CallbackKind;
import io.cti.router.routing.CustomerFacts;
import io.cti.router.waiting.CallContext;
import io.cti.router.waiting.QueuedCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Puts a callback in its queue as a call: the record of its call (number, queue, customer, IVR choices, what the
 * screen-pop says about the callback) and the waiting call itself, at the place the callback keeps (its entry time
 * and the customer's priority), preferring its preferred agent, else the customer's last agent, through the sticky
 * rule. A callback put back after RONA keeps the very place it had. Not thread-safe: the flow calls it under its
 * lock.
 */
final class CallbackFiling {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackFiling.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final FlowParts parts;
    private final CallLedger ledger;
    private final Definitions definitions;
    private final Dispatcher dispatcher;
    private final ZoneId zone;

    CallbackFiling(FlowParts parts, CallLedger ledger, Definitions definitions, Dispatcher dispatcher) {
        this.parts = parts;
        this.ledger = ledger;
        this.definitions = definitions;
        this.dispatcher = dispatcher;
        this.zone = parts.settings().zone();
    }

    /** Queues {@code callback} as {@code call}; at {@code previous}'s place when it is given (after RONA). */
    void file(Callback callback, CallId call, QueuedCall previous) {
        Optional<CustomerCard> card = callback.customerId().flatMap(parts.cards()::byId)
                .or(() -> parts.cards().byNumber(callback.number()));
        CustomerFacts facts = card.map(CustomerFacts::of).orElse(CustomerFacts.unknownCaller());
        Optional<AgentId> preferred = callback.preferred().or(() -> card.flatMap(ArrivalDesk::lastAgent));
        Map<String, String> attributes = new HashMap<>(CallerFacts.attributes(facts));
        attributes.put(CallbackDesk.MARK, callback.id().toString());
        CallContext context = new CallContext(card.map(CustomerCard::id), preferred, List.of(), callback.ivrChoices(),
                attributes);
        QueuedCall waiting = previous != null
                ? new QueuedCall(call, previous.queue(), callback.enteredAt(), previous.orderKey(), context)
                : new QueuedCall(call, callback.queue(), callback.enteredAt(), dispatcher.policy()
                        .priorityOf(facts, callback.queue(), definitions.queues()).orderKey(callback.enteredAt()),
                        context);
        Map<String, String> record = new HashMap<>();
        record.put(CallLedger.NUMBER, callback.number().e164());
        record.put(CallLedger.ANI, callback.number().e164());
        record.put(CallLedger.QUEUE, callback.queue().value());
        card.ifPresent(c -> record.put(CallLedger.CUSTOMER, Long.toString(c.id().value())));
        record.put(CallLedger.DNIS, callback.dnis());
        record.put(CallLedger.IVR, String.join("\n", callback.ivrChoices()));
        record.put(CallLedger.CALLBACK, callback.id().toString());
        record.put(CallLedger.CALLBACK_NOTE, note(callback));
        // The record first: a call in a queue always has one, and a sweep finding none knows it never got there.
        ledger.firstTime(call, CallLedger.ARRIVED_AT, callback.enteredAt());
        ledger.write(call, record);
        if (parts.waiting().enqueue(waiting)) {
            LOG.info("callback {} to {} waits in {} as call {}, entered {}", callback.id(), callback.number(),
                    waiting.queue(), call, callback.enteredAt());
            // On the routing board at once, as a caller's call is: routed now if an agent can take it.
            dispatcher.queued(waiting);
        } else {
            dispatcher.tryRoute(false);
        }
    }

    /** What the agent's screen-pop says the call is. */
    private String note(Callback callback) {
        String attempt = "attempt " + (callback.attempts() + 1) + " of " + callback.maxAttempts();
        if (callback.kind() == CallbackKind.VIRTUAL_HOLD) {
            return "callback: the caller asked at " + at(callback.createdAt()) + " to be called back instead of waiting; "
                    + attempt;
        }
        String by = callback.requestedBy() == null ? "" : " by " + callback.requestedBy();
        String note = callback.note().isBlank() ? "" : ": " + callback.note();
        return "scheduled callback for " + at(callback.enteredAt()) + by + note + "; " + attempt;
    }

    private String at(Instant instant) {
        return instant == null ? "?" : WHEN.format(instant.atZone(zone));
    }
}
