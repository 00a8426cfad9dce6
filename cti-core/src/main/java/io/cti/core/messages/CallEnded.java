package io.cti.core.messages;

import io.cti.core.ids.CallId;

import java.time.Instant;
import java.util.Objects;

/**
 * The last channel of a call hung up. {@code causeCode} is the Q.850 cause the PBX gave (0 when it gave none),
 * {@code causeText} its reading, or why the platform ended the call on its own (e.g. "lost during PBX
 * disconnect"); {@code hungUpBy} says which side ended it. Published exactly once per call. Immutable.
 */
public record CallEnded(MessageId id, Instant occurredAt, CallId callId, int causeCode, String causeText,
                        HangupParty hungUpBy) implements DomainEvent {

    /** The cause text of a call that ended while the platform could not see the PBX. */
    public static final String LOST_DURING_PBX_DISCONNECT = "lost during PBX disconnect";

    public CallEnded {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(causeText, "causeText");
        Objects.requireNonNull(hungUpBy, "hungUpBy");
    }

    public static CallEnded now(CallId callId, int causeCode, String causeText, HangupParty hungUpBy) {
        return new CallEnded(MessageId.random(), Instant.now(), callId, causeCode, causeText, hungUpBy);
    }
}
