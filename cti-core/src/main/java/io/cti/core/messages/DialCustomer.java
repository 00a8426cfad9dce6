package io.cti.core.messages;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CustomerId;
import io.cti.core.phone.PhoneNumber;

import java.time.Instant;
import java.util.Objects;

/**
 * Click-to-dial: an agent (from the customer card in the console) asks to call a customer. The agent's phone rings
 * first; once the agent answers, the customer is dialed. {@code customerId} is null for a number with no customer
 * record yet. The router checks the agent may take a call now (not on a call, not reserved) and that the number
 * may be dialed; the PBX bridge places the call. Immutable.
 */
public record DialCustomer(MessageId id, Instant occurredAt, AgentId agentId, PhoneNumber number,
                           CustomerId customerId) implements Command {

    public DialCustomer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(number, "number");
    }

    public static DialCustomer now(AgentId agentId, PhoneNumber number, CustomerId customerId) {
        return new DialCustomer(MessageId.random(), Instant.now(), agentId, number, customerId);
    }
}
