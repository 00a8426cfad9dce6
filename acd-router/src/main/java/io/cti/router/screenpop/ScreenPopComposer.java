package io.cti.router.screenpop;

import io.cti.core.customers.CustomerCard;
import io.cti.core.customers.CustomerCards;
import io.cti.core.customers.CustomerHistory;
import io.cti.core.customers.Interaction;
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

    /**
     * What a pop shows of the caller, read from the customer database: the card (null for an unknown caller or a
     * customer since removed), the contacts of the day of {@code readAt}, and when it was read. Immutable.
     */
    public record Caller(CustomerCard card, int contactsToday, Instant readAt) {
        public Caller {
            Objects.requireNonNull(readAt, "readAt");
        }
    }

    /** The pop at the moment the phone rings ({@code ringingAt}), the caller read now. */
    public ScreenPopReady compose(PopContext context, Instant ringingAt) {
        // Read at ring time, not at arrival: a card changed while the caller waited shows as it is now.
        return compose(context, ringingAt, readCaller(context.customer(), ringingAt));
    }

    /** The pop at the moment the phone rings, with the caller as read by {@link #readCaller}. */
    public ScreenPopReady compose(PopContext context, Instant ringingAt, Caller caller) {
        Duration waited = ringingAt.isAfter(context.arrivedAt()) ? Duration.between(context.arrivedAt(), ringingAt)
                : Duration.ZERO;
        return new ScreenPopReady(MessageId.random(), clock.instant(), context.call(), context.agent(), context.queue(),
                context.callerNumber(), caller.card(), waited, context.ivrChoices(), caller.contactsToday(),
                context.routingReason());
    }

    /** The customer's card and their contacts on the day of {@code at}: two queries, or none for an unknown caller. */
    public Caller readCaller(Optional<CustomerId> customer, Instant at) {
        CustomerCard card = customer.flatMap(cards::byId).orElse(null);
        int contactsToday = card == null ? 0 : history.countInteractionsSince(card.id(), startOfToday(at));
        return new Caller(card, contactsToday, at);
    }

    /**
     * The caller as {@link #readCaller} would read them at {@code at}, from a card read then (such as the arrival's):
     * the contacts of the day counted from the card's last interactions, which hold every one of the day unless
     * there are as many as the card keeps; empty then, as only a query can count them.
     */
    public Optional<Caller> callerFromCard(CustomerCard card, Instant at) {
        Instant since = startOfToday(at);
        int today = 0;
        for (Interaction interaction : card.lastInteractions()) {
            if (!interaction.startedAt().isBefore(since)) {
                today++;
            }
        }
        return today < CustomerCard.LAST_INTERACTIONS ? Optional.of(new Caller(card, today, at)) : Optional.empty();
    }

    /** Whether {@code a} and {@code b} fall on the same day where "today" is counted. */
    public boolean sameDay(Instant a, Instant b) {
        return a.atZone(zone).toLocalDate().equals(b.atZone(zone).toLocalDate());
    }

    private Instant startOfToday(Instant at) {
        LocalDate today = at.atZone(zone).toLocalDate();
        return today.atStartOfDay(zone).toInstant();
    }
}
