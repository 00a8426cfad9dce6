package io.cti.core.messages;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;

import java.time.Instant;
import java.util.Objects;

/**
 * An agent finished wrap-up of a call: the disposition code, notes, an optional callback time and an optional
 * satisfaction score (1-5, {@code 0} when none was given). The router writes them to the customer's history and
 * ends the agent's wrap-up. Immutable.
 *
 * @param callbackAt when to call the customer back, or {@code null} for no callback
 */
public record CompleteWrapUp(MessageId id, Instant occurredAt, AgentId agentId, CallId callId, String disposition,
                             String notes, Instant callbackAt, int satisfaction) implements Command {

    public CompleteWrapUp {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(disposition, "disposition");
        Objects.requireNonNull(notes, "notes");
        if (satisfaction < 0 || satisfaction > 5) {
            throw new IllegalArgumentException("a satisfaction score is 1-5, or 0 for none: " + satisfaction);
        }
    }

    public static CompleteWrapUp now(AgentId agentId, CallId callId, String disposition, String notes,
                                     Instant callbackAt, int satisfaction) {
        return new CompleteWrapUp(MessageId.random(), Instant.now(), agentId, callId, disposition, notes, callbackAt,
                satisfaction);
    }
}
