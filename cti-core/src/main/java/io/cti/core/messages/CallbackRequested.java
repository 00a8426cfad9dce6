package io.cti.core.messages;

import io.cti.core.ids.CallId;
import io.cti.core.ids.QueueName;
import io.cti.core.phone.PhoneNumber;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A caller asked to be called back instead of waiting ("virtual hold": option 9 of the platform dialplan's IVR) and
 * hung up. The router calls them back at {@code callerNumber} for {@code queue}, keeping the place they would have
 * had had they waited since {@code enteredAt}, the moment their call reached the platform. {@code callId} is the
 * call that asked, {@code dnis} the number it dialed (both as the PBX gave them; the number may be empty when
 * withheld) and {@code ivrChoices} what the caller chose in the IVR, in order (as {@link CallArrived#ivrChoices()}).
 * Immutable; {@link #toString()} masks both numbers.
 */
public record CallbackRequested(MessageId id, Instant occurredAt, CallId callId, QueueName queue, String callerNumber,
                                String dnis, List<String> ivrChoices, Instant enteredAt) implements DomainEvent {

    public CallbackRequested {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(callerNumber, "callerNumber");
        Objects.requireNonNull(dnis, "dnis");
        ivrChoices = ivrChoices == null ? List.of() : List.copyOf(ivrChoices);
        Objects.requireNonNull(enteredAt, "enteredAt");
    }

    public static CallbackRequested now(CallId callId, QueueName queue, String callerNumber, String dnis,
                                        List<String> ivrChoices, Instant enteredAt) {
        return new CallbackRequested(MessageId.random(), Instant.now(), callId, queue, callerNumber, dnis, ivrChoices,
                enteredAt);
    }

    @Override
    public String toString() {
        return "CallbackRequested[id=" + id + ", occurredAt=" + occurredAt + ", callId=" + callId + ", queue=" + queue
                + ", callerNumber=" + PhoneNumber.mask(callerNumber) + ", dnis=" + PhoneNumber.mask(dnis)
                + ", ivrChoices=" + ivrChoices + ", enteredAt=" + enteredAt + "]";
    }
}
