package io.cti.core.messages;

import io.cti.core.ids.CallId;
import io.cti.core.ids.QueueName;
import io.cti.core.phone.PhoneNumber;

import java.time.Instant;
import java.util.Objects;

/**
 * A caller reached the platform's holding context and waits for an agent in {@code queue}. {@code ani} is the
 * caller's number and {@code dnis} the number they dialled, both as the PBX gave them (possibly empty when
 * withheld, not necessarily E.164); {@code channel} and {@code uniqueId} name the caller's PBX channel.
 * Immutable; {@link #toString()} masks both numbers.
 */
public record CallArrived(MessageId id, Instant occurredAt, CallId callId, String channel, String uniqueId,
                          String ani, String dnis, QueueName queue) implements DomainEvent {

    public CallArrived {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(uniqueId, "uniqueId");
        Objects.requireNonNull(ani, "ani");
        Objects.requireNonNull(dnis, "dnis");
        Objects.requireNonNull(queue, "queue");
    }

    public static CallArrived now(CallId callId, String channel, String uniqueId, String ani, String dnis,
                                  QueueName queue) {
        return new CallArrived(MessageId.random(), Instant.now(), callId, channel, uniqueId, ani, dnis, queue);
    }

    @Override
    public String toString() {
        return "CallArrived[id=" + id + ", occurredAt=" + occurredAt + ", callId=" + callId + ", channel=" + channel
                + ", uniqueId=" + uniqueId + ", ani=" + PhoneNumber.mask(ani) + ", dnis=" + PhoneNumber.mask(dnis)
                + ", queue=" + queue + "]";
    }
}
