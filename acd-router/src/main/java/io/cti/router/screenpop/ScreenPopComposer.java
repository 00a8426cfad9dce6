package io.cti.router.screenpop;

import io.cti.core.customers.CustomerCard;
import io.cti.core.customers.CustomerCards;
import io.cti.core.customers.CustomerHistory;
import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.ids.CustomerId;
import io.cti.core.ids.QueueName;
import io.cti.core.messages.MessageId;
import io.cti.core.messages.ScreenPopReady;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Composes the screen-pop for the agent whose phone starts ringing: the customer card read fresh at that moment
 * (null for an unknown caller, whom the console offers as a new potential customer), the queue, how long the caller
 * waited, the IVR choices, the caller's contacts today and why the call was routed to this agent. Thread-safe.
 */
public final class ScreenPopComposer {

    /** The parts of a call a screen-pop shows besides the card. */
    public record PopContext(CallId call, AgentId agent, QueueName queue, String callerNumber,
                             Optional<CustomerId> customer, Instant arrivedAt, List<String> ivrChoices,
                             String routingReason) {
        public PopContext {
            Objects.requireNonNull(call, "call");
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(queue, "queue");
            Objects.requireNonNull(callerNumber, "callerNumber");
            Objects.requireNonNull(customer, "customer");
            Objects.requireNonNull(arrivedAt, "arrivedAt");
            ivrChoices = List.copyOf(ivrChoices);
            Objects.requireNonNull(routingReason, "routingReason");
        }
    }

    private final CustomerCards cards;
    private final CustomerHistory history;
    private final Clock clock;
    private final ZoneId zone;

    public ScreenPopComposer(CustomerCards cards, CustomerHistory history, Clock clock, ZoneId zone) {
        this.cards = Objects.requireNonNull(cards, "cards");
        this.history = Objects.requireNonNull(history, "history");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** The pop at the moment the phone rings ({@code ringingAt}). */
    public ScreenPopReady compose(PopContext context, Instant ringingAt) {
        // Read at ring time, not at arrival: a card changed while the caller waited shows as it is now.
        CustomerCard card = context.customer().flatMap(cards::byId).orElse(null);
        int contactsToday = card == null ? 0 : history.countInteractionsSince(card.id(), startOfToday(ringingAt));
        Duration waited = ringingAt.isAfter(context.arrivedAt()) ? Duration.between(context.arrivedAt(), ringingAt)
                : Duration.ZERO;
        return new ScreenPopReady(MessageId.random(), clock.instant(), context.call(), context.agent(), context.queue(),
                context.callerNumber(), card, waited, context.ivrChoices(), contactsToday, context.routingReason());
    }

    private Instant startOfToday(Instant at) {
        LocalDate today = at.atZone(zone).toLocalDate();
        return today.atStartOfDay(zone).toInstant();
    }
}
