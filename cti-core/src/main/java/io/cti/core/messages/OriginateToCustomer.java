package io.cti.core.messages;

import io.cti.core.phone.PhoneNumber;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Asks the PBX bridge to call a customer: dial {@code number} through {@code trunk}, presenting {@code callerId},
 * ringing at most {@code timeout}; {@code variables} are set on the new channel, and {@code amd} asks for
 * answering-machine detection on answer. The outcome comes back as an {@link OriginateResult} whose
 * {@code actionRef} is this command's id. Immutable; {@link #toString()} masks the numbers and shows only the
 * variables' names, since values come from uploaded lists.
 */
public record OriginateToCustomer(MessageId id, Instant occurredAt, String trunk, String number, String callerId,
                                  Duration timeout, Map<String, String> variables, boolean amd) implements Command {

    public OriginateToCustomer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(trunk, "trunk");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(callerId, "callerId");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("originate timeout must be positive: " + timeout);
        }
        variables = Map.copyOf(Objects.requireNonNull(variables, "variables"));
    }

    public static OriginateToCustomer now(String trunk, String number, String callerId, Duration timeout,
                                          Map<String, String> variables, boolean amd) {
        return new OriginateToCustomer(MessageId.random(), Instant.now(), trunk, number, callerId, timeout, variables,
                amd);
    }

    @Override
    public String toString() {
        return "OriginateToCustomer[id=" + id + ", occurredAt=" + occurredAt + ", trunk=" + trunk
                + ", number=" + PhoneNumber.mask(number) + ", callerId=" + PhoneNumber.mask(callerId)
                + ", timeout=" + timeout + ", variables=" + variables.keySet().stream().sorted().toList()
                + ", amd=" + amd + "]";
    }
}
