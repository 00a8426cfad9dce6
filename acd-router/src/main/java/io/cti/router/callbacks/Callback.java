package io.cti.router.callbacks;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.ids.CustomerId;
import io.cti.core.ids.QueueName;
import io.cti.core.phone.PhoneNumber;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A callback as stored: the request ({@link CallbackRequest}) plus where it stands: its status, when it is next due,
 * how many dials of the customer were made of how many allowed, how many times it was put in a queue (its current
 * call is {@link #currentCall()}), and how the last attempt went. Immutable.
 */
public record Callback(CallbackId id, CallbackKind kind, QueueName queue, PhoneNumber number, CustomerId customer,
                       AgentId preferredAgent, AgentId requestedBy, CallId sourceCall, String dnis,
                       List<String> ivrChoices, String note, Instant enteredAt, Instant dueAt, CallbackStatus status,
                       int attempts, int maxAttempts, int offers, String lastOutcome, Instant createdAt,
                       Instant updatedAt) {

    public Callback {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(number, "number");
        ivrChoices = List.copyOf(ivrChoices);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(enteredAt, "enteredAt");
        Objects.requireNonNull(dueAt, "dueAt");
    }

    /** The call the callback is (or was last) in its queue under; empty before it was first put there. */
    public Optional<CallId> currentCall() {
        return offers < 1 ? Optional.empty() : Optional.of(id.call(offers));
    }

    public Optional<CustomerId> customerId() {
        return Optional.ofNullable(customer);
    }

    public Optional<AgentId> preferred() {
        return Optional.ofNullable(preferredAgent);
    }

    /** Whether another dial of the customer is allowed after the ones made. */
    public boolean mayTryAgain() {
        return attempts < maxAttempts;
    }
}
