package io.cti.router.callbacks;

import java.time.Instant;
import java.util.List;

/** A callback as the API answers it: what it is, where it stands, and the dials made so far. Immutable. */
public record CallbackView(long id, String kind, String status, String number, String queue, Long customerId,
                           String preferredAgent, String requestedBy, String sourceCallId, String note,
                           List<String> ivrChoices, Instant enteredAt, Instant dueAt, int attempts, int maxAttempts,
                           String lastOutcome, String currentCallId, Instant createdAt, Instant updatedAt) {

    static CallbackView of(Callback c) {
        return new CallbackView(c.id().value(), c.kind().name(), c.status().name(), c.number().e164(),
                c.queue().value(), c.customer() == null ? null : c.customer().value(),
                c.preferredAgent() == null ? null : c.preferredAgent().value(),
                c.requestedBy() == null ? null : c.requestedBy().value(),
                c.sourceCall() == null ? null : c.sourceCall().value(), c.note(), c.ivrChoices(), c.enteredAt(),
                c.dueAt(), c.attempts(), c.maxAttempts(), c.lastOutcome(),
                c.currentCall().map(call -> call.value()).orElse(null), c.createdAt(), c.updatedAt());
    }
}
