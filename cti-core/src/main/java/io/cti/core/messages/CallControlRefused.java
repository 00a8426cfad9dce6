package io.cti.core.messages;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;

import java.time.Instant;
import java.util.Objects;

/**
 * The router refused an agent's call-control request ({@link HoldCall}, {@link ResumeCall}, {@link TransferCall},
 * {@link DialCustomer}) and nothing was done: {@code request} is the id of the refused command, {@code requestType}
 * its type's simple name, {@code reasonId} a stable id for the console to pick its words by (such as
 * {@code not-your-call}, {@code agent-not-ready}, {@code do-not-call}, {@code outside-calling-window}) and
 * {@code reason} the words for a person. Meant for {@code agentId}'s console only. Immutable.
 *
 * @param callId the call the request was about, or {@code null} (click-to-dial has none yet)
 */
public record CallControlRefused(MessageId id, Instant occurredAt, AgentId agentId, CallId callId, MessageId request,
                                 String requestType, String reasonId, String reason) implements DomainEvent {

    public CallControlRefused {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(requestType, "requestType");
        Objects.requireNonNull(reasonId, "reasonId");
        Objects.requireNonNull(reason, "reason");
    }

    public static CallControlRefused of(Command refused, AgentId agentId, CallId callId, String reasonId,
                                        String reason) {
        return new CallControlRefused(MessageId.random(), Instant.now(), agentId, callId, refused.id(),
                refused.getClass().getSimpleName(), reasonId, reason);
    }
}
