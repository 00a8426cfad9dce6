package io.cti.core.messages;

import io.cti.core.ids.CallId;
import io.cti.core.ids.QueueName;
import io.cti.core.phone.PhoneNumber;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A caller reached the platform's holding context and waits for an agent in {@code queue}. {@code ani} is the
 * caller's number and {@code dnis} the number they dialled, both as the PBX gave them (possibly empty when
 * withheld, not necessarily E.164); {@code channel} and {@code uniqueId} name the caller's PBX channel.
 * Immutable; {@link #toString()} masks both numbers.
 *
 * @param ivrChoices what the caller chose in the IVR before queueing, in order, as the dialplan names them (such as
 *                   {@code "2 sales"}); empty when the dialed number led straight to the queue. A message from a
 *                   publisher that predates the field reads as empty.
 */
public record CallArrived(MessageId id, Instant occurredAt, CallId callId, String channel, String uniqueId,
                          String ani, String dnis, QueueName queue, List<String> ivrChoices) implements DomainEvent {

    public CallArrived {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(uniqueId, "uniqueId");
        Objects.requireNonNull(ani, "ani");
        Objects.requireNonNull(dnis, "dnis");
        Objects.requireNonNull(queue, "queue");
        ivrChoices = ivrChoices == null ? List.of() : List.copyOf(ivrChoices);
    }

    /** An arrival without IVR choices (the dialed number chose the queue). */
    public CallArrived(MessageId id, Instant occurredAt, CallId callId, String channel, String uniqueId, String ani,
                       String dnis, QueueName queue) {
        this(id, occurredAt, callId, channel, uniqueId, ani, dnis, queue, List.of());
    }

    public static CallArrived now(CallId callId, String channel, String uniqueId, String ani, String dnis,
                                  QueueName queue) {
        return new CallArrived(MessageId.random(), Instant.now(), callId, channel, uniqueId, ani, dnis, queue);
    }

    @Override
    public String toString() {
        return "CallArrived[id=" + id + ", occurredAt=" + occurredAt + ", callId=" + callId + ", channel=" + channel
                + ", uniqueId=" + uniqueId + ", ani=" + PhoneNumber.mask(ani) + ", dnis=" + PhoneNumber.mask(dnis)
                + ", queue=" + queue + ", ivrChoices=" + ivrChoices + "]";
    }
}
