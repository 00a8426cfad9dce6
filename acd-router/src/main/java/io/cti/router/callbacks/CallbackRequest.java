package io.cti.router.callbacks;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.ids.CustomerId;
import io.cti.core.ids.QueueName;
import io.cti.core.phone.PhoneNumber;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A callback to file: whom to call ({@code number}, the {@code customer} when known), for which queue, from when
 * it waits there ({@code enteredAt}: its place) and when it is first due, preferring {@code preferredAgent} when
 * set, at most {@code maxAttempts} dials of the customer. {@code sourceCall} (the call that asked, or whose wrap-up
 * scheduled it) makes filing the same request twice file it once. Immutable.
 *
 * @param customer       may be null (a caller the customer database does not know)
 * @param preferredAgent may be null
 * @param requestedBy    the agent who scheduled it, or null
 * @param sourceCall     may be null (scheduled over the API)
 */
public record CallbackRequest(CallbackKind kind, QueueName queue, PhoneNumber number, CustomerId customer,
                              AgentId preferredAgent, AgentId requestedBy, CallId sourceCall, String dnis,
                              List<String> ivrChoices, String note, Instant enteredAt, Instant dueAt,
                              int maxAttempts) {

    public CallbackRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(number, "number");
        dnis = dnis == null ? "" : dnis;
        ivrChoices = List.copyOf(ivrChoices);
        note = note == null ? "" : note;
        Objects.requireNonNull(enteredAt, "enteredAt");
        Objects.requireNonNull(dueAt, "dueAt");
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new IllegalArgumentException("a callback is tried 1-20 times: " + maxAttempts);
        }
    }
}
