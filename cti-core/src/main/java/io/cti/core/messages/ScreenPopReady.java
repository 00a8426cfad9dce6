package io.cti.core.messages;

import io.cti.core.customers.CustomerCard;
import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.ids.QueueName;
import io.cti.core.phone.PhoneNumber;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The screen-pop for one agent, composed by the router the moment the agent's phone starts ringing: the customer
 * card ({@code null} for an unknown caller, whom the console offers as a new potential customer prefilled with
 * {@code callerNumber}) and the call's context: queue, time waited, IVR choices, the caller's contacts today and
 * why the call was routed to this agent. Meant for {@code agentId}'s console only. Immutable; {@link #toString()}
 * masks the number and leaves the card out.
 *
 * @param callerNumber the caller's number as E.164 when it could be read, else as the PBX gave it (may be empty)
 */
public record ScreenPopReady(MessageId id, Instant occurredAt, CallId callId, AgentId agentId, QueueName queue,
                             String callerNumber, CustomerCard card, Duration waited, List<String> ivrChoices,
                             int contactsToday, String routingReason) implements DomainEvent {

    public ScreenPopReady {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(callerNumber, "callerNumber");
        Objects.requireNonNull(waited, "waited");
        ivrChoices = List.copyOf(ivrChoices);
        Objects.requireNonNull(routingReason, "routingReason");
        if (contactsToday < 0) {
            throw new IllegalArgumentException("contacts today cannot be negative: " + contactsToday);
        }
    }

    /** Whether the caller is in the customer database. */
    public boolean knownCaller() {
        return card != null;
    }

    @Override
    public String toString() {
        return "ScreenPopReady[id=" + id + ", callId=" + callId + ", agentId=" + agentId + ", queue=" + queue
                + ", callerNumber=" + PhoneNumber.mask(callerNumber) + ", customer="
                + (card == null ? "unknown" : card.id()) + ", waited=" + waited + "]";
    }
}
